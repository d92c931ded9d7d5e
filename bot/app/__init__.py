"""The Bolt app factory: one App per running process, wired to the app's dependencies."""

from __future__ import annotations

import logging
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_bolt.response import BoltResponse
from slack_sdk import WebClient

from bot.deps import Deps
from bot.errors import DomainError
from bot.i18n import lang_for, t
from bot.slack_api import make_web_client
from handlers import install_renderers, register_all
from handlers.context import DEPS_KEY, early_ack_middleware
from handlers.install import oauth_flow

log = logging.getLogger(__name__)


def create_app(deps: Deps, *, client: WebClient | None = None) -> App:
    """Build the Bolt app: listeners from handlers/, deps in every listener's context, one error
    handler, and the notification renderers handlers/ provides installed for the outbox."""
    settings = deps.settings
    # Bolt acks in the request thread and runs listeners here; sized explicitly so slow listeners
    # (users.info, views.open) queue among themselves and never delay an ack.
    executor = ThreadPoolExecutor(
        max_workers=settings.listener_threads,
        thread_name_prefix="bolt-listener",
    )
    client = client or make_web_client(settings)
    distribution: dict[str, Any] = {}
    if settings.distributed:
        # Many workspaces: each request's token comes from the workspace's installation.
        flow, authorize = oauth_flow(deps, client=client)
        distribution = {
            "oauth_flow": flow,
            "authorize": authorize,
            "user_facing_authorize_error_message": t("nl", "install.not_installed")
            + "\n"
            + t("en", "install.not_installed"),
        }
    app = App(
        signing_secret=settings.slack_signing_secret or None,
        client=client,
        **distribution,
        process_before_response=False,
        # bot/server.py verifies the signature on the raw bytes before Bolt parses anything, and
        # Socket Mode needs none.
        request_verification_enabled=False,
        listener_executor=executor,
        raise_error_for_unhandled_request=False,
        logger=logging.getLogger("bolt"),
    )

    def inject_deps(context: BoltContext, next: Any) -> None:
        context[DEPS_KEY] = deps
        next()

    app.use(inject_deps)
    # The request thread answers Slack the moment a listener acks (no 10 ms polling), and an ack
    # once given stays given when the listener fails afterwards (see PromptAck).
    app.use(prompt_ack_middleware)
    app.use(early_ack_middleware(app))
    app.error(_error_handler(deps))
    register_all(app)
    install_renderers(deps.renderers)
    return app


def _error_handler(deps: Deps) -> Any:
    """The one error handler: a domain error becomes a message in the user's language, anything
    else is logged with a reference the user can quote. Returns a 200 for Slack when the listener
    failed before acking, so Slack shows our message rather than "dispatch_failed"."""

    def on_error(
        error: Exception,
        body: dict[str, Any],
        respond: Any,
        client: WebClient,
        response: BoltResponse | None,
    ) -> BoltResponse | None:
        user_id = _user_id(body)
        team_id = _team_id(body)
        lang = "nl"
        if user_id and team_id:
            lang = lang_for(deps.directory.profile(team_id=team_id, user_id=user_id).locale)
        if isinstance(error, DomainError):
            text = t(lang, error.key, **error.params)  # type: ignore[arg-type]
        else:
            ref = uuid.uuid4().hex[:10]
            log.error("unhandled error (ref %s) for %s", ref, body.get("type"), exc_info=error)
            text = t(lang, "error.unexpected", ref=ref)  # type: ignore[arg-type]
        _tell_user(text=text, body=body, respond=respond, client=client, user_id=user_id)
        # Not acked yet (Bolt prepared a 500): acknowledge with an empty 200 instead.
        return BoltResponse(status=200, body="") if response is not None else None

    return on_error


def _tell_user(
    *, text: str, body: dict[str, Any], respond: Any, client: WebClient, user_id: str | None
) -> None:
    try:
        if respond is not None and (body.get("response_url") or body.get("response_urls")):
            respond(text=text, response_type="ephemeral", replace_original=False)
        elif user_id:
            # Modal submissions and events have no response_url: say it in the app's DM.
            client.chat_postMessage(channel=user_id, text=text)
    except Exception:  # the user could not be told; the error itself is logged above
        log.warning("could not report an error to the user", exc_info=True)


def _user_id(body: dict[str, Any]) -> str | None:
    user = body.get("user")
    if isinstance(user, dict):
        return user.get("id")
    return body.get("user_id") or (body.get("event") or {}).get("user")


def _team_id(body: dict[str, Any]) -> str | None:
    team = body.get("team")
    if isinstance(team, dict):
        return team.get("id")
    return body.get("team_id") or (body.get("user") or {}).get("team_id")


# Prompt acks. Acks that reach Slack the moment a listener calls ack(), not at Bolt's next 10 ms poll.
#
# Bolt (process_before_response=False) runs each listener on the listener pool and lets the request
# thread poll `ack.response` every 10 ms until the listener has acked. Under load the poll wakes
# late and competes for the interpreter with the listeners, so acks queue up behind work that was
# meant to come after them (bench/README.md, ack latency). PromptAck makes that poll wait on an
# event instead: the request thread answers Slack as soon as ack() has been called.
#
# An ack, once given, stays given. When a listener raises after ack(), Bolt's thread runner (1.x,
# slack_bolt/listener/thread_runner.py) hands the error to app.error and then sets
# `ack.response = None`; if the request thread had not yet read the ack, it would wait out the
# ack timeout and Slack would say the app did not respond. PromptAck ignores that reset. Bolt
# offers no public hook for this; tests/scenario/test_errors.py fails the day the behaviour
# this relies on changes (an error after ack() must still answer 200 at once).

# How long one read of `response` in the request thread waits for the listener's ack; Bolt reads
# it again after its own 10 ms sleep, until its ack timeout.
WAIT_PER_READ_SECONDS = 0.25


class PromptAck(Ack):
    """An Ack whose `response`, read by the thread that is waiting for it, waits for ack()."""

    def __init__(self) -> None:
        self._answered = threading.Event()
        self._waiter = threading.get_ident()
        self._response: BoltResponse | None = None
        super().__init__()  # type: ignore[no-untyped-call]

    @property
    def response(self) -> BoltResponse | None:
        """The ack's response; the request thread waits (briefly) for it instead of polling."""
        value = self._response
        if value is None and threading.get_ident() == self._waiter:
            self._answered.wait(WAIT_PER_READ_SECONDS)
            value = self._response
        return value

    @response.setter
    def response(self, value: BoltResponse | None) -> None:
        if value is None and self._response is not None:
            return  # acked already: Slack has (or is about to have) its answer
        self._response = value
        if value is not None:
            self._answered.set()


def prompt_ack_middleware(context: BoltContext, next: Any) -> None:
    """Give the request a PromptAck before any listener sees its `ack`."""
    current = context.get("ack")
    if current is None or (not isinstance(current, PromptAck) and current.response is None):
        context["ack"] = PromptAck()
    next()
