"""Who is told what. A service that changes state records each notification it owes as an intent (a
kind and ids, nothing else) in the same transaction; the outbox renders the intent at send time,
in the recipient's language and from fresh data, through one registry of renderers that handlers/
installs. Slack-free: intents are plain data, renderers return plain dicts and bytes.

Adding a notification is one intent class (beside the service that owes it) and one renderer.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, fields
from datetime import datetime, tzinfo
from typing import Any, ClassVar, TypedDict, TypeVar

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from bot.errors import NotFound
from bot.i18n import Lang
from bot.settings import Settings
from storage.models import Delivery, DeliveryKind, DeliveryStatus, Person

# Delivery.dedupe_key is at most this long; longer keys are shortened with a hash.
DEDUPE_KEY_MAX = 200


@dataclass(frozen=True, kw_only=True)
class Intent:
    """A notification owed to one person: its kind, how it travels, and the ids it is about."""

    KIND: ClassVar[str]
    TRANSPORT: ClassVar[DeliveryKind] = DeliveryKind.MESSAGE
    # The fields that identify the notification (all by default); values such as "as of when"
    # are left out so a retried request is still recognised as the same notification.
    KEY_FIELDS: ClassVar[tuple[str, ...] | None] = None

    def args(self) -> dict[str, Any]:
        """The intent's ids and plain values, as stored in the outbox row."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


class Message(TypedDict):
    """A rendered DM (or the new content of a message the app sent before)."""

    text: str
    blocks: list[dict[str, Any]]


@dataclass(frozen=True, kw_only=True)
class FileMessage:
    """A rendered file for a DM: its bytes, name, title and the comment posted with it."""

    filename: str
    title: str
    comment: str
    content: bytes


T = TypeVar("T")


@dataclass(frozen=True, kw_only=True)
class RenderContext:
    """What a renderer may use: the session, the recipient (their language and zone) and settings."""

    session: Session
    recipient: Person
    lang: Lang
    tz: tzinfo
    settings: Settings
    now: datetime
    # Shared by the renders of one outbox batch (one unit of work, see shared()).
    memo: dict[Hashable, Any] = field(default_factory=dict)

    def shared(self, key: Hashable, compute: Callable[[], T]) -> T:
        """compute() once for all the renders of a batch: a fan-out renders one meeting for
        many recipients, and what is looked up about the meeting (not about the recipient)
        needs looking up once. The key names what is computed and everything it depends on."""
        if key in self.memo:
            found: T = self.memo[key]
            return found
        value = self.memo[key] = compute()
        return value


@dataclass(frozen=True, kw_only=True)
class RenderBatch:
    """What a prefetch may use: the unit of work an outbox batch is rendered in, and the memo
    its renders share (RenderContext.shared)."""

    session: Session
    memo: dict[Hashable, Any]

    def put(self, key: Hashable, value: object) -> None:
        """Hand the batch's renders what `RenderContext.shared(key, …)` would compute."""
        self.memo.setdefault(key, value)


IntentT = TypeVar("IntentT", bound=Intent)
Renderer = Callable[[RenderContext, Any], "Message | FileMessage"]
# Looks up, for all the intents of one kind in a batch at once, what their renders share.
Prefetch = Callable[[RenderBatch, list[Any]], object]


class Renderers:
    """One renderer per intent kind; handlers/ fills it when the app is built."""

    def __init__(self) -> None:
        self._by_kind: dict[str, tuple[type[Intent], Renderer]] = {}
        self._prefetch: dict[str, Prefetch] = {}
        self._lock = threading.Lock()

    def register(
        self,
        intent_type: type[IntentT],
        renderer: Callable[[RenderContext, IntentT], Any],
        *,
        prefetch: Callable[[RenderBatch, list[IntentT]], object] | None = None,
    ) -> None:
        """Make `renderer` turn intents of `intent_type` into a Message or a FileMessage.

        `prefetch`, when given, is called once per outbox batch with all its intents of this
        kind, before they are rendered: it puts in the batch's memo, with a few queries for the
        whole batch, what the renderer would otherwise look up per intent through
        `RenderContext.shared` under the same keys (a fan-out renders many meetings at once).
        """
        with self._lock:
            known = self._by_kind.get(intent_type.KIND)
            if known is not None and known[0] is not intent_type:
                raise RuntimeError(f"two intent types share the kind {intent_type.KIND!r}")
            self._by_kind[intent_type.KIND] = (intent_type, renderer)
            if prefetch is not None:
                self._prefetch[intent_type.KIND] = prefetch

    def prefetch(self, batch: RenderBatch, payloads: list[dict[str, Any]]) -> None:
        """Run the prefetch of every intent kind among these outbox payloads (one call per kind,
        with its intents); payloads of unknown kinds are left to fail when rendered."""
        with self._lock:
            prefetches = dict(self._prefetch)
        by_kind: dict[str, list[Intent]] = {}
        for payload in payloads:
            kind = str(payload.get("intent"))
            if kind in prefetches:
                by_kind.setdefault(kind, []).append(self.decode(payload)[0])
        for kind, intents in by_kind.items():
            prefetches[kind](batch, intents)

    def kinds(self) -> set[str]:
        """The intent kinds that have a renderer."""
        with self._lock:
            return set(self._by_kind)

    def decode(self, payload: dict[str, Any]) -> tuple[Intent, Renderer]:
        """The intent stored in an outbox row and its renderer; NotFound for an unknown kind."""
        with self._lock:
            entry = self._by_kind.get(str(payload.get("intent")))
        if entry is None:
            raise NotFound("notify.unknown_kind", kind=str(payload.get("intent")))
        intent_type, renderer = entry
        return intent_type(**dict(payload.get("args") or {})), renderer


def dedupe_key(intent: Intent, *, to: Person, occasion: str = "") -> str:
    """The outbox key of an intent for one person: the same notification is recorded once.

    `occasion` tells apart notifications that are meant to repeat with the same ids (each press
    of "send again", each change of a meeting).
    """
    args = intent.args()
    names = intent.KEY_FIELDS if intent.KEY_FIELDS is not None else tuple(args)
    parts = [intent.KIND, *(str(args[name]) for name in names), f"p{to.id}"]
    if occasion:
        parts.append(occasion)
    key = ":".join(parts)
    if len(key) > DEDUPE_KEY_MAX:
        digest = hashlib.sha256(key.encode()).hexdigest()[:32]
        key = f"{key[: DEDUPE_KEY_MAX - 33]}#{digest}"
    return key


def owe(
    session: Session,
    *,
    intent: Intent,
    to: Person,
    now: datetime,
    occasion: str = "",
    certificate_id: int | None = None,
) -> Delivery:
    """Record that `to` is owed `intent`, in the caller's transaction (once per dedupe key).

    `certificate_id` ties a certificate's file delivery to the certificate, so deleting the
    certificate (retention, AVG) also drops what is still owed about it.
    """
    if intent.TRANSPORT is DeliveryKind.UPDATE:
        raise ValueError("an update is owed with owe_update()")
    return _record(
        session,
        intent=intent,
        to=to,
        key=dedupe_key(intent, to=to, occasion=occasion),
        extra={},
        now=now,
        certificate_id=certificate_id,
    )


def owe_many(session: Session, *, owed: list[tuple[Intent, Person, str]], now: datetime) -> int:
    """owe() for many (intent, recipient, occasion) at once: one query for the keys already
    recorded instead of one per DM (a fan-out); returns how many were newly recorded."""
    keyed: dict[str, tuple[Intent, Person]] = {}
    for intent, person, occasion in owed:
        if intent.TRANSPORT is DeliveryKind.UPDATE:
            raise ValueError("an update is owed with owe_update()")
        keyed.setdefault(dedupe_key(intent, to=person, occasion=occasion), (intent, person))
    if not keyed:
        return 0
    known = set(
        session.scalars(select(Delivery.dedupe_key).where(Delivery.dedupe_key.in_(list(keyed))))
    )
    new = [(key, intent, person) for key, (intent, person) in keyed.items() if key not in known]
    if not new:
        return 0
    # One executemany of plain rows, not ORM objects: no identity map to fill or primary keys to
    # fetch back for thousands of rows nobody reads in this transaction.
    session.execute(
        insert(Delivery),
        [
            _delivery_values(intent=intent, to=person, key=key, extra={}, now=now)
            for key, intent, person in new
        ],
    )
    wake_outbox(session)
    return len(new)


def owe_update(
    session: Session, *, intent: Intent, of: Intent, to: Person, now: datetime, occasion: str = ""
) -> Delivery:
    """Record that the message the app sent `to` for intent `of` is to be redrawn as `intent`.

    Which message that is (channel and ts) comes from the app's own outbox row for `of`, never
    from a payload: the sender looks it up at send time and waits until it has been sent.
    """
    if intent.TRANSPORT is not DeliveryKind.UPDATE:
        raise ValueError(f"{intent.KIND} is not an update")
    return _record(
        session,
        intent=intent,
        to=to,
        key=dedupe_key(intent, to=to, occasion=occasion),
        extra={"of": dedupe_key(of, to=to)},
        now=now,
        certificate_id=None,
    )


def _record(
    session: Session,
    *,
    intent: Intent,
    to: Person,
    key: str,
    extra: dict[str, Any],
    now: datetime,
    certificate_id: int | None,
) -> Delivery:
    existing = session.scalars(select(Delivery).where(Delivery.dedupe_key == key)).first()
    if existing is not None:
        return existing
    delivery = Delivery(
        **_delivery_values(
            intent=intent, to=to, key=key, extra=extra, now=now, certificate_id=certificate_id
        )
    )
    session.add(delivery)
    return delivery


def _delivery_values(
    *,
    intent: Intent,
    to: Person,
    key: str,
    extra: dict[str, Any],
    now: datetime,
    certificate_id: int | None = None,
) -> dict[str, Any]:
    """The columns of a new outbox row: pending, due now, holding the intent's kind and ids."""
    return {
        "team_id": to.team_id,
        "kind": intent.TRANSPORT,
        "recipient": to.slack_user_id,
        "payload": {"intent": intent.KIND, "args": intent.args(), "person_id": to.id, **extra},
        "dedupe_key": key,
        "status": DeliveryStatus.PENDING,
        "attempts": 0,
        "maybe_sent": False,
        "next_attempt_at": now,
        "created_at": now,
        "certificate_id": certificate_id,
    }


def wake_outbox(session: Session) -> None:
    """Ask the outbox to look at the table as soon as this transaction commits (e.g. a retry)."""
    session.info["outbox_dirty"] = True
