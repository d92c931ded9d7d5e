"""manifest.yml is the contract: every command and event it subscribes to is answered by a
handler, and the app asks for no scope it does not use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim
from handlers.commands import COMMAND

# Which bot scope each Web API method the app calls needs (Slack's method reference).
SCOPE_OF_METHOD = {
    "chat.postMessage": "chat:write",
    "chat.update": "chat:write",
    "chat.postEphemeral": "chat:write",
    "conversations.open": "im:write",
    "conversations.history": "im:history",
    "users.info": "users:read",
    "files.getUploadURLExternal": "files:write",
    "files.completeUploadExternal": "files:write",
    "views.open": None,
    "views.update": None,
    "views.push": None,
    "views.publish": None,
    "auth.test": None,
}


def _manifest(repo_root: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((repo_root / "manifest.yml").read_text())
    return data


def test_manifest_shape(repo_root: Path) -> None:
    m = _manifest(repo_root)
    assert m["features"]["app_home"]["home_tab_enabled"] is True
    assert m["features"]["app_home"]["messages_tab_enabled"] is True
    assert m["settings"]["interactivity"]["is_enabled"] is True
    assert "socket_mode_enabled" in m["settings"]
    assert [c["command"] for c in m["features"]["slash_commands"]] == [COMMAND]
    assert len(m["display_information"]["long_description"]) >= 175
    for url in (
        m["settings"]["event_subscriptions"]["request_url"],
        m["settings"]["interactivity"]["request_url"],
        m["features"]["slash_commands"][0]["url"],
    ):
        assert url.endswith("/slack/events")
    # Distribution: Slack sends the installer back to the app's redirect path.
    assert [u.rsplit("/", 2)[-2:] for u in m["oauth_config"]["redirect_urls"]] == [
        ["slack", "oauth_redirect"]
    ]


def test_every_manifest_event_is_handled(repo_root: Path, slack: SlackSim) -> None:
    # Bolt answers 404 to a request no listener matches: each subscribed event must get 200.
    for name in _manifest(repo_root)["settings"]["event_subscriptions"]["bot_events"]:
        event = {"type": name, "user": "UANNE001", "tab": "messages", "event_ts": "1.0"}
        if name == "tokens_revoked":
            event["tokens"] = {"bot": ["UBOT"]}
        result = slack.event(event, team_id="T9")
        assert result.status == 200, name


def test_the_slash_command_is_handled(slack: SlackSim) -> None:
    assert slack.command("UANNE001", "help").status == 200


def test_an_unsubscribed_event_is_not_handled(slack: SlackSim) -> None:
    assert slack.event({"type": "reaction_added", "user": "UANNE001"}).status == 404


def test_the_app_uses_only_manifest_scopes(
    repo_root: Path, slack: SlackSim, fake_slack: FakeSlack
) -> None:
    scopes = set(_manifest(repo_root)["oauth_config"]["scopes"]["bot"])
    slack.command("UANNE001", "help")
    slack.open_home("UANNE001")
    fake_slack.wait_for("views.publish")
    used = {c.method for c in fake_slack.calls if c.method not in {"response_url", "upload"}}
    unknown = used - set(SCOPE_OF_METHOD)
    assert not unknown, f"add these methods to SCOPE_OF_METHOD: {unknown}"
    needed = {SCOPE_OF_METHOD[m] for m in used} - {None}
    assert needed <= scopes
    # Every manifest scope is accounted for by a method the app can call (commands is implicit).
    declared_for = {s for s in SCOPE_OF_METHOD.values() if s} | {"commands"}
    assert scopes <= declared_for
