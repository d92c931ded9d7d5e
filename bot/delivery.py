"""The outbox worker: sends what services owe (bot/notify.py records it with the change that owes
it) after the ack, and retries Slack's bad minutes (429, 5xx, timeouts) and restarts. Each owed
intent is rendered at send time by the renderer handlers/ installed for it.

A row is claimed with a short lease that the worker keeps renewing while it holds the row; a process
that dies mid-send stops renewing, so its rows are free again within one lease (a crash delays at
most what was in hand). The next claimer first asks Slack whether the message already arrived (by
the `delivery_id` in the message metadata; for a file, by the file ids recorded in the row before
each upload is completed) so a restart neither loses nor duplicates it. Rows: bot/outbox_rows.py;
Slack calls: bot/slack_delivery.py.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Hashable
from datetime import timedelta
from typing import Any

from slack_sdk.errors import SlackApiError, SlackClientError
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from bot import outbox_rows
from bot.actor import zone_of
from bot.clock import Clock
from bot.errors import NotFound
from bot.i18n import lang_for
from bot.notify import FileMessage, Message, RenderBatch, RenderContext, Renderers
from bot.outbox_rows import Claim
from bot.settings import Settings
from bot.slack_api import ClientFor
from bot.slack_delivery import GiveUp, RetryLater, SlackSender, classify
from storage.db import SessionFactory, unit_of_work
from storage.models import Delivery, DeliveryKind, DeliveryStatus, Person

log = logging.getLogger(__name__)

LEASE = timedelta(seconds=20)
# While the worker holds rows, it renews their leases this often (a fraction of the lease).
LEASE_RENEWALS_PER_LEASE = 4
# An update waits this long for the message it redraws to be sent first.
WAIT_FOR_ORIGINAL = timedelta(seconds=2)
MAX_BACKOFF = timedelta(minutes=15)
# Deliveries claimed at a time: rendered in one unit of work, sharing what they look up (a
# meeting's reminder to its members), and held under one lease; more processes share a large
# fan-out batch by batch.
BATCH_SIZE = 50
# Sent deliveries are recorded together, at the end of a batch or after this long.
SENT_RECORD_SECONDS = 0.25


class Outbox:
    """Sends what the outbox owes, in a background thread woken by commits that add deliveries."""

    def __init__(
        self,
        *,
        session_factory: SessionFactory,
        clients: ClientFor,
        clock: Clock,
        renderers: Renderers,
        settings: Settings,
        max_attempts: int = 10,
        poll_seconds: float = 2.0,
        batch_size: int = BATCH_SIZE,
        backoff_base_seconds: float = 2.0,
        lease_seconds: float = LEASE.total_seconds(),
    ) -> None:
        self._factory = session_factory
        # Each delivery goes out with the token of its own workspace.
        self._slack = SlackSender(clients=clients, factory=session_factory)
        self._clock = clock
        self._renderers = renderers
        self._settings = settings
        self._max_attempts = max_attempts
        self._poll = poll_seconds
        self._batch = batch_size
        self._backoff_base = backoff_base_seconds
        self._lease = timedelta(seconds=lease_seconds)
        # Rows this worker has claimed and not yet finished: their leases are renewed.
        self._held: set[int] = set()
        self._held_lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._heartbeat: threading.Thread | None = None
        self._idle = threading.Condition()
        self._busy = False
        self._random = random.Random()
        # Sent and not yet recorded (run_once records them together), and since when.
        self._sent: list[outbox_rows.Sent] = []
        self._sent_since = time.monotonic()
        self._wake_elsewhere: Callable[[], None] | None = None
        self._watch_commits()

    def _watch_commits(self) -> None:
        # Wake the worker as soon as a transaction that recorded deliveries commits, so a DM leaves
        # within milliseconds of the ack instead of at the next poll.
        def after_flush(session: Session, _ctx: Any) -> None:
            if any(isinstance(obj, Delivery) for obj in session.new):
                session.info["outbox_dirty"] = True

        def after_commit(session: Session) -> None:
            if session.info.pop("outbox_dirty", False):
                self.kick()
                if self._wake_elsewhere is not None:
                    self._wake_elsewhere()

        event.listen(self._factory, "after_flush", after_flush)
        event.listen(self._factory, "after_commit", after_commit)

    # -- running -----------------------------------------------------------------------------------

    def kick(self) -> None:
        """Run a round now rather than at the next poll."""
        self._wake.set()

    def wake_elsewhere(self, wake: Callable[[], None]) -> None:
        """Also call `wake` when a commit in this process owes something: the outbox that sends
        it runs in another process (a pre-fork worker's listener process, bot/prefork.py)."""
        self._wake_elsewhere = wake

    def start(self) -> None:
        """Start the worker thread and the lease heartbeat."""
        if self._thread is not None:
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._loop, name="outbox", daemon=True)
        self._thread.start()
        self._heartbeat = threading.Thread(
            target=self._renew_leases, name="outbox-lease", daemon=True
        )
        self._heartbeat.start()

    def stop(self, *, timeout: float = 10.0) -> None:
        """Finish the delivery in hand and stop; what is left stays in the table for next time."""
        self._stopping.set()
        self._wake.set()
        for thread in (self._thread, self._heartbeat):
            if thread is not None:
                thread.join(timeout)
        self._thread = self._heartbeat = None

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
            return len(session.scalars(outbox_rows.due_query(now).limit(1000)).all())

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

    def _renew_leases(self) -> None:
        """Keep the leases of held rows fresh; after a crash they run out within one lease."""
        interval = self._lease.total_seconds() / LEASE_RENEWALS_PER_LEASE
        while not self._stopping.wait(interval):
            with self._held_lock:
                held = sorted(self._held)
            if not held:
                continue
            try:
                until = self._clock.now() + self._lease
                outbox_rows.renew_leases(self._factory, ids=held, until=until)
            except Exception:  # a bad minute of the database: the next beat tries again
                log.warning("outbox: could not renew leases", exc_info=True)

    def run_once(self) -> int:
        """Claim and send one batch of due deliveries; returns how many were attempted."""
        self._busy = True
        try:
            claims = self._claim()
            rendered = self._prerender(claims)
            for index, claim in enumerate(claims):
                if self._stopping.is_set():
                    self._unclaim(claims[index:])
                    break
                if claim.kind is DeliveryKind.UPDATE:
                    # The message it redraws may be among the sent ones not yet recorded.
                    self._record_sent()
                self._send(claim, rendered.get(claim.id))
                if time.monotonic() - self._sent_since >= SENT_RECORD_SECONDS:
                    self._record_sent()
            return len(claims)
        finally:
            self._record_sent()
            self._busy = False
            with self._idle:
                self._idle.notify_all()

    def _record_sent(self) -> None:
        """Record what was sent since the last time, in one transaction (a crash before this
        leaves those rows "sending": the next claimer finds them in the DM's history)."""
        sent, self._sent = self._sent, []
        self._sent_since = time.monotonic()
        if not sent:
            return
        try:
            outbox_rows.mark_sent_many(self._factory, sent=sent, now=self._clock.now())
        finally:
            with self._held_lock:
                self._held.difference_update(mark.id for mark in sent)

    def _prerender(self, claims: list[Claim]) -> dict[int, Message | Exception]:
        """The DMs of a batch rendered in one unit of work (recipients in one query), not one
        transaction each. A renderer that fails on the database stops this: the claims left
        are rendered one by one as they are sent, so one bad row cannot spoil the others."""
        wanted = [c for c in claims if c.kind is DeliveryKind.MESSAGE and not c.uncertain]
        if not wanted:
            return {}
        done: dict[int, Message | Exception] = {}
        memo: dict[Hashable, Any] = {}  # RenderContext.shared: once per batch, not per DM
        with unit_of_work(self._factory) as session:
            ids = {int(c.payload.get("person_id") or 0) for c in wanted}
            people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(ids)))}
            try:  # what the renders share, for the whole batch (Renderers.register's prefetch)
                batch = RenderBatch(session=session, memo=memo)
                self._renderers.prefetch(batch, [claim.payload for claim in wanted])
            except Exception:  # then each is rendered alone, as it is sent
                log.warning("prefetching the batch failed", exc_info=True)
                return done
            for claim in wanted:
                person = people.get(int(claim.payload.get("person_id") or 0))
                try:
                    message = self._render_in(session, claim, person, memo)
                    done[claim.id] = (
                        message
                        if not isinstance(message, FileMessage)
                        else GiveUp(f"{claim.payload.get('intent')} renders a file, not a message")
                    )
                except (GiveUp, NotFound) as exc:
                    done[claim.id] = exc
                except Exception:  # rendered again, alone, when it is sent
                    log.debug("delivery %s: rendering in the batch failed", claim.id, exc_info=True)
                    break
        return done

    def _claim(self) -> list[Claim]:
        claims = outbox_rows.claim_due(
            self._factory, now=self._clock.now(), batch=self._batch, lease=self._lease
        )
        with self._held_lock:
            self._held.update(claim.id for claim in claims)
        return claims

    def _unclaim(self, claims: list[Claim]) -> None:
        """Shutting down: hand rows not yet tried back at once instead of letting leases run out."""
        ids = [claim.id for claim in claims]
        outbox_rows.release(self._factory, ids=ids)
        with self._held_lock:
            self._held.difference_update(ids)

    # -- sending one -------------------------------------------------------------------------------

    def _send(self, claim: Claim, rendered: Message | Exception | None = None) -> None:
        try:
            channel, ts = self._perform(claim, rendered)
        except RetryLater as exc:
            self._reschedule(claim, exc.reason, exc.delay, maybe_sent=exc.ambiguous)
        except GiveUp as exc:
            self._fail(claim, str(exc))
        except Exception as exc:
            # A renderer bug or similar: retry with backoff, and give up visibly after the limit.
            log.exception("delivery %s raised", claim.id)
            self._reschedule(claim, f"{type(exc).__name__}", self._backoff(claim.attempts))
        else:
            # Recorded with the others of the batch (run_once); held, and renewed, until then.
            if not self._sent:
                self._sent_since = time.monotonic()
            self._sent.append(outbox_rows.Sent(id=claim.id, channel=channel, ts=ts))
            return
        with self._held_lock:
            self._held.discard(claim.id)

    def _perform(
        self, claim: Claim, rendered: Message | Exception | None
    ) -> tuple[str | None, str | None]:
        def message() -> Message:
            if isinstance(rendered, NotFound):
                raise GiveUp(f"nothing to render: {rendered.key}") from rendered
            if isinstance(rendered, Exception):
                raise rendered
            return rendered if rendered is not None else self._render_message(claim)

        try:
            if claim.kind is DeliveryKind.UPDATE:
                channel, ts = self._update_target(claim)
                self._slack.update(
                    claim, channel=channel, ts=ts, message=self._render_message(claim)
                )
                return channel, ts
            if claim.kind is DeliveryKind.MESSAGE:
                return self._slack.post(claim, message)
            return self._slack.upload(claim, lambda: self._render_file(claim))
        except SlackApiError as exc:
            if self._slack.token_refused(claim, exc):
                raise RetryLater("token refused", self._backoff(claim.attempts)) from exc
            raise classify(exc, backoff=self._backoff(claim.attempts)) from exc
        except (SlackClientError, OSError, TimeoutError) as exc:
            raise RetryLater(
                type(exc).__name__, self._backoff(claim.attempts), ambiguous=True
            ) from exc

    def _render(self, claim: Claim) -> Message | FileMessage:
        """The owed intent as it reads now, in the recipient's language and time zone."""
        with unit_of_work(self._factory) as session:
            person = session.get(Person, int(claim.payload.get("person_id") or 0))
            try:
                return self._render_in(session, claim, person, {})
            except NotFound as exc:
                # What the notification was about is gone (deleted, purged): it can never be sent.
                raise GiveUp(f"nothing to render: {exc.key}") from exc

    def _render_in(
        self, session: Session, claim: Claim, person: Person | None, memo: dict[Hashable, Any]
    ) -> Message | FileMessage:
        if person is None or person.anonymised_at is not None:
            raise GiveUp("recipient no longer known")
        intent, renderer = self._renderers.decode(claim.payload)
        context = RenderContext(
            session=session,
            recipient=person,
            lang=lang_for(person.locale),
            tz=zone_of(person.tz, default=self._settings.timezone),
            settings=self._settings,
            now=self._clock.now(),
            memo=memo,
        )
        return renderer(context, intent)

    def _render_message(self, claim: Claim) -> Message:
        rendered = self._render(claim)
        if isinstance(rendered, FileMessage):
            raise GiveUp(f"{claim.payload.get('intent')} renders a file, not a message")
        return rendered

    def _render_file(self, claim: Claim) -> FileMessage:
        rendered = self._render(claim)
        if not isinstance(rendered, FileMessage):
            raise GiveUp(f"{claim.payload.get('intent')} renders a message, not a file")
        return rendered

    def _update_target(self, claim: Claim) -> tuple[str, str]:
        """The channel and ts of the message to redraw, from the app's own row for it."""
        original = outbox_rows.original_message(self._factory, key=str(claim.payload.get("of")))
        if original is None or original.status in (DeliveryStatus.FAILED, DeliveryStatus.CANCELLED):
            raise GiveUp("the message to update was never sent")
        if original.status is not DeliveryStatus.SENT or not original.result_ts:
            raise RetryLater("waiting for the message to update", WAIT_FOR_ORIGINAL)
        return str(original.result_channel), str(original.result_ts)

    def _backoff(self, attempts: int) -> timedelta:
        base = min(
            self._backoff_base * 2.0 ** min(max(attempts - 1, 0), 12), MAX_BACKOFF.total_seconds()
        )
        # Jitter spreads retries of a fan-out so they do not hit Slack in one burst again.
        return timedelta(seconds=base * (0.5 + self._random.random() / 2))

    def _reschedule(
        self, claim: Claim, reason: str, delay: timedelta, *, maybe_sent: bool = False
    ) -> None:
        if claim.attempts >= self._max_attempts:
            self._fail(claim, f"gave up after {claim.attempts} attempts: {reason}")
            return
        log.info("delivery %s: %s, retrying in %.1fs", claim.id, reason, delay.total_seconds())
        outbox_rows.reschedule(
            self._factory,
            claim=claim,
            reason=reason,
            at=self._clock.now() + delay,
            maybe_sent=maybe_sent,
            channel=self._slack.known_channel(claim),
        )

    def _fail(self, claim: Claim, reason: str) -> None:
        outbox_rows.fail(self._factory, claim=claim, reason=reason, now=self._clock.now())
