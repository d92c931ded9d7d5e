"""`intervisie-bot demo`: try the app without a Slack workspace.

The real app runs in HTTP mode on a free loopback port, against the fake Slack Web API of the
development sandbox (bot.devtools), on a fresh SQLite file in the output folder. A story is then
played through the real, signed endpoint, as the people would: a contact person creates a group,
six colleagues ask to join, four are approved and one rejected, a meeting is planned and changed, a
reminder falls due, attendance is registered with roles, certificates arrive and one is verified,
the App Home shows the hours, and the overview (verified by its own code) and the dossier are sent.
What every person saw is written as a transcript; the certificates, the recertification overview,
the dossier and the group's calendar feed go to the output folder.

Time is a manual clock: the story moves it forward so the reminder is due and the meeting is past.
"""

from __future__ import annotations

from bot.demo.runner import run

__all__ = ["run"]
