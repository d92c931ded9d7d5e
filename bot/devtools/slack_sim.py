"""Plays Slack's side of the conversation: signed slash commands, clicks, modal submits and events
sent to the app's real HTTP endpoint, exactly as Slack would send them."""

from __future__ import annotations

import hashlib
import hmac
import http.client
import itertools
import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from bot.devtools.fake_slack import FakeSlack

_ids = itertools.count(1)


@dataclass
class HttpResult:
    """What the app answered, and how long it took."""

    status: int
    body: bytes
    headers: dict[str, str]
    elapsed: float

    @property
    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body) if self.body else None

    @property
    def text(self) -> str:
        """The body as text."""
        return self.body.decode("utf-8", "replace")


def sign(secret: str, timestamp: str, body: str) -> str:
    """Slack's v0 request signature."""
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def http_request(
    port: int, method: str, path: str, *, body: bytes = b"", headers: dict[str, str] | None = None
) -> HttpResult:
    """One HTTP request to the app on loopback."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    started = time.monotonic()
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        return HttpResult(
            status=response.status,
            body=data,
            headers={k.lower(): v for k, v in response.getheaders()},
            elapsed=time.monotonic() - started,
        )
    finally:
        conn.close()


class SlackSim:
    """Sends what Slack sends. One instance per app under test."""

    def __init__(self, *, port: int, signing_secret: str, fake: FakeSlack, team_id: str = "T1"):
        self.port = port
        self.secret = signing_secret
        self.fake = fake
        self.team_id = team_id

    # -- transport -------------------------------------------------------------------------------
    def post(
        self,
        body: str,
        *,
        content_type: str,
        timestamp: int | None = None,
        signature: str | None = None,
        extra_headers: dict[str, str] | None = None,
    ) -> HttpResult:
        """POST /slack/events with Slack's signature headers (overridable to test refusals)."""
        ts = str(int(time.time()) if timestamp is None else timestamp)
        headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": signature
            if signature is not None
            else sign(self.secret, ts, body),
        }
        headers.update(extra_headers or {})
        return http_request(self.port, "POST", "/slack/events", body=body.encode(), headers=headers)

    def post_form(self, fields: dict[str, str], **kwargs: Any) -> HttpResult:
        """POST form-encoded fields (slash commands, interactivity)."""
        return self.post(
            urlencode(fields), content_type="application/x-www-form-urlencoded", **kwargs
        )

    def post_payload(self, payload: dict[str, Any], **kwargs: Any) -> HttpResult:
        """POST an interactivity payload (`payload=<json>`)."""
        return self.post_form({"payload": json.dumps(payload)}, **kwargs)

    # -- what users do ---------------------------------------------------------------------------
    def command(
        self,
        user_id: str,
        text: str,
        *,
        command: str = "/intervisie",
        channel_id: str = "C0GENERAL",
        team_id: str | None = None,
    ) -> HttpResult:
        """A user types `/intervisie <text>`."""
        return self.post_form(
            {
                "token": "legacy-unused",
                "team_id": team_id or self.team_id,
                "team_domain": "test",
                "channel_id": channel_id,
                "channel_name": "general",
                "user_id": user_id,
                "user_name": user_id.lower(),
                "command": command,
                "text": text,
                "api_app_id": "AINTERVISIE",
                "is_enterprise_install": "false",
                "response_url": self.fake.new_response_url(),
                "trigger_id": self.fake.new_trigger_id(user_id),
            }
        )

    def click(
        self,
        user_id: str,
        *,
        action_id: str,
        value: str | None = None,
        block_id: str = "actions",
        message: dict[str, Any] | None = None,
        view: dict[str, Any] | None = None,
        team_id: str | None = None,
        selected_option: dict[str, Any] | None = None,
    ) -> HttpResult:
        """A user clicks a button (in a message, a modal or the App Home)."""
        action: dict[str, Any] = {
            "type": "button" if selected_option is None else "static_select",
            "action_id": action_id,
            "block_id": block_id,
            "action_ts": f"{time.time():.6f}",
        }
        if value is not None:
            action["value"] = value
        if selected_option is not None:
            action["selected_option"] = selected_option
        team = team_id or self.team_id
        payload: dict[str, Any] = {
            "type": "block_actions",
            "team": {"id": team, "domain": "test"},
            "user": {"id": user_id, "username": user_id.lower(), "team_id": team},
            "api_app_id": "AINTERVISIE",
            "token": "legacy-unused",
            "trigger_id": self.fake.new_trigger_id(user_id),
            "actions": [action],
        }
        if message is not None:
            payload["container"] = {
                "type": "message",
                "message_ts": message["ts"],
                "channel_id": message["channel"],
                "is_ephemeral": False,
            }
            payload["channel"] = {"id": message["channel"]}
            payload["message"] = {
                "ts": message["ts"],
                "text": message.get("text", ""),
                "blocks": message.get("blocks", []),
            }
            payload["response_url"] = self.fake.new_response_url()
        elif view is not None:
            payload["container"] = {"type": "view", "view_id": view.get("id")}
            payload["view"] = view
        return self.post_payload(payload)

    def submit(
        self,
        user_id: str,
        view: dict[str, Any],
        values: dict[Any, Any],
        *,
        team_id: str | None = None,
    ) -> HttpResult:
        """A user fills in a modal (by action_id) and presses its submit button."""
        team = team_id or self.team_id
        submitted = dict(view)
        submitted["state"] = {"values": fill_state(view, values)}
        submitted.setdefault("id", f"V{next(_ids):08d}")
        payload = {
            "type": "view_submission",
            "team": {"id": team, "domain": "test"},
            "user": {"id": user_id, "username": user_id.lower(), "team_id": team},
            "api_app_id": "AINTERVISIE",
            "token": "legacy-unused",
            "trigger_id": self.fake.new_trigger_id(user_id),
            "view": submitted,
            "response_urls": [],
        }
        return self.post_payload(payload)

    def event(
        self,
        event: dict[str, Any],
        *,
        event_id: str | None = None,
        retry_num: int | None = None,
        team_id: str | None = None,
    ) -> HttpResult:
        """Slack's Events API delivers an event (optionally as a retry)."""
        body = {
            "token": "legacy-unused",
            "team_id": team_id or self.team_id,
            "api_app_id": "AINTERVISIE",
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(_ids):010d}",
            "event_time": int(time.time()),
            "authorizations": [
                {"team_id": team_id or self.team_id, "user_id": "UBOT", "is_bot": True}
            ],
        }
        headers = {}
        if retry_num is not None:
            headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"}
        return self.post(json.dumps(body), content_type="application/json", extra_headers=headers)

    def open_home(self, user_id: str) -> HttpResult:
        """The user opens the app's Home tab."""
        return self.event(
            {
                "type": "app_home_opened",
                "user": user_id,
                "channel": "D" + user_id,
                "tab": "home",
                "event_ts": f"{time.time():.6f}",
            }
        )


def _elements(view: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for block in view.get("blocks", []):
        if block.get("type") == "input":
            found.append((block["block_id"], block["element"]))
        elif block.get("type") == "actions":
            for el in block.get("elements", []):
                found.append((block["block_id"], el))
        elif block.get("type") == "section" and block.get("accessory"):
            found.append((block["block_id"], block["accessory"]))
    return found


def _options(element: dict[str, Any]) -> list[dict[str, Any]]:
    options = list(element.get("options") or [])
    for group in element.get("option_groups") or []:
        options.extend(group.get("options") or [])
    return options


def fill_state(view: dict[str, Any], values: dict[Any, Any]) -> dict[str, Any]:
    """Build `view.state.values` as Slack does, from {action_id: what the user typed or chose};
    inputs that share an action id (one per block) are keyed {(block_id, action_id): …}.

    Text inputs take a string; selects, radio buttons take the option *value*; checkboxes and
    multi-selects a list of values; users_select a user id; datepicker 'YYYY-MM-DD'; timepicker
    'HH:MM'. Inputs the user leaves alone are sent with their initial value, as Slack does.
    """
    state: dict[str, Any] = {}
    used = set()
    for block_id, element in _elements(view):
        action_id = element.get("action_id")
        if action_id is None:
            continue
        kind = element.get("type")
        key: Any = (block_id, action_id) if (block_id, action_id) in values else action_id
        given = values.get(key, _initial(element))
        if key in values:
            used.add(key)
        entry: dict[str, Any] = {"type": kind}
        if kind in {"plain_text_input", "number_input", "email_text_input", "url_text_input"}:
            entry["value"] = given
        elif kind in {"static_select", "radio_buttons", "external_select"}:
            option = None
            if given is not None:
                matches = [o for o in _options(element) if o.get("value") == given]
                if not matches:
                    raise AssertionError(f"{action_id}: no option with value {given!r}")
                option = matches[0]
            entry["selected_option"] = option
        elif kind in {"checkboxes", "multi_static_select"}:
            chosen = given or []
            entry["selected_options"] = [o for o in _options(element) if o.get("value") in chosen]
        elif kind == "users_select":
            entry["selected_user"] = given
        elif kind == "multi_users_select":
            entry["selected_users"] = given or []
        elif kind == "datepicker":
            entry["selected_date"] = given
        elif kind == "timepicker":
            entry["selected_time"] = given
        else:
            continue
        state.setdefault(block_id, {})[action_id] = entry
    unknown = set(values) - used
    if unknown:
        raise AssertionError(f"the view has no inputs {sorted(map(str, unknown))}")
    return state


def _initial(element: dict[str, Any]) -> Any:
    kind = element.get("type")
    if kind in {"static_select", "radio_buttons"}:
        option = element.get("initial_option")
        return option.get("value") if option else None
    if kind in {"checkboxes", "multi_static_select"}:
        return [o["value"] for o in element.get("initial_options") or []]
    if kind == "users_select":
        return element.get("initial_user")
    if kind == "datepicker":
        return element.get("initial_date")
    if kind == "timepicker":
        return element.get("initial_time")
    return element.get("initial_value")
