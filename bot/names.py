"""How a person's name is shown in public (the verify page): initials and surname, with Dutch
tussenvoegsels kept with the surname."""

from __future__ import annotations

# Dutch tussenvoegsels (and a few common foreign particles): they belong to the surname.
TUSSENVOEGSELS = frozenset(
    {
        "van", "de", "der", "den", "het", "'t", "te", "ter", "ten", "in", "op", "aan", "bij",
        "uit", "onder", "over", "voor", "vd", "v.d.", "d'", "la", "le", "du", "di", "da", "des",
        "del", "von", "zu", "al", "el", "ben", "bin", "dos", "das",
    }
)  # fmt: skip


def public_name(full_name: str) -> str:
    """Initials and surname, as /verify shows them: "Daan van der Berg" → "D. van der Berg"."""
    words = full_name.split()
    if len(words) <= 1:
        return full_name.strip()
    split = len(words) - 1
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in TUSSENVOEGSELS:
            split = i
            break
    given, surname = words[:split], words[split:]
    initials = "".join(
        "-".join(part[0].upper() + "." for part in word.split("-") if part) for word in given
    )
    return f"{initials} {' '.join(surname)}"
