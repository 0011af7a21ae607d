"""Swedish dates and times exactly as municipal documents print them.

``torsdag 19 september 2019``, ``kl 18:30``. The weekday and month names are CLDR's, as
babel gives them for ``sv_SE``; they are held here rather than read from babel on each
start, because loading babel's locale data was the largest single cost of the first
screen (about 50 ms), which prints nothing else of it. ``tests/unit/test_swedish_dates``
checks them, and every date these functions print, against babel's own formatting.
Other patterns (``LLLL y`` in reports) still go through babel.
"""

from __future__ import annotations

import datetime as dt
import re

from namnd.errors import InvalidInput

LOCALE = "sv_SE"

#: CLDR's wide weekday names, Monday first (``date.weekday()`` order).
WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
#: CLDR's wide month names (format context), January first.
MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)


def long_date(day: dt.date) -> str:
    """``torsdag 19 september 2019`` (CLDR ``EEEE d MMMM y``)."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def day_month(day: dt.date) -> str:
    """``19 september``, as the gruppmöten line prints it (CLDR ``d MMMM``)."""
    return f"{day.day} {MONTHS[day.month - 1]}"


def weekday_day_month(day: dt.date) -> str:
    """``måndag 27 januari``, as a sammanträdesordning lists its dates (``EEEE d MMMM``)."""
    return f"{WEEKDAYS[day.weekday()]} {day_month(day)}"


def clock(time: dt.time | None, sep: str = ":") -> str:
    """``18:30`` (or ``18.00`` with ``sep='.'``); empty for no time."""
    return "" if time is None else f"{time.hour:02d}{sep}{time.minute:02d}"


def parse_iso_date(text: str, *, what: str = "datum") -> dt.date:
    """Read ``ÅÅÅÅ-MM-DD`` or raise a Swedish error naming ``what``."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            f"Ogiltigt {what} ”{text}”: skriv det som ÅÅÅÅ-MM-DD, till exempel 2019-09-19."
        ) from None


_TIME = re.compile(r"^\s*(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})\s*$")


def parse_clock(text: str, *, what: str = "klockslag") -> dt.time:
    """Read ``18:30``, ``18.30`` or ``kl 18.30`` or raise a Swedish error."""
    match = _TIME.match(text or "")
    if match:
        hour, minute = int(match[1]), int(match[2])
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    raise InvalidInput(f"Ogiltigt {what} ”{text}”: skriv det som TT:MM, till exempel 18:30.")


def weekday_number(name: str) -> int:
    """``torsdag`` → 3 (Monday is 0); a Swedish error for anything else."""
    try:
        return WEEKDAYS.index(name.strip().casefold())
    except ValueError:
        raise InvalidInput(f"Okänd veckodag ”{name}”: skriv t.ex. måndag eller torsdag.") from None
