"""Installing the app over OAuth ("Add to Slack", `/slack/install` → Slack → `/slack/oauth_redirect`):
Bolt's OAuth flow and authorization with slack_sdk's SQLAlchemy installation and state stores on the
app's own database, all through the app's own Web API client (SLACK_API_URL), so the code exchange
and every token rotation go to the Slack the app is configured for (GovSlack, the sandbox), not to
slack.com. A completed install (re)activates the workspace.

A forged or expired state, a replayed redirect (the state is used once) or a refused code end on
Bolt's failure page and write nothing.
"""

from __future__ import annotations

import logging

from slack_bolt.authorization.authorize import InstallationStoreAuthorize
from slack_bolt.oauth import OAuthFlow
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_bolt.request import BoltRequest
from slack_sdk import WebClient
from slack_sdk.oauth.installation_store import Installation

from bot.deps import Deps
from bot.installations import installation_store, oauth_state_store
from bot.services.workspaces import activate_workspace

log = logging.getLogger(__name__)


class InstallFlow(OAuthFlow):
    """Bolt's OAuth flow; after slack_sdk's store has saved the installation, the workspace is
    marked installed (again) in the app's own tables."""

    def __init__(self, *, deps: Deps, client: WebClient, settings: OAuthSettings) -> None:
        super().__init__(client=client, settings=settings, logger=logging.getLogger("bolt.oauth"))
        self._deps = deps

    def store_installation(self, request: BoltRequest, installation: Installation) -> None:
        """Save the tokens as slack_sdk stores them, then activate the workspace."""
        super().store_installation(request, installation)
        team_id = str(installation.team_id or "")
        deps = self._deps
        # Any token remembered from before (an earlier install) is stale now.
        deps.tokens.forget(team_id)
        with deps.uow() as session:
            activate_workspace(
                session,
                team_id=team_id,
                name=installation.team_name,
                installer=installation.user_id,
                now=deps.now(),
            )
        log.info("installed in workspace %s", team_id)


def oauth_flow(deps: Deps, *, client: WebClient) -> tuple[InstallFlow, InstallationStoreAuthorize]:
    """The OAuth flow and the authorization of a distributed app, sharing one installation store
    and the app's client (`client`, at SLACK_API_URL, without a token of its own)."""
    settings = deps.settings
    store = installation_store(settings, deps.engine)
    oauth_settings = OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=list(settings.slack_scopes),
        user_scopes=list(settings.slack_user_scopes),
        redirect_uri=settings.slack_redirect_uri,
        install_path=settings.slack_install_path,
        redirect_uri_path=settings.slack_redirect_uri_path,
        authorization_url=settings.authorization_url,
        installation_store=store,
        token_rotation_expiration_minutes=settings.token_rotation_expiration_minutes,
        state_store=oauth_state_store(settings, deps.engine),
        state_expiration_seconds=settings.oauth_state_expiration_seconds,
        logger=logging.getLogger("bolt.oauth"),
    )
    # OAuthSettings builds an authorize of its own whose token rotation would use a default
    # client (slack.com); this one rotates through the app's client.
    authorize = InstallationStoreAuthorize(
        logger=logging.getLogger("bolt.authorize"),
        installation_store=store,
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        token_rotation_expiration_minutes=settings.token_rotation_expiration_minutes,
        # One auth.test per token, not one per request (a rotated token is a new entry).
        cache_enabled=True,
        client=client,
    )
    return InstallFlow(deps=deps, client=client, settings=oauth_settings), authorize
