"""GET /ical/member/<token>.ics and /ical/group/<token>.ics: the subscribable calendar feeds.

The token is the only key: an unknown or reset token gets a bare 404 that says nothing about
whether a person or group exists.
"""

from __future__ import annotations

import re

from bot.deps import Deps
from bot.services.calendar import group_feed, member_feed
from bot.web import Environ, Response, Route, route

_TOKEN = r"(?P<token>[A-Za-z0-9_-]{20,64})"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def calendar_routes(deps: Deps) -> list[Route]:
    """The two feed routes."""

    def serve(kind: str, match: re.Match[str]) -> Response:
        feed = member_feed if kind == "member" else group_feed
        with deps.uow() as session:
            body = feed(
                session,
                token=match.group("token"),
                now=deps.now(),
                tz_name=deps.settings.default_timezone,
            )
        if body is None:
            return Response.text(404, "not found")
        return Response(
            200,
            body,
            content_type=CONTENT_TYPE,
            headers=[
                ("Content-Disposition", 'inline; filename="intervisie.ics"'),
                # The URL is a secret: keep it and its content out of shared caches.
                ("Cache-Control", "private, max-age=300"),
                ("Referrer-Policy", "no-referrer"),
            ],
        )

    def member(_environ: Environ, match: re.Match[str]) -> Response:
        return serve("member", match)

    def group(_environ: Environ, match: re.Match[str]) -> Response:
        return serve("group", match)

    # Rate-limited per client: tokens must not be tried by the hundred.
    return [
        route("GET", rf"/ical/member/{_TOKEN}\.ics", member, limited=True),
        route("GET", rf"/ical/group/{_TOKEN}\.ics", group, limited=True),
    ]
