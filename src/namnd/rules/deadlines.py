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

:func:`after_meeting` is the one place a meeting's justering, anslag and överklagande
dates are computed: from the organ's rules and the days actually recorded, for the
protokoll and for each omedelbart justerad §. Every screen and export reads its result.
The law's own limits are here too: :func:`check_rules` refuses an organ rule past them,
and :attr:`AfterMeeting.warnings` says when a recorded day was past the statutory one.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from namnd.errors import InvalidInput
from namnd.rules.swedish_dates import long_date

if TYPE_CHECKING:
    import holidays

ONE_DAY = dt.timedelta(days=1)


@cache
def _non_workdays(year: int) -> holidays.HolidayBase:
    return _sweden()(
        years=year, language="sv", include_sundays=False, categories=("public", "de_facto")
    )


@cache
def _sweden() -> type[holidays.Sweden]:
    """The ``holidays`` package's Sweden, read from its own module.

    ``holidays.Sweden`` imports the package of all the countries on first use, which took
    as long as importing python-docx; every export and plan that counts a deadline paid
    it. The Swedish module itself imports only holidays' calendars and helpers; the
    package is imported here, when a day is first counted, not by every CLI verb.
    """
    import holidays

    name = "holidays.countries.sweden"
    origin = Path(holidays.__file__).parent / "countries" / "sweden.py"
    if name in sys.modules or not origin.is_file():
        return holidays.Sweden  # already loaded, or a layout this does not know
    spec = importlib.util.spec_from_file_location(name, origin)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sweden: type[holidays.Sweden] = module.Sweden
    return sweden


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
    justering_days: int = 14
    posting_days: int = 2
    appeal_weeks: int = 3


@dataclass(frozen=True)
class BeforeMeeting:
    """What the office must have done before the meeting."""

    case_stop: dt.date
    presidium: dt.date
    kallelse: dt.date


@dataclass(frozen=True)
class ImmediateParagraph:
    """An omedelbart justerad §: justerad at the meeting, so anslag and appeal of its own."""

    number: int
    justerat_on: dt.date
    posting_deadline: dt.date
    appeal_ends: dt.date
    notice_down: dt.date


@dataclass(frozen=True)
class AfterMeeting:
    """Justering, anslag and överklagande after the meeting.

    ``posting_deadline`` counts from the recorded justering day (else from its deadline);
    ``appeal_ends`` from the recorded anslag day (else from the posting deadline).
    """

    justering_deadline: dt.date
    posting_deadline: dt.date
    appeal_ends: dt.date
    notice_down: dt.date
    justerat_on: dt.date | None = None
    posted_on: dt.date | None = None
    #: Omedelbart justerade §§, in § order.
    immediate: tuple[ImmediateParagraph, ...] = ()
    #: Swedish: a recorded justering or anslag after its statutory last day.
    warnings: tuple[str, ...] = ()

    def for_paragraph(self, number: int) -> ImmediateParagraph | None:
        """The dates of § ``number`` if it was omedelbart justerad."""
        return next((p for p in self.immediate if p.number == number), None)


DEFAULT_RULES = Rules()

#: The law's limits (kommunallagen 2017:725): an organ's rules may be stricter, never laxer.
LAW_JUSTERING = "5 kap. 69 § kommunallagen (2017:725)"
LAW_POSTING = "8 kap. 12 § kommunallagen (2017:725)"
LAW_APPEAL = "13 kap. 5 § kommunallagen (2017:725)"
LAW_JUSTERING_DAYS = 14
LAW_POSTING_DAYS = 2
LAW_APPEAL_WEEKS = 3


def check_rules(rules: Rules) -> None:
    """Refuse rules the law does not allow, naming the paragraph (InvalidInput)."""
    problems = []
    if rules.justering_days > LAW_JUSTERING_DAYS:
        problems.append(
            f"Justering {rules.justering_days} dagar efter sammanträdet är för sent: "
            f"protokollet ska justeras senast {LAW_JUSTERING_DAYS} dagar efter "
            f"sammanträdet ({LAW_JUSTERING})."
        )
    if rules.posting_days > LAW_POSTING_DAYS:
        problems.append(
            f"Anslag {rules.posting_days} dagar efter justeringen är för sent: justeringen "
            f"ska tillkännages på anslagstavlan senast andra dagen efter justeringen "
            f"({LAW_POSTING})."
        )
    if rules.appeal_weeks != LAW_APPEAL_WEEKS:
        problems.append(
            f"Överklagandetiden kan inte vara {rules.appeal_weeks} veckor: den är tre veckor "
            f"från den dag tillkännagivandet anslogs ({LAW_APPEAL})."
        )
    if problems:
        raise InvalidInput("\n".join(problems))


def statutory_justering_day(meeting: dt.date) -> dt.date:
    """The law's last justering day: 14 days on, a non-vardag moved on per 1930:173."""
    return next_workday(meeting + dt.timedelta(days=LAW_JUSTERING_DAYS))


def statutory_posting_day(justerat_on: dt.date) -> dt.date:
    """The law's last anslag day: the second day after justering, per 1930:173."""
    return next_workday(justerat_on + dt.timedelta(days=LAW_POSTING_DAYS))


def _posting_deadline(justerat_on: dt.date, rules: Rules) -> dt.date:
    return max(justerat_on, previous_workday(justerat_on + dt.timedelta(days=rules.posting_days)))


def _late(meeting: dt.date, justerat_on: dt.date | None, posted_on: dt.date | None) -> list[str]:
    """Swedish warnings for a justering or anslag recorded after the statutory last day."""
    warnings = []
    if justerat_on is not None and justerat_on > (last := statutory_justering_day(meeting)):
        warnings.append(
            f"Protokollet justerades {long_date(justerat_on)}, efter lagens sista dag "
            f"{long_date(last)}: det ska justeras senast {LAW_JUSTERING_DAYS} dagar efter "
            "sammanträdet "
            f"({LAW_JUSTERING})."
        )
    if (
        justerat_on is not None
        and posted_on is not None
        and posted_on > (last := statutory_posting_day(justerat_on))
    ):
        warnings.append(
            f"Justeringen anslogs {long_date(posted_on)}, efter lagens sista dag "
            f"{long_date(last)}: den ska anslås senast andra dagen efter justeringen "
            f"({LAW_POSTING})."
        )
    return warnings


def after_meeting(
    meeting: dt.date,
    rules: Rules = DEFAULT_RULES,
    *,
    justerat_on: dt.date | None = None,
    posted_on: dt.date | None = None,
    immediate: tuple[int, ...] = (),
) -> AfterMeeting:
    """Every date after a meeting, from the organ's rules and the recorded days.

    Justering deadline from the meeting; anslag from the justering day (or its
    deadline); överklagande three weeks from the anslag day (or its deadline), KL 13
    kap. 5 §. An omedelbart justerad § (``immediate``: its numbers) is justerad at the
    meeting, so its anslag and överklagande count from the meeting day.
    """
    deadline = previous_workday(meeting + dt.timedelta(days=rules.justering_days))
    posting = _posting_deadline(justerat_on or deadline, rules)
    appeal_ends = period_of_weeks_end(posted_on or posting, rules.appeal_weeks)
    own_posting = _posting_deadline(meeting, rules)
    own_ends = period_of_weeks_end(own_posting, rules.appeal_weeks)
    return AfterMeeting(
        justering_deadline=deadline,
        posting_deadline=posting,
        appeal_ends=appeal_ends,
        notice_down=appeal_ends + ONE_DAY,
        justerat_on=justerat_on,
        posted_on=posted_on,
        immediate=tuple(
            ImmediateParagraph(number, meeting, own_posting, own_ends, own_ends + ONE_DAY)
            for number in sorted(immediate)
        ),
        warnings=tuple(_late(meeting, justerat_on, posted_on)),
    )


def before_meeting(meeting: dt.date, rules: Rules = DEFAULT_RULES) -> BeforeMeeting:
    """Ärendestopp, presidieberedning and kallelse utskick for a meeting day."""
    return BeforeMeeting(
        case_stop=previous_workday(meeting - dt.timedelta(days=rules.case_stop_days)),
        presidium=previous_workday(meeting - dt.timedelta(days=rules.presidium_days)),
        kallelse=previous_workday(meeting - dt.timedelta(days=rules.kallelse_days)),
    )


def deadline_state(day: dt.date, today: dt.date, *, done: bool) -> str:
    """``done``, ``late`` (passed, not done), ``due`` (this ISO week) or ``coming``."""
    if done:
        return "done"
    if day < today:
        return "late"
    if day.isocalendar()[:2] == today.isocalendar()[:2]:
        return "due"
    return "coming"
