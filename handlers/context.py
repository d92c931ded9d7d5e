"""What every listener needs first, done once: the app's deps, who is acting (an Actor, re-read
from every payload), and how to answer. Areas register plain functions of one `Interaction`
through `on_action` / `on_view`, so no listener repeats the ack-and-look-up preamble."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from weakref import WeakKeyDictionary

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.actor import Actor, zone_of
from bot.deps import Deps
from bot.errors import DomainError, InvalidFields, InvalidInput
from bot.i18n import lang_for, t_plain
from bot.notify import Message
from bot.parsing import parse_group_number
from bot.services.association import is_secretariat
from bot.services.group_rights import managing_groups
from bot.services.people import ensure_person

# The key under which the app factory's middleware puts the deps into Bolt's context.
DEPS_KEY = "intervisie_deps"


def deps_of(context: BoltContext) -> Deps:
    """The deps injected by the app factory's middleware."""
    deps: Deps = context[DEPS_KEY]
    return deps


def actor_for(deps: Deps, *, team_id: str, user_id: str) -> Actor:
    """Resolve (and on first contact create) the person behind a Slack user id; secretariat
    per workspace: its owners and admins, the people added in the app, INTERVISIE_ADMINS."""
    profile = deps.directory.profile(team_id=team_id, user_id=user_id)
    with deps.uow() as session:
        person = ensure_person(session, profile=profile, now=deps.now())
        person_id, name, locale, tz_name = (
            person.id,
            person.full_name or person.display_name or user_id,
            person.locale,
            person.tz,
        )
        secretariat = deps.is_bootstrap_admin(user_id) or is_secretariat(
            session, team_id=team_id, person_id=person_id, workspace_admin=profile.is_admin
        )
    return Actor(
        team_id=team_id,
        user_id=user_id,
        person_id=person_id,
        name=name,
        lang=lang_for(locale),
        tz=zone_of(tz_name, default=deps.settings.timezone),
        is_secretariat=secretariat,
    )


def team_of(body: dict[str, Any]) -> str:
    """The workspace id of any payload (command, action, view submission, event)."""
    team = body.get("team")
    if isinstance(team, dict) and team.get("id"):
        return str(team["id"])
    if body.get("team_id"):
        return str(body["team_id"])
    user = body.get("user")
    if isinstance(user, dict) and user.get("team_id"):
        return str(user["team_id"])
    raise ValueError("payload without a team id")


def user_of(body: dict[str, Any]) -> str:
    """The acting user's id in any payload."""
    user = body.get("user")
    if isinstance(user, dict) and user.get("id"):
        return str(user["id"])
    if body.get("user_id"):
        return str(body["user_id"])
    event = body.get("event") or {}
    if event.get("user"):
        return str(event["user"])
    raise ValueError("payload without a user id")


@dataclass(frozen=True, kw_only=True)
class Interaction:
    """One click, modal submit or command: the deps, the actor, the payload and the ways to answer."""

    deps: Deps
    actor: Actor
    body: dict[str, Any]
    client: WebClient
    respond: Respond

    @property
    def trigger_id(self) -> str:
        """The trigger id for opening a modal (it lives 3 seconds)."""
        return str(self.body.get("trigger_id") or "")

    @property
    def action(self) -> dict[str, Any]:
        """The clicked element of a block_actions payload."""
        actions = self.body.get("actions") or [{}]
        first: dict[str, Any] = actions[0]
        return first

    @property
    def value(self) -> str:
        """The clicked button's value (ids only; re-authorised by the service)."""
        return str(self.action.get("value") or "")

    @property
    def value_id(self) -> int:
        """The clicked button's value as an id; anything else is a forged or garbled click."""
        raw = self.value
        if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:
            raise InvalidInput("error.bad_form")
        return int(raw)

    @property
    def press_id(self) -> str:
        """One id per press: Slack's retries of the same press carry the same action_ts."""
        return str(self.action.get("action_ts") or self.trigger_id)

    @property
    def view(self) -> dict[str, Any]:
        """The submitted modal of a view_submission payload."""
        view: dict[str, Any] = self.body.get("view") or {}
        return view

    @property
    def values(self) -> dict[str, dict[str, Any]]:
        """The submitted modal's state, by block id and action id."""
        values: dict[str, dict[str, Any]] = (self.view.get("state") or {}).get("values") or {}
        return values

    def today(self) -> date:
        """Today in the association's time zone (dates typed and periods counted there)."""
        return self.deps.now().astimezone(self.deps.settings.timezone).date()

    def can_respond(self) -> bool:
        """True when the payload has a response_url (messages; not modals or the App Home)."""
        return bool(self.body.get("response_url") or self.body.get("response_urls"))

    def say(self, message: Message | dict[str, Any], *, replace: bool = False) -> None:
        """Answer ephemerally in the conversation the click or command came from."""
        self.respond(**message, response_type="ephemeral", replace_original=replace)


@dataclass(frozen=True, kw_only=True)
class CommandCall(Interaction):
    """One `/intervisie …` invocation: the interaction and the words after the subcommand."""

    args: list[str]

    def group_number(self, sub: str) -> int:
        """The group number typed first, or else the only group the actor manages (as contact
        person or deputy); otherwise a refusal that says what to type (the one answer every
        subcommand gives)."""
        if self.args:
            return parse_group_number(self.args[0])
        with self.deps.uow() as session:
            numbers = [g.number for g in managing_groups(session, person_id=self.actor.person_id)]
        if len(numbers) == 1:
            return numbers[0]
        if not numbers:
            raise InvalidInput("group.number_needed", sub=sub)
        commands = ", ".join(f"`/intervisie {sub} {n}`" for n in numbers)
        raise InvalidInput("group.which", commands=commands)


def interaction_of(
    *, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> Interaction:
    """The Interaction of a payload: deps from the context, the actor re-read from Slack ids."""
    deps = deps_of(context)
    actor = actor_for(deps, team_id=team_of(body), user_id=user_of(body))
    return Interaction(deps=deps, actor=actor, body=body, client=client, respond=respond)


@dataclass(frozen=True, kw_only=True)
class Submitted:
    """How a modal submit ends: close it (default) or show `view` instead; `then` runs after the
    ack (e.g. open the next modal with the submission's fresh trigger id, publish the Home tab)."""

    view: dict[str, Any] | None = None
    then: Callable[[], None] | None = None


ActionHandler = Callable[[Interaction], None]
ViewHandler = Callable[[Interaction], Submitted | None]


def on_action(app: App, action_id: str, handler: ActionHandler) -> None:
    """Listen for a button: ack at once (Slack's 3 seconds), then run `handler`."""

    def listener(
        ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
    ) -> None:
        ack()
        handler(interaction_of(body=body, context=context, client=client, respond=respond))

    listener.__name__ = listener.__qualname__ = f"action:{action_id}"
    _routes(app, "action").setdefault(action_id, listener)


def on_view(app: App, callback_id: str, handler: ViewHandler, *, error_block: str) -> None:
    """Listen for a modal submit: run `handler` before the ack, so a refusal becomes an inline
    error on its field (`error_block` when the refusal names none) and nothing is written."""

    def listener(
        ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
    ) -> None:
        interaction = interaction_of(body=body, context=context, client=client, respond=respond)
        lang = interaction.actor.lang
        try:
            outcome = handler(interaction) or Submitted()
        except InvalidFields as error:
            ack(
                response_action="errors",
                errors={
                    field: t_plain(lang, problem.key, **problem.params)
                    for field, problem in error.problems.items()
                },
            )
            return
        except DomainError as error:
            message = t_plain(lang, error.key, **error.params)
            ack(response_action="errors", errors={error.field or error_block: message})
            return
        if outcome.view is None:
            ack()
        else:
            ack(response_action="update", view=outcome.view)
        if outcome.then is not None:
            outcome.then()

    listener.__name__ = listener.__qualname__ = f"view:{callback_id}"
    _routes(app, "view").setdefault(callback_id, listener)


# Listeners by action id and by modal callback id, per app. Bolt tries its listeners one by one,
# each through its matchers with their arguments worked out by inspection: with a hundred
# listeners that was a fifth of the CPU of a request (bench/README.md, listeners). One Bolt
# listener per kind looks the id up in a dict instead (and, as before, the first wins).
Listener = Callable[[Ack, dict[str, Any], BoltContext, WebClient, Respond], None]
_ROUTES: WeakKeyDictionary[App, dict[str, dict[str, Listener]]] = WeakKeyDictionary()


def _routes(app: App, kind: str) -> dict[str, Listener]:
    """The app's listeners of one kind ("action", "view"); the router is added on first use."""
    per_app = _ROUTES.setdefault(app, {})
    if kind not in per_app:
        routes: dict[str, Listener] = {}
        per_app[kind] = routes
        key = _action_id if kind == "action" else _callback_id

        def known(body: dict[str, Any]) -> bool:
            return key(body) in routes

        def route(
            ack: Ack,
            body: dict[str, Any],
            context: BoltContext,
            client: WebClient,
            respond: Respond,
        ) -> None:
            routes[key(body)](ack, body, context, client, respond)

        route.__name__ = route.__qualname__ = f"{kind}-router"
        register = app.action if kind == "action" else app.view
        register(re.compile(".+"), matchers=[known])(route)
    return per_app[kind]


def acks_first(app: App) -> Callable[[dict[str, Any]], bool]:
    """Whether a payload goes to a listener that acks at once with nothing, so that its answer
    to Slack does not depend on the listener: a slash command, a button this app listens for,
    an event (Bolt acks events itself). Another process may then run the listener
    (bot/prefork.py); a modal submit's answer is its outcome, so it never qualifies."""

    def check(body: dict[str, Any]) -> bool:
        kind = body.get("type")
        if kind == "block_actions":
            return _action_id(body) in _routes(app, "action")
        if kind == "event_callback":
            return True
        return kind is None and bool(body.get("command")) and bool(body.get("response_url"))

    return check


def early_ack_middleware(app: App) -> Callable[..., None]:
    """Bolt middleware: a slash command or a button this app listens for is acknowledged in
    the request thread, before its listener starts (every such listener acks first with
    nothing, see on_action and handlers/commands.py). Slack's answer then leaves without waiting
    for a listener thread to be scheduled, and the listener's work runs in the background pool
    (bot/app/). Modal submits still ack from their listener: their answer is the outcome."""

    first = acks_first(app)

    def middleware(body: dict[str, Any], context: BoltContext, next: Callable[[], None]) -> None:
        if body.get("type") != "event_callback" and first(body):
            context.ack()
        next()

    return middleware


def _action_id(body: dict[str, Any]) -> str:
    actions = body.get("actions") or [{}]
    return str(actions[0].get("action_id") or "")


def _callback_id(body: dict[str, Any]) -> str:
    return str((body.get("view") or {}).get("callback_id") or "")
