"""GET /verify/<code>: anyone holding a deelnamebewijs or a recertification overview checks it is
genuine and still valid.

A certificate's page shows what is needed to match the PDF in hand: the certificate number,
initials + surname, the group (number and name), the date, start–end time, the hours, the role and
the status (valid / superseded / revoked). An overview's page shows initials + surname, the period,
the hours counted (and in all, and required), the number of meetings, the day it was made and its
status (valid, or changed once a certificate it counted was corrected or revoked). HTML in Dutch,
or English when the browser prefers it (everything escaped, no scripts, no outside resources), or
JSON for `Accept: application/json`. Every code that is neither, of any shape, gets one and the
same 404 page saying what to check, so the answer never tells whether a code ever existed.
"""

from __future__ import annotations

import html
import json
import re
from datetime import timedelta
from typing import Any

from bot.deps import Deps
from bot.i18n import Lang, format_date, format_time, hours_text, t_plain, tn_plain
from bot.names import public_name
from bot.services.certificates import by_code
from bot.services.completion_pdf import completion_row
from bot.services.overviews import overview_by_code, overview_status
from bot.web import Environ, Response, Route, headers_of, route
from storage.models import CertificateKind, Role

# Anything under /verify/ reaches the handler, so a mistyped code gets the page that explains
# what to check; only a code in the token_urlsafe alphabet is looked up.
VERIFY_PATTERN = r"(?s)/verify/(?P<code>.*)"
CODE = re.compile(r"[A-Za-z0-9_-]{1,64}")
SECURITY_HEADERS = [
    ("Cache-Control", "no-store"),
    ("Referrer-Policy", "no-referrer"),
    ("Vary", "Accept, Accept-Language"),
    (
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; "
        "base-uri 'none'; form-action 'none'",
    ),
    ("X-Frame-Options", "DENY"),
]
STYLE = (
    "body{font-family:system-ui,sans-serif;line-height:1.45;color:#1f2328;margin:0}"
    "main{max-width:40em;margin:2em auto;padding:0 1em}"
    "h1{font-size:1.5em;margin:0 0 .5em}"
    "table{border-collapse:collapse;width:100%;margin:1em 0}"
    "caption{text-align:left;font-weight:bold;padding:.3em 0}"
    "th,td{text-align:left;vertical-align:top;padding:.35em .6em .35em 0;"
    "border-bottom:1px solid #d0d7de}"
    "th{font-weight:normal;color:#57606a;width:40%}"
    ".status{font-weight:bold;font-size:1.15em;color:#b42318}"
    ".status.valid{color:#1a7f37}"
    "li{margin:.4em 0}"
)


def verify_route(deps: Deps) -> Route:
    """The route for /verify/<code>."""

    def handle(environ: Environ, match: re.Match[str]) -> Response:
        return verify(deps, code=match.group("code"), headers=headers_of(environ))

    # Rate-limited per client: codes must not be tried by the hundred.
    return route("GET", VERIFY_PATTERN, handle, limited=True)


def preferred_lang(accept_language: str) -> Lang:
    """Dutch, unless the browser ranks English above Dutch (RFC 9110 q-values; ties: first named)."""
    ranked: list[tuple[float, int, Lang]] = []
    for index, item in enumerate(accept_language.split(",")):
        tag, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        primary = tag.lower().split("-")[0]
        if quality > 0 and primary in ("nl", "en"):
            ranked.append((-quality, index, "en" if primary == "en" else "nl"))
    return min(ranked)[2] if ranked else "nl"


def _facts(deps: Deps, code: str) -> dict[str, Any] | None:
    if CODE.fullmatch(code) is None:
        return None
    with deps.uow() as session:
        certificate = by_code(session, code=code)
        if certificate is None:
            overview = overview_by_code(session, code=code)
            if overview is None:
                return None
            return {
                "kind": "overview",
                "name": public_name(overview.holder_name),
                "period_start": overview.period_start,
                "period_end": overview.period_end,
                "as_of": overview.as_of.astimezone(deps.settings.timezone).date(),
                "counted_minutes": overview.counted_minutes,
                "total_minutes": overview.total_minutes,
                "required_minutes": overview.required_minutes,
                "meetings": overview.meeting_count,
                "status": overview_status(session, overview=overview).value,
            }
        tz = deps.settings.timezone
        start = certificate.meeting_starts_at
        end = start + timedelta(minutes=certificate.net_minutes)
        completion = (
            completion_row(session, certificate_id=certificate.id)
            if certificate.kind is CertificateKind.COMPLETION
            else None
        )
        return {
            "kind": "certificate",
            "number": certificate.number,
            "name": public_name(certificate.holder_name),
            "group_number": certificate.group_number,
            "group_name": certificate.group_name,
            "date": start.astimezone(tz).date(),
            "start_time": format_time(start, tz=tz),
            "end_time": format_time(end, tz=tz),
            "minutes": certificate.net_minutes,
            "role": certificate.role,
            "status": certificate.status.value,
            # A certificaat begeleide intervisie proves a trajectory, not one meeting.
            "completion": None
            if completion is None
            else {
                "trajectory": certificate.trajectory_text or certificate.group_name,
                "attended": completion.meetings_attended,
                "total": completion.meetings_total,
            },
        }


def verify(deps: Deps, *, code: str, headers: dict[str, str]) -> Response:
    """Answer one verification request."""
    facts = _facts(deps, code)
    wants_json = "application/json" in headers.get("accept", "").lower()
    if wants_json:
        body: dict[str, Any] = {"status": "unknown"} if facts is None else _json(facts)
        return Response(
            404 if facts is None else 200,
            json.dumps(body, ensure_ascii=False).encode("utf-8"),
            content_type="application/json; charset=utf-8",
            headers=SECURITY_HEADERS,
        )
    lang = preferred_lang(headers.get("accept-language", ""))
    if facts is None:
        page = _unknown_page(lang)
    elif facts["kind"] == "overview":
        page = _overview_page(lang, facts)
    else:
        page = _page(lang, facts)
    return Response(
        404 if facts is None else 200,
        page.encode("utf-8"),
        content_type="text/html; charset=utf-8",
        headers=SECURITY_HEADERS,
    )


def _json(facts: dict[str, Any]) -> dict[str, Any]:
    if facts["kind"] == "overview":
        return {
            "kind": "overview",
            "name": facts["name"],
            "period_start": facts["period_start"].isoformat(),
            "period_end": facts["period_end"].isoformat(),
            "as_of": facts["as_of"].isoformat(),
            "hours": round(facts["counted_minutes"] / 60, 2),
            "total_hours": round(facts["total_minutes"] / 60, 2),
            "required_hours": round(facts["required_minutes"] / 60, 2),
            "meetings": facts["meetings"],
            "status": facts["status"],
        }
    role: Role | None = facts["role"]
    if facts["completion"] is not None:
        completion = facts["completion"]
        return {
            "kind": CertificateKind.COMPLETION.value,
            "number": facts["number"],
            "name": facts["name"],
            "group_number": facts["group_number"],
            "group_name": facts["group_name"],
            "trajectory": completion["trajectory"],
            "meetings_attended": completion["attended"],
            "meetings_total": completion["total"],
            "date": facts["date"].isoformat(),
            "hours": round(facts["minutes"] / 60, 2),
            "status": facts["status"],
        }
    return {
        "number": facts["number"],
        "name": facts["name"],
        "group_number": facts["group_number"],
        "group_name": facts["group_name"],
        "date": facts["date"].isoformat(),
        "start_time": facts["start_time"],
        "end_time": facts["end_time"],
        "hours": round(facts["minutes"] / 60, 2),
        "role": role.value if role is not None else None,
        "status": facts["status"],
    }


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _document(lang: Lang, *, title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex">'
        f"<title>{_e(title)}</title><style>{STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>\n"
    )


def _table_page(
    lang: Lang,
    *,
    title: str,
    intro: str,
    caption: str,
    status: str,
    status_text: str,
    rows: list[tuple[str, str]],
) -> str:
    table = "".join(
        f'<tr><th scope="row">{_e(label)}</th><td>{_e(value)}</td></tr>' for label, value in rows
    )
    body = (
        f"<h1>{_e(title)}</h1>"
        f'<p class="status {_e(status)}" data-status="{_e(status)}">'
        f"{_e(status_text)}</p>"
        f"<p>{_e(intro)}</p>"
        f"<table><caption>{_e(caption)}</caption>{table}</table>"
    )
    return _document(lang, title=title, body=body)


def _overview_page(lang: Lang, facts: dict[str, Any]) -> str:
    """An overview: whose, which period, the hours it counted, and whether they still stand."""
    status = facts["status"]
    status_text = t_plain(lang, f"verify.overview.status.{status}")
    period = f"{format_date(facts['period_start'])} – {format_date(facts['period_end'])}"
    rows = [
        (t_plain(lang, "verify.name"), facts["name"]),
        (t_plain(lang, "verify.overview.period"), period),
        (t_plain(lang, "verify.overview.counted"), hours_text(lang, facts["counted_minutes"])),
        (t_plain(lang, "verify.overview.total"), hours_text(lang, facts["total_minutes"])),
        (t_plain(lang, "verify.overview.required"), hours_text(lang, facts["required_minutes"])),
        (t_plain(lang, "verify.overview.meetings"), str(facts["meetings"])),
        (t_plain(lang, "verify.overview.as_of"), format_date(facts["as_of"])),
        (t_plain(lang, "verify.status"), status_text),
    ]
    return _table_page(
        lang,
        title=t_plain(lang, "verify.overview.title"),
        intro=t_plain(lang, "verify.overview.intro"),
        caption=t_plain(lang, "verify.overview.caption"),
        status=status,
        status_text=status_text,
        rows=rows,
    )


def _page(lang: Lang, facts: dict[str, Any]) -> str:
    status = facts["status"]
    role: Role | None = facts["role"]
    status_text = t_plain(lang, f"verify.status.{status}")
    rows = [
        (t_plain(lang, "verify.number"), facts["number"]),
        (t_plain(lang, "verify.name"), facts["name"]),
        (
            t_plain(lang, "verify.group_full"),
            f"{facts['group_number']} — {facts['group_name']}",
        ),
        (t_plain(lang, "verify.date"), format_date(facts["date"])),
        (t_plain(lang, "verify.time"), f"{facts['start_time']}–{facts['end_time']}"),
        (t_plain(lang, "verify.hours"), hours_text(lang, facts["minutes"])),
        (
            t_plain(lang, "verify.role"),
            t_plain(lang, f"role.{role.value}") if role is not None else "—",
        ),
        (t_plain(lang, "verify.status"), status_text),
    ]
    if facts["completion"]:
        rows = _completion_rows(lang, facts, status_text)
    # A certificaat begeleide intervisie is named as such, not as a deelnamebewijs.
    prefix = "verify.completion." if facts["completion"] else "verify."
    return _table_page(
        lang,
        title=t_plain(lang, f"{prefix}title"),
        intro=t_plain(lang, f"{prefix}intro"),
        caption=t_plain(lang, f"{prefix}caption"),
        status=status,
        status_text=status_text,
        rows=rows,
    )


def _completion_rows(lang: Lang, facts: dict[str, Any], status_text: str) -> list[tuple[str, str]]:
    completion = facts["completion"]
    return [
        (t_plain(lang, "verify.kind"), t_plain(lang, "completion.pdf.title")),
        (t_plain(lang, "verify.number"), facts["number"]),
        (t_plain(lang, "verify.name"), facts["name"]),
        (t_plain(lang, "verify.group_full"), f"{facts['group_number']} — {facts['group_name']}"),
        (t_plain(lang, "document.label.trajectory"), completion["trajectory"]),
        (
            t_plain(lang, "completion.pdf.attended"),
            tn_plain(
                lang,
                "completion.pdf.attended_value",
                completion["total"],
                attended=completion["attended"],
            ),
        ),
        (t_plain(lang, "verify.hours"), hours_text(lang, facts["minutes"])),
        (t_plain(lang, "verify.status"), status_text),
    ]


def _unknown_page(lang: Lang) -> str:
    """The same page for every unknown code: what to check, nothing about the code itself."""
    title = t_plain(lang, "verify.unknown.title")
    checks = "".join(
        f"<li>{_e(t_plain(lang, key))}</li>"
        for key in ("verify.unknown.typo", "verify.unknown.full", "verify.unknown.qr")
    )
    body = (
        f"<h1>{_e(title)}</h1>"
        f"<p>{_e(t_plain(lang, 'verify.unknown.intro'))}</p>"
        f"<ul>{checks}</ul>"
        f"<p>{_e(t_plain(lang, 'verify.unknown.contact'))}</p>"
    )
    return _document(lang, title=title, body=body)
