"""Installing the app over OAuth in the scenarios, as a browser and Slack would: open the
install page (its state comes in a cookie), follow "Add to Slack" to the fake Slack, which
approves and hands back a code, and return to the app's redirect URL with the code and state."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import HttpResult, http_request
from bot.server import Runtime
from bot.settings import Settings

CLIENT_ID = "1111.2222"
CLIENT_SECRET = "client-secret-7c1e"


def distributed(settings: Settings) -> dict[str, Any]:
    """Setting overrides (for make_runtime) that run the app distributed over OAuth."""
    return {
        "slack_bot_token": "",
        "slack_client_id": CLIENT_ID,
        "slack_client_secret": CLIENT_SECRET,
        "slack_redirect_uri": f"{settings.public_url}/slack/oauth_redirect",
    }


@dataclass(frozen=True)
class InstallLink:
    """What the install page hands the browser: the state cookie and Slack's authorize URL."""

    cookie: str
    state: str
    url: str
    query: dict[str, str]


def open_install_page(runtime: Runtime) -> InstallLink:
    """GET /slack/install: the "Add to Slack" link and the state cookie."""
    page = http_request(runtime.port, "GET", "/slack/install")
    assert page.status == 200, page.text
    cookie = page.headers["set-cookie"].split(";", 1)[0]
    found = re.search(r'<a href="([^"]+)"', page.text)
    assert found is not None, page.text
    url = html.unescape(found.group(1))
    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    return InstallLink(cookie=cookie, state=query["state"], url=url, query=query)


def redirect_back(runtime: Runtime, *, code: str, state: str, cookie: str | None) -> HttpResult:
    """GET /slack/oauth_redirect as Slack sends the installer back (cookie from the browser)."""
    query = urlencode({"code": code, "state": state})
    headers = {"Cookie": cookie} if cookie else {}
    return http_request(runtime.port, "GET", f"/slack/oauth_redirect?{query}", headers=headers)


def install(
    runtime: Runtime,
    fake: FakeSlack,
    *,
    team_id: str,
    installer: str,
    team_name: str | None = None,
) -> HttpResult:
    """The whole install of the app into one workspace; returns the redirect's answer."""
    link = open_install_page(runtime)
    assert link.url.startswith(fake.url + "oauth/v2/authorize?"), link.url
    assert link.query["client_id"] == CLIENT_ID
    code = fake.approve_install(
        client_id=CLIENT_ID,
        team_id=team_id,
        user_id=installer,
        scopes=link.query.get("scope", ""),
        team_name=team_name,
        redirect_uri=link.query.get("redirect_uri"),
    )
    return redirect_back(runtime, code=code, state=link.state, cookie=link.cookie)
