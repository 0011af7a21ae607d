"""Swedish dates and times exactly as municipal documents print them.

``torsdag 19 september 2019``, ``kl 18:30``: names come from CLDR through babel, so
nothing here hand-writes a month or weekday list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from namnd.errors import InvalidInput

LOCALE = "sv_SE"


def format_date(day: dt.date, pattern: str, *, locale: str = LOCALE) -> str:
    """A date through babel's ``format_date``, which is imported on first use.

    A CLI verb that prints no date then does not pay for loading CLDR.
    """
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, pattern, locale=locale)


def long_date(day: dt.date) -> str:
    """``torsdag 19 september 2019``."""
    return format_date(day, "EEEE d MMMM y", locale=LOCALE)


def day_month(day: dt.date) -> str:
    """``19 september``, as the gruppmöten line prints it."""
    return format_date(day, "d MMMM", locale=LOCALE)


def weekday_day_month(day: dt.date) -> str:
    """``måndag 27 januari``, as a sammanträdesordning lists its dates."""
    return format_date(day, "EEEE d MMMM", locale=LOCALE)


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
    from babel.dates import get_day_names

    names: Mapping[int, str] = get_day_names("wide", locale=LOCALE)
    for number, day in names.items():
        if day == name.strip().casefold():
            return number
    raise InvalidInput(f"Okänd veckodag ”{name}”: skriv t.ex. måndag eller torsdag.")
