"""The people of the scenarios: Dutch colleagues (one with an English Slack) and the secretariat,
with the workspace and the signing secret the test app uses."""

from __future__ import annotations

SIGNING_SECRET = "test-signing-secret-8f2c"
TEAM = "T1"
ADMIN = "UADMIN01"

# The people of the scenarios: Dutch colleagues (one with an English Slack), the secretariat.
PEOPLE: dict[str, dict[str, str]] = {
    "UANNE001": {"real_name": "Anne de Vries"},
    "UBRAM002": {"real_name": "Bram Jansen"},
    "UZOE0003": {"real_name": "Zoë Şahin-Łukasiewicz"},
    "UDAAN004": {"real_name": "Daan van der Berg"},
    "UEMMA005": {"real_name": "Emma Bakker"},
    "UFEMK006": {"real_name": "Femke Visser"},
    "UGERT007": {"real_name": "Gert Smit"},
    "UHANS008": {"real_name": "Hans Mulder"},
    "UINGE009": {"real_name": "Inge de Boer"},
    "UJOOS010": {"real_name": "Joost Meijer"},
    "UKARL011": {"real_name": "Karla de Groot"},
    "UENG0012": {"real_name": "Emily Clarke", "locale": "en-GB", "tz": "Europe/London"},
    # A registered (LVSC) supervisor for guided intervision.
    "USUP0013": {"real_name": "Marieke Dijkstra"},
    ADMIN: {"real_name": "Secretariaat LVV"},
}
