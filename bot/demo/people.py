"""The cast of the demo's stories: Dutch colleagues and the secretariat, with their Slack ids."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Colleague:
    """A person of the story: Slack user id, full name, first name."""

    user_id: str
    name: str

    @property
    def first(self) -> str:
        """The first name, as the transcript calls them."""
        return self.name.split()[0]

    @property
    def possessive(self) -> str:
        """The first name as a Dutch genitive, as the Taalunie writes it: an s without
        apostrophe ("Annes", "Zoës", "Daans"), 's after a long vowel ("Emma's") and only an
        apostrophe after a sibilant ("Thomas'")."""
        first = self.first
        if first.lower().endswith(("s", "x", "z", "sh", "ce")):
            return first + "'"
        if first[-1].lower() in "aiouy":
            return first + "'s"
        return first + "s"


ANNE = Colleague("U0ANNE001", "Anne de Vries")
BRAM = Colleague("U0BRAM002", "Bram Jansen")
ZOE = Colleague("U0ZOE0003", "Zoë Şahin-Łukasiewicz")
DAAN = Colleague("U0DAAN004", "Daan van der Berg")
EMMA = Colleague("U0EMMA005", "Emma Bakker")
FEMKE = Colleague("U0FEMK006", "Femke Visser")
GERT = Colleague("U0GERT007", "Gert Smit")
SECRETARIAT = Colleague("U0ADMIN01", "Secretariaat LVV")
# The guided story: a supervisor registered with the LVSC, a team leader who asks for guidance
# for her team at a municipality, and three of her colleagues.
MARIEKE = Colleague("U0MARK008", "Marieke Dijkstra")
KARIN = Colleague("U0KARN009", "Karin Hoekstra")
LOTTE = Colleague("U0LOTT010", "Lotte Brouwer")
MOHAMED = Colleague("U0MOHA011", "Mohamed El Amrani")
NINA = Colleague("U0NINA012", "Nina de Graaf")
PEOPLE = (
    ANNE,
    BRAM,
    ZOE,
    DAAN,
    EMMA,
    FEMKE,
    GERT,
    SECRETARIAT,
    MARIEKE,
    KARIN,
    LOTTE,
    MOHAMED,
    NINA,
)
