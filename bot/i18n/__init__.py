"""Translations: Dutch by default, English for English Slack locales; dates as dd-mm-jjjj."""

from __future__ import annotations

import importlib
import pkgutil
import string
from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from decimal import Decimal
from typing import Any, Literal

from babel import Locale
from babel.dates import format_date as babel_format_date

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")

# Each area keeps its own catalogue module in this package: MESSAGES = {key: (dutch, english)}.
_AREAS = tuple(
    importlib.import_module(f"{__name__}.{module.name}")
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name)
)


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for area in _AREAS:
        for key, texts in area.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"translation key {key!r} is defined twice")
            merged[key] = texts
    return merged


CATALOGUE: Mapping[str, tuple[str, str]] = _merge()


def lang_for(locale: str | None) -> Lang:
    """Slack locales like en-US, en-GB get English; everything else (nl-NL, unknown) Dutch."""
    return "en" if locale and locale.lower().startswith("en") else "nl"


def escape_mrkdwn(value: str) -> str:
    """Escape the three characters Slack's mrkdwn treats as markup (&, <, >).

    This also neutralises `<!channel>` and `<@U…>` mentions smuggled into names and descriptions.
    """
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _render(lang: Lang, key: str, params: Mapping[str, Any], *, escape: bool) -> str:
    if key not in CATALOGUE and "count" in params:
        # A text with plural forms, named by its base key (as a DomainError carries it).
        key = plural_key(lang, key, params["count"])
    texts = CATALOGUE[key]
    template = texts[0] if lang == "nl" else texts[1]
    if not params:
        return template
    safe = {k: escape_mrkdwn(v) if escape and isinstance(v, str) else v for k, v in params.items()}
    return template.format(**safe)


def has_message(key: str) -> bool:
    """Whether the catalogue has `key`, as a text or as a text with plural forms."""
    return key in CATALOGUE or f"{key}.one" in CATALOGUE


def plural_key(lang: Lang, key: str, count: int | float | str) -> str:
    """`key.one` or `key.other`, as Babel's plural rules for the language choose for `count`
    (as shown: "1,5" counts as 1.5)."""
    number = Decimal(str(count).replace(",", "."))
    form = Locale.parse(lang).plural_form(number)
    return f"{key}.{'one' if form == 'one' else 'other'}"


def tn(lang: Lang, key: str, count: int | float | str, **params: Any) -> str:
    """A message with a count, in the plural form the count needs ("1 deelnemer", "2
    deelnemers"): the catalogue has `key.one` and `key.other`, each with `{count}`."""
    return t(lang, plural_key(lang, key, count), count=count, **params)


def tn_plain(lang: Lang, key: str, count: int | float | str, **params: Any) -> str:
    """tn for plain_text objects (labels, options, titles)."""
    return t_plain(lang, plural_key(lang, key, count), count=count, **params)


def t(lang: Lang, key: str, **params: Any) -> str:
    """A message for mrkdwn text; string parameters (user input) are escaped. A key with plural
    forms (`key.one` / `key.other`) may be named by its base when `count` is given, as tn does."""
    return _render(lang, key, params, escape=True)


def t_plain(lang: Lang, key: str, **params: Any) -> str:
    """A message for plain_text objects (labels, titles, options), where Slack shows text as is."""
    return _render(lang, key, params, escape=False)


def placeholders(template: str) -> set[str]:
    """The `{name}` fields in a template; used by the test that keeps both languages in step."""
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def format_date(value: date | datetime, *, tz: tzinfo | None = None) -> str:
    """dd-mm-jjjj, as typed and shown on the portal."""
    if isinstance(value, datetime) and tz is not None:
        value = value.astimezone(tz)
    return value.strftime("%d-%m-%Y")


def format_time(value: datetime, *, tz: tzinfo | None = None) -> str:
    """uu:mm, 24 hours."""
    if tz is not None:
        value = value.astimezone(tz)
    return value.strftime("%H:%M")


def format_long_date(value: date | datetime, lang: Lang, *, tz: tzinfo | None = None) -> str:
    """'maandag 30 november 2026' / 'Monday 30 November 2026', for messages people read."""
    if isinstance(value, datetime):
        value = (value.astimezone(tz) if tz is not None else value).date()
    return str(
        babel_format_date(value, "EEEE d MMMM y", locale="nl_NL" if lang == "nl" else "en_GB")
    )


def format_hours(minutes: int, lang: Lang) -> str:
    """Net time as hours with a decimal comma in Dutch: 90 → '1,5'."""
    hours = minutes / 60
    text = f"{hours:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "nl" else text


def hours_text(lang: Lang, minutes: int) -> str:
    """Net time with its unit in the plural form the number needs: "2,5 uur", "1 hour",
    "1.5 hours"."""
    return tn_plain(lang, "hours.amount", format_hours(minutes, lang))
