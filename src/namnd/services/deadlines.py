"""Deadlines around a meeting, counted as lag (1930:173) counts them.

Non-vardagar are Saturdays, Sundays, Swedish public holidays (helgdagar) and
midsommarafton, julafton and nyårsafton: the ``holidays`` package's ``public`` and
``de_facto`` categories for Sweden, never a hand-made list.

Two directions, on purpose:
- Deadlines *before* a meeting (ärendestopp, presidieberedning, kallelse utskick), the
  justering deadline and the anslag deadline (second day after justering) are things
  the office must do by then: a day that is not a vardag moves *earlier*, to the
  previous vardag, so the rule is kept on a working day. 1930:173 would let the office
  act on the next vardag instead; the plan shows the safe date.
- A period someone else has (överklagandetid, three weeks from anslag) ends on the same
  weekday three weeks on; if that is not a vardag it moves *later*, to the next vardag
  (1930:173 §§ 2–3). The anslag stays up at least until that day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

import holidays

ONE_DAY = dt.timedelta(days=1)


@cache
def _non_workdays(year: int) -> holidays.HolidayBase:
    return holidays.Sweden(
        years=year, language="sv", include_sundays=False, categories=("public", "de_facto")
    )


def holiday_name(day: dt.date) -> str | None:
    """The Swedish name of a helgdag or midsommar-/jul-/nyårsafton, else None."""
    return _non_workdays(day.year).get(day)


def is_workday(day: dt.date) -> bool:
    """A vardag in the sense of lag (1930:173)."""
    return day.weekday() < 5 and holiday_name(day) is None


def why_not_workday(day: dt.date) -> str | None:
    """``lördag``/``söndag`` or the holiday's name; None on a vardag."""
    name = holiday_name(day)
    if name:
        return name
    if day.weekday() == 5:
        return "lördag"
    if day.weekday() == 6:
        return "söndag"
    return None


def next_workday(day: dt.date) -> dt.date:
    """``day`` itself if a vardag, else the first vardag after it."""
    while not is_workday(day):
        day += ONE_DAY
    return day


def previous_workday(day: dt.date) -> dt.date:
    """``day`` itself if a vardag, else the last vardag before it."""
    while not is_workday(day):
        day -= ONE_DAY
    return day


def period_of_weeks_end(start: dt.date, weeks: int) -> dt.date:
    """Last day of a period of ``weeks`` weeks from ``start``, per 1930:173.

    Same weekday ``weeks`` later, moved past a non-vardag.
    """
    return next_workday(start + dt.timedelta(weeks=weeks))


@dataclass(frozen=True)
class Rules:
    """An organ's own rules (reglemente and office practice), in days."""

    kallelse_days: int = 7
    case_stop_days: int = 21
    presidium_days: int = 10
    adjustment_days: int = 14
    posting_days: int = 2
    appeal_weeks: int = 3


@dataclass(frozen=True)
class BeforeMeeting:
    """What the office must have done before the meeting."""

    case_stop: dt.date
    presidium: dt.date
    kallelse: dt.date


@dataclass(frozen=True)
class AfterMeeting:
    """Justering, anslag and överklagande after the meeting."""

    adjustment_deadline: dt.date
    posting_deadline: dt.date
    appeal_ends: dt.date
    notice_down: dt.date


DEFAULT_RULES = Rules()


def before_meeting(meeting: dt.date, rules: Rules = DEFAULT_RULES) -> BeforeMeeting:
    """Ärendestopp, presidieberedning and kallelse utskick for a meeting day."""
    return BeforeMeeting(
        case_stop=previous_workday(meeting - dt.timedelta(days=rules.case_stop_days)),
        presidium=previous_workday(meeting - dt.timedelta(days=rules.presidium_days)),
        kallelse=previous_workday(meeting - dt.timedelta(days=rules.kallelse_days)),
    )


def after_meeting(
    meeting: dt.date, rules: Rules = DEFAULT_RULES, *, adjusted_on: dt.date | None = None
) -> AfterMeeting:
    """Justering deadline; then, from the justering day (or its deadline), the anslag."""
    deadline = previous_workday(meeting + dt.timedelta(days=rules.adjustment_days))
    justerat = adjusted_on or deadline
    posting = max(justerat, previous_workday(justerat + dt.timedelta(days=rules.posting_days)))
    appeal_ends = period_of_weeks_end(posting, rules.appeal_weeks)
    return AfterMeeting(
        adjustment_deadline=deadline,
        posting_deadline=posting,
        appeal_ends=appeal_ends,
        notice_down=appeal_ends + ONE_DAY,
    )


def appeal_period(posted_on: dt.date, rules: Rules = DEFAULT_RULES) -> tuple[dt.date, dt.date]:
    """From the actual anslag day: the last day to appeal, and the day the notice comes down."""
    ends = period_of_weeks_end(posted_on, rules.appeal_weeks)
    return ends, ends + ONE_DAY


def deadline_state(day: dt.date, today: dt.date, *, done: bool) -> str:
    """``done``, ``late`` (passed, not done), ``due`` (this ISO week) or ``coming``."""
    if done:
        return "done"
    if day < today:
        return "late"
    if day.isocalendar()[:2] == today.isocalendar()[:2]:
        return "due"
    return "coming"
