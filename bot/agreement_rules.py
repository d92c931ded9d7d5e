"""The rules of agreements, date polls, series, absence and evaluation (issue 15, seeds 003 and
004), as named constants; bot/rules.py holds the rules every area shares."""

from __future__ import annotations

from datetime import timedelta
from typing import Final

# Below this many members able to come the contact person is warned to move the meeting (a group
# setting on the agreements card; this is its default).
DEFAULT_MIN_PRESENT: Final = 3
MAX_MIN_PRESENT: Final = 10

# Agreements card: free texts stay short (they are arrangements, not minutes).
GOAL_MAX: Final = 500
SUCCESS_MAX: Final = 500
RHYTHM_MAX: Final = 200
PREFERRED_TIMES_MAX: Final = 300
LOCATION_MAX: Final = 300
INPUT_MAX: Final = 300
RECORDING_MAX: Final = 500
COST_SPLIT_MAX: Final = 200
# "Gemiddeld komt een intervisiegroep 6 tot 8 keer per jaar bij elkaar" (seed 004); a bound, not a
# norm: weekly groups exist.
MAX_MEETINGS_PER_YEAR: Final = 52

# Date polls ("datumprikker"): at least two moments to choose from, at most eight.
POLL_MIN_SLOTS: Final = 2
POLL_MAX_SLOTS: Final = 8
# Without a deadline a poll closes after a week, and always before the first moment's day.
POLL_DEFAULT_ANSWER_DAYS: Final = 7
# Members who have not answered are reminded this long before the deadline.
POLL_REMINDER_BEFORE_DEADLINE: Final = timedelta(days=1)

# Series: at least two meetings; at most this many, and never past rules.MAX_YEARS_AHEAD.
SERIES_MIN_MEETINGS: Final = 2
SERIES_MAX_MEETINGS: Final = 52

# Absence: `/intervisie afwezig 1234` offers this many of the group's coming meetings.
ABSENCE_UPCOMING: Final = 5

# Evaluation: results only as aggregates, and only from this many answers on (never per person).
EVALUATION_MIN_ANSWERS: Final = 3
# Present members are asked for meetings that started at most this long ago, and may answer
# until this long after the start.
EVALUATION_INVITE_WINDOW: Final = timedelta(days=14)
EVALUATION_ANSWER_WINDOW: Final = timedelta(days=30)
EVALUATION_SCORE_MIN: Final = 1
EVALUATION_SCORE_MAX: Final = 5
EVALUATION_REMARK_MAX: Final = 200
# "Wat kan beter" lines are blanked this long after their meeting (docs/privacy.md).
EVALUATION_REMARK_RETENTION: Final = timedelta(days=365)
# The trend shows this many evaluated meetings.
TREND_MEETINGS: Final = 6
EVALUATION_PURGE_INTERVAL: Final = timedelta(days=1)
