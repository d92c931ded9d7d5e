"""GET /verify/<code>: anyone holding a deelnamebewijs's code checks it is genuine.

Shows only initials + surname, the date, the hours, the group number and the status (valid /
superseded / revoked), as plain HTML (lang="nl", everything escaped) or as JSON for
`Accept: application/json`. An unknown code gets the same bare 404 as any unknown path.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from bot.deps import Deps
from bot.i18n import Lang, format_date, format_hours, t_plain
from bot.services.certificates import by_code, public_name
from bot.web import Environ, Response, Route, headers_of, route

# token_urlsafe alphabet; anything else cannot be a code and is not looked up.
CODE_PATTERN = r"/verify/(?P<code>[A-Za-z0-9_-]{1,64})"
NO_STORE = [("Cache-Control", "no-store"), ("Referrer-Policy", "no-referrer")]


def verify_route(deps: Deps) -> Route:
    """The route for /verify/<code>."""

    def handle(environ: Environ, match: re.Match[str]) -> Response:
        return verify(deps, code=match.group("code"), headers=headers_of(environ))

    # Rate-limited per client: codes must not be tried by the hundred.
    return route("GET", CODE_PATTERN, handle, limited=True)


def _facts(deps: Deps, code: str) -> dict[str, Any] | None:
    with deps.uow() as session:
        certificate = by_code(session, code=code)
        if certificate is None:
            return None
        tz = deps.settings.timezone
        return {
            "name": public_name(certificate.holder_name),
            "date": certificate.meeting_starts_at.astimezone(tz).date(),
            "minutes": certificate.net_minutes,
            "group_number": certificate.group_number,
            "status": certificate.status.value,
        }


def verify(deps: Deps, *, code: str, headers: dict[str, str]) -> Response:
    """Answer one verification request."""
    facts = _facts(deps, code)
    if facts is None:
        return Response.text(404, "not found")
    if "application/json" in headers.get("accept", "").lower():
        body = {
            "name": facts["name"],
            "date": facts["date"].isoformat(),
            "hours": round(facts["minutes"] / 60, 2),
            "group_number": facts["group_number"],
            "status": facts["status"],
        }
        return Response(
            200,
            json.dumps(body, ensure_ascii=False).encode("utf-8"),
            content_type="application/json; charset=utf-8",
            headers=NO_STORE,
        )
    lang: Lang = "en" if headers.get("accept-language", "").lower().startswith("en") else "nl"
    return Response(
        200,
        _page(lang, facts).encode("utf-8"),
        content_type="text/html; charset=utf-8",
        headers=[
            *NO_STORE,
            ("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'"),
        ],
    )


def _page(lang: Lang, facts: dict[str, Any]) -> str:
    def e(value: object) -> str:
        return html.escape(str(value), quote=True)

    status = facts["status"]
    rows = [
        (t_plain(lang, "verify.name"), facts["name"]),
        (t_plain(lang, "verify.date"), format_date(facts["date"])),
        (t_plain(lang, "verify.hours"), format_hours(facts["minutes"], lang)),
        (t_plain(lang, "verify.group"), facts["group_number"]),
        (t_plain(lang, "verify.status"), t_plain(lang, f"verify.status.{status}")),
    ]
    colour = "#1a7f37" if status == "valid" else "#b42318"
    table = "\n".join(f"<tr><th>{e(label)}</th><td>{e(value)}</td></tr>" for label, value in rows)
    title = e(t_plain(lang, "verify.title"))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{e(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex">'
        f"<title>{title}</title>"
        "<style>body{font-family:sans-serif;max-width:36em;margin:2em auto;padding:0 1em}"
        "th{text-align:left;padding-right:1em}"
        f".status{{color:{colour};font-weight:bold}}</style></head><body>"
        f"<h1>{title}</h1>"
        f'<p class="status" data-status="{e(status)}">'
        f"{e(t_plain(lang, f'verify.status.{status}'))}</p>"
        f"<table>{table}</table></body></html>\n"
    )
