"""POST /slack/events: Slack's signature is checked on the raw bytes before anything is parsed; a
verified request goes to Bolt, which acks and runs the listeners. Refusals log one line, no body."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt import App
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse

from bot.web import (
    Environ,
    Response,
    Route,
    headers_of,
    read_body,
    route,
    slack_signature_problem,
)

log = logging.getLogger(__name__)


# Hands a verified request (its body and headers) to another process, which runs its listener;
# True when taken. None: this process runs every listener itself.
Forward = Callable[[str, dict[str, str]], bool]
# Whether a parsed payload is one whose listener acks first with nothing (it may be forwarded).
AcksFirst = Callable[[dict[str, Any]], bool]


def slack_events_route(
    app: App,
    *,
    max_bytes: int,
    signing_secret: str,
    forward: Forward | None = None,
    acks_first: AcksFirst | None = None,
) -> Route:
    """POST /slack/events: check Slack's signature on the raw bytes, then let Bolt ack and run
    the listeners.

    Nothing parses the body before the signature and timestamp are verified (bot.web): anything
    unsigned is a 401 with one log line, and a correctly signed body that is not a Slack payload
    is a 400. Bolt's own check of the same signature is then redundant (bot/app/__init__.py may turn it
    off for HTTP mode); Socket Mode requests never come through here.
    """

    def handle(environ: Environ, _match: Any) -> Response:
        body = read_body(environ, limit=max_bytes)
        if body is None:
            return Response.text(413, "request body too large")
        problem = slack_signature_problem(
            secret=signing_secret,
            body=body,
            timestamp=environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP"),
            signature=environ.get("HTTP_X_SLACK_SIGNATURE"),
        )
        if problem is not None:
            _log_refusal(environ, 401, problem)
            return Response.text(401, "invalid request")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            _log_refusal(environ, 400, "body is not UTF-8")
            return Response.text(400, "body is not UTF-8")
        headers = headers_of(environ)
        parsed = parse_slack_payload(text, content_type=headers.get("content-type"))
        problem = payload_problem(*parsed)
        if problem is not None:
            _log_refusal(environ, 400, problem)
            return Response.text(400, "not a Slack request")
        payload = parsed[0]
        if (
            forward is not None
            and acks_first is not None
            and isinstance(payload, dict)
            and acks_first(payload)
            and forward(text, headers)
        ):
            # Acknowledged here and now, as its listener would have (with nothing); the listener
            # runs in the process the request was handed to (bot/prefork.py).
            return Response(200, b"")
        try:
            request = BoltRequest(
                body=text,
                query=environ.get("QUERY_STRING", ""),
                headers=headers,  # type: ignore[arg-type]
            )
        except (ValueError, TypeError, AttributeError, KeyError, IndexError) as exc:
            # Signed, parsed, but a shape Bolt cannot read: still the sender's error, not ours.
            _log_refusal(environ, 400, f"payload Bolt cannot read ({type(exc).__name__})")
            return Response.text(400, "not a Slack request")
        bolt_response = app.dispatch(request)
        out_headers = [
            (name, value)
            for name, values in bolt_response.headers.items()
            for value in values
            if name.lower() not in {"content-type", "content-length"}
        ]
        content_type = (bolt_response.headers.get("content-type") or ["text/plain; charset=utf-8"])[
            0
        ]
        return Response(
            bolt_response.status,
            bolt_response.body.encode("utf-8"),
            content_type=content_type,
            headers=out_headers,
        )

    return route("POST", r"/slack/events", handle)


def oauth_routes(app: App) -> list[Route]:
    """GET /slack/install ("Add to Slack": a fresh state in a cookie and the link to Slack) and
    GET /slack/oauth_redirect (Slack sends the installer back with a code), answered by Bolt's
    OAuth flow; the paths are SLACK_INSTALL_PATH and SLACK_REDIRECT_URI_PATH."""
    flow = app.oauth_flow
    if flow is None:
        return []

    def answer(bolt_response: BoltResponse) -> Response:
        headers = [
            (name, value)
            for name, values in bolt_response.headers.items()
            for value in values
            if name.lower() not in {"content-type", "content-length"}
        ]
        content_type = (bolt_response.headers.get("content-type") or ["text/html; charset=utf-8"])[
            0
        ]
        return Response(
            bolt_response.status,
            str(bolt_response.body).encode("utf-8"),
            content_type=content_type,
            headers=headers,
        )

    def request_of(environ: Environ) -> BoltRequest:
        return BoltRequest(
            body="",
            query=environ.get("QUERY_STRING", ""),
            headers=headers_of(environ),  # type: ignore[arg-type]
        )

    def install(environ: Environ, _match: Any) -> Response:
        return answer(flow.handle_installation(request_of(environ)))

    def redirect(environ: Environ, _match: Any) -> Response:
        # The query holds the one-time code and the state: neither is logged.
        return answer(flow.handle_callback(request_of(environ)))

    # Each visit of the install page stores a state: limited like the other public pages.
    return [
        route("GET", re.escape(flow.install_path), install, limited=True),
        route("GET", re.escape(flow.redirect_uri_path), redirect, limited=True),
    ]


def _log_refusal(environ: Environ, status: int, reason: str) -> None:
    """One line per refused request: the reason and who sent it, never the body or headers."""
    log.info(
        "refused POST /slack/events from %s: %s (%d)",
        environ.get("REMOTE_ADDR") or "unknown",
        reason,
        status,
    )


def parse_slack_payload(text: str, *, content_type: str | None) -> tuple[Any, str]:
    """The payload of a verified body and where it was found, read as Bolt reads it
    (slack_bolt.request.internals.parse_body): JSON when the content type is exactly
    application/json or the body starts with "{", the JSON in a `payload` form field for
    interactivity, else form fields (slash commands, ssl_check)."""
    if not text:
        return None, "empty body"
    bolt_type = content_type.split(";")[0] if content_type else None
    if bolt_type == "application/json" or text.startswith("{"):
        return _json_or_none(text), "JSON body"
    fields = dict(parse_qsl(text, keep_blank_values=True))
    if "payload" in text and "payload" in fields:
        return _json_or_none(fields["payload"]), "payload field"
    return fields, "form body"


def payload_problem(parsed: Any, where: str) -> str | None:
    """Why a parsed payload is no Slack request (a short reason), or None: it must be a JSON
    object that names what it is (a `type`, a `command` or `ssl_check`)."""
    if where == "empty body":
        return where
    if not isinstance(parsed, dict):
        return f"{where} is not a JSON object"
    if not any(isinstance(parsed.get(key), str) for key in ("type", "command", "ssl_check")):
        return f"{where} names no type or command"
    return None


def dispatch_forwarded(app: App, *, body: str, headers: dict[str, str]) -> None:
    """Run the listener of a request another process verified and acknowledged (its answer to
    Slack is already given: what Bolt returns here is dropped)."""
    app.dispatch(BoltRequest(body=body, query="", headers=headers))  # type: ignore[arg-type]


def _json_or_none(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


class _NoBodies(logging.Filter):
    """Bolt logs a refused request's whole body at INFO (RequestVerification); keep the reason.

    The route above refuses unsigned requests before Bolt sees them, so this only matters if
    Bolt's own check still runs and disagrees; the body (user ids, response URLs) stays out of
    the log either way.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if str(record.msg).startswith("Invalid request signature detected"):
            record.msg = "Invalid request signature detected (details not logged)"
            record.args = None
        return True


def quiet_bolt_refusals() -> None:
    """Install the filter on Bolt's request-verification logger (once per process)."""
    logger = logging.getLogger("slack_bolt.RequestVerification")
    if not any(isinstance(f, _NoBodies) for f in logger.filters):
        logger.addFilter(_NoBodies())
