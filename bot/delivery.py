"""The outbox: DMs, message updates and files are recorded with the change that owes them, then
sent after the ack by a worker that retries Slack's bad minutes (429, 5xx, timeouts) and restarts.

A row is claimed with a lease; a process that dies mid-send leaves the row SENDING with an expired
lease, and the next claimer first asks Slack whether the message already arrived (by the
`delivery_id` in the message metadata; for a file, by the file ids recorded in the row before each
upload is completed) so a restart neither loses nor duplicates it.
"""

from __future__ import annotations

import logging
import random
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from sqlalchemy import and_, event, or_, select
from sqlalchemy.orm import Session

from bot.clock import Clock
from storage.db import SessionFactory, unit_of_work
from storage.models import AuditEvent, Delivery, DeliveryKind, DeliveryStatus, Workspace

log = logging.getLogger(__name__)

METADATA_EVENT_TYPE = "intervisie_delivery"
LEASE = timedelta(minutes=2)
# Users whose DM channel id is remembered; a plain bound, cleared when reached.
DM_CHANNEL_CACHE_SIZE = 100_000
MAX_BACKOFF = timedelta(minutes=15)
# Slack errors that will not go away by trying again: give up at once, visibly.
PERMANENT_ERRORS = frozenset(
    {
        "invalid_blocks",
        "invalid_arguments",
        "msg_too_long",
        "no_text",
        "user_not_found",
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "account_inactive",
        "user_disabled",
        "cannot_dm_bot",
        "message_not_found",
        "cant_update_message",
        "edit_window_closed",
        "invalid_auth",
        "not_authed",
        "token_revoked",
        "missing_scope",
    }
)

FileRenderer = Callable[[Session, dict[str, Any]], bytes]


def enqueue_message(
    session: Session,
    *,
    team_id: str,
    user_id: str,
    text: str,
    blocks: list[dict[str, Any]] | None,
    dedupe_key: str,
    now: datetime,
) -> Delivery:
    """Owe `user_id` a DM; the same `dedupe_key` is recorded once, so retried handlers don't repeat."""
    return _enqueue(
        session,
        team_id=team_id,
        kind=DeliveryKind.MESSAGE,
        recipient=user_id,
        payload={"text": text, "blocks": blocks or []},
        dedupe_key=dedupe_key,
        now=now,
    )


def enqueue_update(
    session: Session,
    *,
    team_id: str,
    channel: str,
    ts: str,
    text: str,
    blocks: list[dict[str, Any]] | None,
    dedupe_key: str,
    now: datetime,
) -> Delivery:
    """Owe an update of a message the app sent before (e.g. a request DM after the decision)."""
    return _enqueue(
        session,
        team_id=team_id,
        kind=DeliveryKind.UPDATE,
        recipient=channel,
        payload={"channel": channel, "ts": ts, "text": text, "blocks": blocks or []},
        dedupe_key=dedupe_key,
        now=now,
    )


def enqueue_file(
    session: Session,
    *,
    team_id: str,
    user_id: str,
    renderer: str,
    args: dict[str, Any],
    filename: str,
    title: str,
    comment: str,
    dedupe_key: str,
    now: datetime,
    certificate_id: int | None = None,
) -> Delivery:
    """Owe a file in a DM; its bytes are rendered by the worker (slow work stays out of requests)."""
    delivery = _enqueue(
        session,
        team_id=team_id,
        kind=DeliveryKind.FILE,
        recipient=user_id,
        payload={
            "renderer": renderer,
            "args": args,
            "filename": filename,
            "title": title,
            "comment": comment,
        },
        dedupe_key=dedupe_key,
        now=now,
    )
    delivery.certificate_id = certificate_id
    return delivery


def _enqueue(
    session: Session,
    *,
    team_id: str,
    kind: DeliveryKind,
    recipient: str,
    payload: dict[str, Any],
    dedupe_key: str,
    now: datetime,
) -> Delivery:
    existing = session.scalars(select(Delivery).where(Delivery.dedupe_key == dedupe_key)).first()
    if existing is not None:
        return existing
    delivery = Delivery(
        team_id=team_id,
        kind=kind,
        recipient=recipient,
        payload=payload,
        dedupe_key=dedupe_key,
        status=DeliveryStatus.PENDING,
        attempts=0,
        next_attempt_at=now,
        created_at=now,
    )
    session.add(delivery)
    return delivery


@dataclass
class _Claim:
    id: int
    kind: DeliveryKind
    team_id: str
    recipient: str
    payload: dict[str, Any]
    attempts: int
    # True when an earlier claimer's lease ran out mid-send: it may already have arrived.
    uncertain: bool
    result_channel: str | None


class RetryLater(Exception):
    """Slack said "not now" (or did not answer): try again after `delay`."""

    def __init__(self, reason: str, delay: timedelta, *, ambiguous: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.delay = delay
        # No answer at all: the request may have reached Slack and taken effect.
        self.ambiguous = ambiguous


class GiveUp(Exception):
    """Slack said "never": mark the delivery failed."""


class Outbox:
    """Sends what the outbox owes, in a background thread woken by commits that add deliveries."""

    def __init__(
        self,
        *,
        session_factory: SessionFactory,
        client: WebClient,
        clock: Clock,
        max_attempts: int = 10,
        poll_seconds: float = 2.0,
        batch_size: int = 20,
        backoff_base_seconds: float = 2.0,
        lease_seconds: float = LEASE.total_seconds(),
    ) -> None:
        self._factory = session_factory
        self._client = client
        self._clock = clock
        self._max_attempts = max_attempts
        self._poll = poll_seconds
        self._batch = batch_size
        self._backoff_base = backoff_base_seconds
        self._lease = timedelta(seconds=lease_seconds)
        self._renderers: dict[str, FileRenderer] = {}
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._idle = threading.Condition()
        self._busy = False
        self._random = random.Random()
        self._dm_channels: dict[tuple[str, str], str] = {}
        self._watch_commits()

    def register_renderer(self, name: str, renderer: FileRenderer) -> None:
        """Make `renderer` produce the bytes of FILE deliveries whose payload names it."""
        self._renderers[name] = renderer

    def _watch_commits(self) -> None:
        # Wake the worker as soon as a transaction that recorded deliveries commits, so a DM leaves
        # within milliseconds of the ack instead of at the next poll.
        def after_flush(session: Session, _ctx: Any) -> None:
            if any(isinstance(obj, Delivery) for obj in session.new):
                session.info["outbox_dirty"] = True

        def after_commit(session: Session) -> None:
            if session.info.pop("outbox_dirty", False):
                self.kick()

        event.listen(self._factory, "after_flush", after_flush)
        event.listen(self._factory, "after_commit", after_commit)

    def kick(self) -> None:
        """Run a round now rather than at the next poll."""
        self._wake.set()

    def start(self) -> None:
        """Start the background worker thread."""
        if self._thread is not None:
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._loop, name="outbox", daemon=True)
        self._thread.start()

    def stop(self, *, timeout: float = 10.0) -> None:
        """Finish the delivery in hand and stop; what is left stays in the table for next time."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wait_idle(self, *, timeout: float = 10.0) -> bool:
        """Block until nothing is due right now (tests and the demo use this); False on timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.due_count() == 0 and not self._busy:
                return True
            self.kick()
            with self._idle:
                self._idle.wait(0.05)
        return False

    def due_count(self) -> int:
        """How many deliveries are due now (pending and ripe, or with an expired lease)."""
        now = self._clock.now()
        with unit_of_work(self._factory) as session:
            return len(session.scalars(self._due_query(now).limit(1000)).all())

    def _loop(self) -> None:
        while not self._stopping.is_set():
            try:
                worked = self.run_once()
            except Exception:  # the worker must outlive a bad minute of the database
                log.exception("outbox round failed")
                worked = 0
            if worked == 0:
                self._wake.wait(self._poll)
                self._wake.clear()

    def run_once(self) -> int:
        """Claim and send one batch of due deliveries; returns how many were attempted."""
        self._busy = True
        try:
            claims = self._claim()
            for claim in claims:
                if self._stopping.is_set():
                    # Leave the rest leased; their leases expire and a later run sends them.
                    break
                self._send(claim)
            return len(claims)
        finally:
            self._busy = False
            with self._idle:
                self._idle.notify_all()

    @staticmethod
    def _due_query(now: datetime) -> Any:
        return (
            select(Delivery)
            .where(
                or_(
                    and_(
                        Delivery.status == DeliveryStatus.PENDING,
                        Delivery.next_attempt_at <= now,
                    ),
                    and_(Delivery.status == DeliveryStatus.SENDING, Delivery.lease_until < now),
                )
            )
            .order_by(Delivery.next_attempt_at, Delivery.id)
        )

    def _claim(self) -> list[_Claim]:
        now = self._clock.now()
        with unit_of_work(self._factory) as session:
            query = self._due_query(now).limit(self._batch)
            if session.get_bind().dialect.name == "postgresql":
                # Several app processes share the table: each takes rows nobody else holds.
                query = query.with_for_update(skip_locked=True)
            rows = session.scalars(query).all()
            # An uninstalled workspace gets nothing more: what was owed there is cancelled.
            inactive = set(session.scalars(select(Workspace.team_id).where(~Workspace.active)))
            claims = []
            for row in rows:
                if row.team_id in inactive:
                    row.status = DeliveryStatus.CANCELLED
                    row.last_error = "workspace inactive"
                    continue
                claims.append(
                    _Claim(
                        id=row.id,
                        kind=row.kind,
                        team_id=row.team_id,
                        recipient=row.recipient,
                        payload=dict(row.payload),
                        attempts=row.attempts + 1,
                        uncertain=row.status == DeliveryStatus.SENDING or row.maybe_sent,
                        result_channel=row.result_channel,
                    )
                )
                row.status = DeliveryStatus.SENDING
                row.lease_until = now + self._lease
                row.attempts += 1
            return claims

    def _send(self, claim: _Claim) -> None:
        try:
            channel, ts = self._perform(claim)
        except RetryLater as exc:
            self._reschedule(claim, exc.reason, exc.delay, maybe_sent=exc.ambiguous)
        except GiveUp as exc:
            self._fail(claim, str(exc))
        except Exception as exc:
            # A renderer bug or similar: retry with backoff, and give up visibly after the limit.
            log.exception("delivery %s raised", claim.id)
            self._reschedule(claim, f"{type(exc).__name__}", self._backoff(claim.attempts))
        else:
            self._mark_sent(claim, channel, ts)

    def _perform(self, claim: _Claim) -> tuple[str | None, str | None]:
        try:
            if claim.kind is DeliveryKind.MESSAGE:
                return self._post_message(claim)
            if claim.kind is DeliveryKind.UPDATE:
                p = claim.payload
                self._client.chat_update(
                    channel=p["channel"], ts=p["ts"], text=p["text"], blocks=p["blocks"] or None
                )
                return p["channel"], p["ts"]
            return self._upload_file(claim)
        except SlackApiError as exc:
            raise self._classify(exc, claim) from exc
        except (SlackClientError, OSError, TimeoutError) as exc:
            raise RetryLater(
                type(exc).__name__, self._backoff(claim.attempts), ambiguous=True
            ) from exc

    def _dm_channel(self, claim: _Claim) -> str:
        if claim.result_channel:
            return claim.result_channel
        key = (claim.team_id, claim.recipient)
        cached = self._dm_channels.get(key)
        if cached is not None:
            # A user's DM channel with the app never changes: one conversations.open per user
            # per process, not one per DM (it halves the Slack calls of a fan-out).
            return cached
        opened = self._client.conversations_open(users=claim.recipient)
        channel = str(opened["channel"]["id"])
        if len(self._dm_channels) >= DM_CHANNEL_CACHE_SIZE:
            self._dm_channels.clear()
        self._dm_channels[key] = channel
        self._remember_channel(claim.id, channel)
        return channel

    def _post_message(self, claim: _Claim) -> tuple[str | None, str | None]:
        channel = self._dm_channel(claim)
        if claim.uncertain:
            found = self._already_posted(channel, claim.id)
            if found is not None:
                log.info("delivery %s had arrived before the restart; not sending again", claim.id)
                return channel, found
        p = claim.payload
        response = self._client.chat_postMessage(
            channel=channel,
            text=p["text"],
            blocks=p["blocks"] or None,
            metadata={
                "event_type": METADATA_EVENT_TYPE,
                "event_payload": {"delivery_id": claim.id},
            },
            unfurl_links=False,
            unfurl_media=False,
        )
        return str(response["channel"]), str(response["ts"])

    def _already_posted(self, channel: str, delivery_id: int) -> str | None:
        history = self._client.conversations_history(
            channel=channel, limit=50, include_all_metadata=True
        )
        for message in history.get("messages") or []:
            metadata = message.get("metadata") or {}
            payload = metadata.get("event_payload") or {}
            if (
                metadata.get("event_type") == METADATA_EVENT_TYPE
                and payload.get("delivery_id") == delivery_id
            ):
                return str(message.get("ts"))
        return None

    def _upload_file(self, claim: _Claim) -> tuple[str | None, str | None]:
        p = claim.payload
        renderer = self._renderers.get(p["renderer"])
        if renderer is None:
            raise GiveUp(f"no renderer {p['renderer']!r}")
        channel = self._dm_channel(claim)
        earlier = [str(f) for f in p.get("file_ids") or []]
        if claim.uncertain and earlier:
            found = self._file_shared(channel, earlier)
            if found is not None:
                log.info("delivery %s: file had arrived before; not sending again", claim.id)
                return channel, found
        with unit_of_work(self._factory) as session:
            content = renderer(session, p["args"])
        # The three steps of files_upload_v2, done here so the file id is on record before the
        # upload is completed: a later attempt then knows which file to look for in the DM.
        upload = self._client.files_getUploadURLExternal(
            filename=p["filename"], length=len(content)
        )
        file_id, url = str(upload["file_id"]), str(upload["upload_url"])
        self._remember_file(claim.id, file_id)
        request = urllib.request.Request(url, data=content, method="POST")
        with urllib.request.urlopen(request, timeout=self._client.timeout) as answer:
            answer.read()
        self._client.files_completeUploadExternal(
            files=[{"id": file_id, "title": p["title"]}],
            channel_id=channel,
            initial_comment=p["comment"],
        )
        return channel, None

    def _file_shared(self, channel: str, file_ids: list[str]) -> str | None:
        """The ts of the DM message showing one of `file_ids`, if Slack shows one."""
        history = self._client.conversations_history(channel=channel, limit=50)
        wanted = set(file_ids)
        for message in history.get("messages") or []:
            if any(f.get("id") in wanted for f in message.get("files") or []):
                return str(message.get("ts"))
        return None

    def _remember_file(self, delivery_id: int, file_id: str) -> None:
        with unit_of_work(self._factory) as session:
            row = session.get(Delivery, delivery_id)
            if row is not None:
                payload = dict(row.payload)
                payload["file_ids"] = [*(payload.get("file_ids") or []), file_id]
                row.payload = payload
                # From here on Slack may show the file even if this attempt dies unanswered.
                row.maybe_sent = True

    def _classify(self, exc: SlackApiError, claim: _Claim) -> Exception:
        response = exc.response
        status = getattr(response, "status_code", 200)
        error = str(response.get("error", "")) if response is not None else ""
        if status == 429 or error == "ratelimited":
            retry_after = response.headers.get("Retry-After") or response.headers.get("retry-after")
            try:
                delay = timedelta(seconds=max(1, int(retry_after)))
            except (TypeError, ValueError):
                delay = timedelta(seconds=30)
            return RetryLater("ratelimited", delay)
        if status >= 500 or error in {"internal_error", "fatal_error", "service_unavailable"}:
            return RetryLater(error or f"http {status}", self._backoff(claim.attempts))
        if error in PERMANENT_ERRORS:
            return GiveUp(error)
        return RetryLater(error or f"http {status}", self._backoff(claim.attempts))

    def _backoff(self, attempts: int) -> timedelta:
        base = min(
            self._backoff_base * 2.0 ** min(max(attempts - 1, 0), 12), MAX_BACKOFF.total_seconds()
        )
        # Jitter spreads retries of a fan-out so they do not hit Slack in one burst again.
        return timedelta(seconds=base * (0.5 + self._random.random() / 2))

    def _remember_channel(self, delivery_id: int, channel: str) -> None:
        with unit_of_work(self._factory) as session:
            row = session.get(Delivery, delivery_id)
            if row is not None:
                row.result_channel = channel

    def _mark_sent(self, claim: _Claim, channel: str | None, ts: str | None) -> None:
        with unit_of_work(self._factory) as session:
            row = session.get(Delivery, claim.id)
            if row is None:
                return
            row.status = DeliveryStatus.SENT
            row.sent_at = self._clock.now()
            row.lease_until = None
            row.last_error = None
            row.result_channel = channel or row.result_channel
            row.result_ts = ts

    def _reschedule(
        self, claim: _Claim, reason: str, delay: timedelta, *, maybe_sent: bool = False
    ) -> None:
        if claim.attempts >= self._max_attempts:
            self._fail(claim, f"gave up after {claim.attempts} attempts: {reason}")
            return
        log.info("delivery %s: %s, retrying in %.1fs", claim.id, reason, delay.total_seconds())
        with unit_of_work(self._factory) as session:
            row = session.get(Delivery, claim.id)
            # Cancelled meanwhile (workspace uninstalled, member deleted their data): stays so.
            if row is None or row.status is not DeliveryStatus.SENDING:
                return
            row.status = DeliveryStatus.PENDING
            row.lease_until = None
            row.last_error = reason[:500]
            row.maybe_sent = row.maybe_sent or maybe_sent
            row.next_attempt_at = self._clock.now() + delay

    def _fail(self, claim: _Claim, reason: str) -> None:
        log.warning("delivery %s failed: %s", claim.id, reason)
        now = self._clock.now()
        with unit_of_work(self._factory) as session:
            row = session.get(Delivery, claim.id)
            if row is None or row.status is not DeliveryStatus.SENDING:
                return
            row.status = DeliveryStatus.FAILED
            row.lease_until = None
            # When it failed: the secretariat's overview shows it (`admin bezorging`).
            row.next_attempt_at = now
            row.last_error = reason[:500]
            # The secretariat sees failures in the audit log and the admin overview.
            session.add(
                AuditEvent(
                    team_id=row.team_id,
                    at=now,
                    action="delivery_failed",
                    details={"delivery_id": row.id, "kind": row.kind.value, "error": reason[:200]},
                )
            )
