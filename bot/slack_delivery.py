"""The outbox's Slack calls: open the DM, post, update, upload a file in three steps, look in the
DM's history before a resend, and tell Slack's "not now" (retry later) from its "never" (give up)."""

from __future__ import annotations

import logging
import urllib.request
from collections.abc import Callable
from datetime import timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import outbox_rows
from bot.installations import NotInstalled, TokenUnavailable
from bot.notify import FileMessage, Message
from bot.outbox_rows import Claim
from bot.slack_api import ClientFor
from storage.db import SessionFactory

log = logging.getLogger(__name__)

METADATA_EVENT_TYPE = "intervisie_delivery"
# Users whose DM channel id is remembered; a plain bound, cleared when reached.
DM_CHANNEL_CACHE_SIZE = 100_000
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


class RetryLater(Exception):
    """Slack said "not now" (or did not answer): try again after `delay`."""

    def __init__(self, reason: str, delay: timedelta, *, ambiguous: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.delay = delay
        # No answer at all: the request may have reached Slack and taken effect.
        self.ambiguous = ambiguous


class GiveUp(Exception):
    """Slack (or what was owed) said "never": mark the delivery failed."""


# A workspace whose token is due for rotation and could not be rotated just now.
TOKEN_RETRY = timedelta(seconds=30)
# Slack refused the token itself: another process may have installed or rotated it meanwhile.
TOKEN_ERRORS = frozenset({"invalid_auth", "token_revoked", "token_expired", "not_authed"})


class SlackSender:
    """Sends one claimed delivery to Slack with the token of the delivery's workspace; row
    bookkeeping goes through bot.outbox_rows."""

    def __init__(self, *, clients: ClientFor, factory: SessionFactory) -> None:
        self._clients = clients
        self._factory = factory
        self._dm_channels: dict[tuple[str, str], str] = {}

    def client(self, claim: Claim) -> WebClient:
        """The Web API client of the claim's workspace (its own token, its own rate limits)."""
        try:
            return self._clients(claim.team_id)
        except NotInstalled:
            raise GiveUp("workspace not installed") from None
        except TokenUnavailable:
            raise RetryLater("token rotation failed", TOKEN_RETRY) from None

    def token_refused(self, claim: Claim, exc: SlackApiError) -> bool:
        """Slack refused the workspace's token: forget it; True when a later attempt may find
        a newer one (distributed), False when there is no other (one workspace, one token)."""
        error = str(exc.response.get("error", "")) if exc.response is not None else ""
        forget = getattr(self._clients, "forget", None)
        return error in TOKEN_ERRORS and forget is not None and bool(forget(claim.team_id))

    def dm_channel(self, claim: Claim) -> str:
        """The DM channel with the recipient (remembered per process and in the row)."""
        if claim.result_channel:
            return claim.result_channel
        key = (claim.team_id, claim.recipient)
        cached = self._dm_channels.get(key)
        if cached is not None:
            # A user's DM channel with the app never changes: one conversations.open per user
            # per process, not one per DM (it halves the Slack calls of a fan-out).
            return cached
        opened = self.client(claim).conversations_open(users=claim.recipient)
        channel = str(opened["channel"]["id"])
        self._remember_channel(claim, channel)
        return channel

    def _remember_channel(self, claim: Claim, channel: str) -> None:
        """Remember the recipient's DM channel for this process. It is kept in the row when the
        delivery is sent or rescheduled (bot/delivery.py), not written now."""
        if len(self._dm_channels) >= DM_CHANNEL_CACHE_SIZE:
            self._dm_channels.clear()
        self._dm_channels[(claim.team_id, claim.recipient)] = channel

    def known_channel(self, claim: Claim) -> str | None:
        """The DM channel with the recipient if it is known already (no Slack call)."""
        return claim.result_channel or self._dm_channels.get((claim.team_id, claim.recipient))

    def post(self, claim: Claim, render: Callable[[], Message]) -> tuple[str, str]:
        """Post the DM (after checking the history when an earlier try may have arrived).

        A first DM to someone goes to their user id: Slack posts it in their DM with the app and
        answers with that channel's id, which is remembered. So a fan-out needs no
        conversations.open; only a look in the history (an uncertain earlier try) opens it."""
        if claim.uncertain:
            channel = self.dm_channel(claim)
            found = self._already_posted(claim, channel)
            if found is not None:
                log.info("delivery %s had arrived before the restart; not sending again", claim.id)
                return channel, found
        else:
            channel = self.known_channel(claim) or claim.recipient
        message = render()
        response = self.client(claim).chat_postMessage(
            channel=channel,
            text=message["text"],
            blocks=message["blocks"] or None,
            metadata={
                "event_type": METADATA_EVENT_TYPE,
                "event_payload": {"delivery_id": claim.id},
            },
            unfurl_links=False,
            unfurl_media=False,
        )
        posted_in = str(response["channel"])
        if posted_in != channel:
            self._remember_channel(claim, posted_in)
        return posted_in, str(response["ts"])

    def update(self, claim: Claim, *, channel: str, ts: str, message: Message) -> None:
        """Redraw a message the app sent before."""
        self.client(claim).chat_update(
            channel=channel, ts=ts, text=message["text"], blocks=message["blocks"] or None
        )

    def _already_posted(self, claim: Claim, channel: str) -> str | None:
        delivery_id = claim.id
        history = self.client(claim).conversations_history(
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

    def upload(self, claim: Claim, render: Callable[[], FileMessage]) -> tuple[str, str | None]:
        """Share the file in the DM (after checking whether an earlier try already shared it)."""
        p = claim.payload
        earlier = [str(f) for f in p.get("file_ids") or []]
        if claim.uncertain and earlier:
            channel = self.dm_channel(claim)
            found = self._file_shared(claim, channel, earlier)
            if found is not None:
                log.info("delivery %s: file had arrived before; not sending again", claim.id)
                return channel, found
        rendered = render()
        if p.get("filename") != rendered.filename:
            # The secretariat's overview of failed deliveries names the file, whatever fails next.
            outbox_rows.remember_filename(
                self._factory, delivery_id=claim.id, filename=rendered.filename
            )
        channel = self.dm_channel(claim)
        client = self.client(claim)
        content = rendered.content
        # The three steps of files_upload_v2, done here so the file id is on record before the
        # upload is completed: a later attempt then knows which file to look for in the DM.
        upload = client.files_getUploadURLExternal(filename=rendered.filename, length=len(content))
        file_id, url = str(upload["file_id"]), str(upload["upload_url"])
        outbox_rows.remember_file(self._factory, delivery_id=claim.id, file_id=file_id)
        request = urllib.request.Request(url, data=content, method="POST")
        with urllib.request.urlopen(request, timeout=client.timeout) as answer:
            answer.read()
        client.files_completeUploadExternal(
            files=[{"id": file_id, "title": rendered.title}],
            channel_id=channel,
            initial_comment=rendered.comment,
        )
        return channel, None

    def _file_shared(self, claim: Claim, channel: str, file_ids: list[str]) -> str | None:
        """The ts of the DM message showing one of `file_ids`, if Slack shows one."""
        history = self.client(claim).conversations_history(channel=channel, limit=50)
        wanted = set(file_ids)
        for message in history.get("messages") or []:
            if any(f.get("id") in wanted for f in message.get("files") or []):
                return str(message.get("ts"))
        return None


def classify(exc: SlackApiError, *, backoff: timedelta) -> Exception:
    """Slack's error as RetryLater (429 with its Retry-After, 5xx, unknown) or GiveUp."""
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
        return RetryLater(error or f"http {status}", backoff)
    if error in PERMANENT_ERRORS:
        return GiveUp(error)
    return RetryLater(error or f"http {status}", backoff)
