"""Planning a year of meetings: propose dates from a rule, warn, and write the decision.

The decision's text follows seed item 8 (Vård- och omsorgsnämnden 2019): "… godkänner
sammanträdesordningen för 2020" and the dates as "måndag 27 januari" lines.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from namnd.domain.changes import ArendeChanges
from namnd.domain.kinds import ArendeKind, MeetingStatus
from namnd.domain.views import MeetingSummary
from namnd.errors import InvalidInput
from namnd.rules.deadlines import (
    DEFAULT_RULES,
    AfterMeeting,
    BeforeMeeting,
    Rules,
    after_meeting,
    before_meeting,
    is_workday,
    why_not_workday,
)
from namnd.rules.reply_deadlines import OpenRemiss
from namnd.rules.swedish_dates import long_date, weekday_day_month

if TYPE_CHECKING:  # a table: SQLModel stays off the way to the first paint
    from namnd.domain.models import OrganRules

_SENT = (MeetingStatus.SENT, MeetingStatus.HELD, MeetingStatus.JUSTERAD)
_PREPARED = (MeetingStatus.REVIEWED, *_SENT)


@dataclass(frozen=True)
class PlannedMeeting:
    """One meeting of the plan with its deadlines and which steps are already done."""

    meeting: MeetingSummary
    before: BeforeMeeting
    after: AfterMeeting
    #: The föredragningslista's titles, in order (the calendar event's description).
    titles: tuple[str, ...] = ()

    def steps(self) -> list[tuple[str, str, dt.date, bool]]:
        """(key, Swedish label, date, done) for every deadline, in order.

        The dates after the meeting follow the justering and anslag days recorded
        (``rules.deadlines.after_meeting``). Until the anslag day itself is recorded,
        a justerat protokoll counts as anslaget and its överklagandetid as running by
        itself: otherwise every past meeting would stay red.
        """
        status = self.meeting.status
        justerat = status == MeetingStatus.JUSTERAD or self.after.justerat_on is not None
        return [
            ("case_stop", "Ärendestopp", self.before.case_stop, status in _PREPARED),
            ("presidium", "Presidieberedning", self.before.presidium, status in _PREPARED),
            ("kallelse", "Kallelse", self.before.kallelse, status in _SENT),
            ("adjustment", "Justering senast", self.after.justering_deadline, justerat),
            ("posting", "Anslag senast", self.after.posting_deadline, justerat),
            ("appeal_ends", "Överklagande t.o.m.", self.after.appeal_ends, justerat),
        ]


@dataclass(frozen=True)
class YearPlan:
    """An organ's meetings of one year, its rules and the plan's warnings."""

    organ_code: str
    organ_name: str
    year: int
    rules: OrganRules
    meetings: list[PlannedMeeting]
    warnings: list[str]
    administration: str = ""
    #: Open remisser due this year: where each stands (``rules.reply_deadlines``).
    remisser: list[OpenRemiss] = field(default_factory=list)


@dataclass(frozen=True)
class PlanRule:
    """A rule such as: a Thursday each month, none in July, two in the autumn."""

    weekday: int = 3  # Monday is 0, as in ``datetime``
    nth: int = 3  # 1–4 for "the nth weekday", -1 for the last one
    skip_months: frozenset[int] = frozenset({7})
    second_in_months: frozenset[int] = frozenset()  # a second meeting two weeks later

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise InvalidInput("Veckodagen måste vara 0 (måndag) till 6 (söndag).")
        if self.nth not in (1, 2, 3, 4, 5, -1):
            raise InvalidInput("Vilken veckodag i månaden: 1–5, eller -1 för den sista.")


def parse_months(text: str) -> frozenset[int]:
    """``"9,11"`` → {9, 11}; a Swedish error for anything but month numbers 1–12."""
    months = set()
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) <= 12:
            raise InvalidInput(f"”{part}” är inget månadsnummer (1–12); skriv t.ex. 9,11.")
        months.add(int(part))
    return frozenset(months)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    days = [
        dt.date(year, month, d)
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if dt.date(year, month, d).weekday() == weekday
    ]
    # A fifth weekday that a month lacks falls back to the last one.
    return days[-1] if nth == -1 else days[min(nth, len(days)) - 1]


def _avoid_holiday(day: dt.date) -> dt.date:
    """The same weekday a week later (or earlier, to stay in the month) on a helgdag."""
    for shift in (0, 7, -7, 14, -14):
        candidate = day + dt.timedelta(days=shift)
        if candidate.month == day.month and is_workday(candidate):
            return candidate
    return day


def propose_dates(year: int, rule: PlanRule | None = None) -> list[dt.date]:
    """Dates from ``rule``, in order, moved off helgdagar within their month."""
    rule = rule or PlanRule()
    dates = []
    for month in range(1, 13):
        if month in rule.skip_months:
            continue
        first = _avoid_holiday(_nth_weekday(year, month, rule.weekday, rule.nth))
        dates.append(first)
        if month in rule.second_in_months:
            second = first + dt.timedelta(weeks=2)
            if second.month != month:
                second = first - dt.timedelta(weeks=2)
            dates.append(_avoid_holiday(second))
    return sorted(set(dates))


def _in_text(name: str) -> str:
    """A holiday name inside a sentence: "midsommarafton", but "Kristi himmelsfärdsdag"."""
    return name if name.startswith("Kristi") else name[0].lower() + name[1:]


def plan_warnings(
    dates: Iterable[dt.date],
    rules: Rules = DEFAULT_RULES,
    other_meetings: Iterable[tuple[dt.date, str]] = (),
) -> list[str]:
    """Swedish warnings: a date or deadline on a non-vardag, or a clash with another organ.

    The deadlines warned of are the office's own (ärendestopp, presidieberedning,
    kallelse, justering); anslag and överklagande follow the actual justering day.
    """
    others: dict[dt.date, list[str]] = {}
    for day, organ in other_meetings:
        others.setdefault(day, []).append(organ)
    warnings = []
    for day in sorted(dates):
        why = why_not_workday(day)
        if why:
            warnings.append(f"{long_date(day)}: sammanträdet ligger på en {_in_text(why)}.")
        deadlines = before_meeting(day, rules)
        for label, days, moved in (
            ("ärendestopp", -rules.case_stop_days, deadlines.case_stop),
            ("presidieberedning", -rules.presidium_days, deadlines.presidium),
            ("kallelse", -rules.kallelse_days, deadlines.kallelse),
            ("justering", rules.justering_days, after_meeting(day, rules).justering_deadline),
        ):
            nominal = day + dt.timedelta(days=days)
            why = why_not_workday(nominal)
            if why:
                warnings.append(
                    f"{long_date(day)}: {label} skulle falla på {_in_text(why)} "
                    f"({long_date(nominal)}) och flyttas till {long_date(moved)}."
                )
        for organ in others.get(day, []):
            warnings.append(f"{long_date(day)}: krockar med {organ}s sammanträde samma dag.")
    return warnings


def schedule_decision(
    organ_name: str, year: int, dates: list[dt.date], administration: str = ""
) -> ArendeChanges:
    """Fields of the ärende "Sammanträdesordning YYYY", written as in the seed.

    The dates are a Markdown list, one "måndag 27 januari" a line as in the seed; the
    förvaltning is named from the nämnd's when the organ has none registered.
    """
    lines = "\n".join(f"- {weekday_day_month(day)}" for day in sorted(dates))
    administration = administration or organ_name.replace("nämnden", "förvaltningen")
    return ArendeChanges(
        title=f"Sammanträdesordning {year}",
        kind=ArendeKind.DECISION,
        proposal=[f"{organ_name} godkänner sammanträdesordningen för {year}."],
        summary_md=f"{administration} föreslår följande sammanträdesordning för nämndens "
        f"sammanträden {year}:\n\n{lines}",
    )


def proposal_lines(dates: list[dt.date], warnings: list[str]) -> list[str]:
    """A proposal as the CLI prints it and the TUI asks about it: dates, then warnings."""
    return [f"  {long_date(day)}" for day in dates] + [f"Obs: {w}" for w in warnings]
