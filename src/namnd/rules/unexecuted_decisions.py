"""Which gynnande beslut must be reported as ej verkställda for a quarter, and the figures.

Rules (SoL 16 kap. 6 f § and LSS 28 f–g §§; lagrum are editable text in the register):

* **Start** is the beslutsdatum, or the date of the avbrott for an interrupted beslut.
  For an interrupted beslut the verkställt date is the day verkställigheten was
  resumed (verkställt på nytt); a date before the avbrott is the first verkställighet
  and is refused on input (:func:`check_decision`). A row stored before that check counts
  as not yet resumed, so it is reported rather than silently left out.
* **Deadline** is the start plus three calendar months (31 May + 3 months = 31 August;
  30 November + 3 months = 28/29 February).
* **Reference date** is the quarter's last day unless the caller names another (the
  seed's redovisningar of 27 August 2019 counted to their own date, see the tests).
  Only what was known by then counts: a verkställt date after it is ignored.
* A beslut is **reported** for the quarter when its deadline is on or before the
  reference date and it was not verkställt by the deadline, unless it was verkställt
  before the quarter began (then an earlier quarter reported it).
* **Elapsed time** runs from the start to the verkställt date, or else to the reference
  date: completed calendar months, plus a half when at least 15 more days have passed,
  written as the seed writes it: "7 MÅNADER", "3,5 MÅNADER", "1 MÅNAD".

Every figure of a redovisning (the summary sentence, the totals, the statistics) is
computed from the same list of reported beslut, so text and tables always agree.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from namnd.domain.delegation_tables import DelayReason, ReportLaw
from namnd.errors import InvalidInput
from namnd.rules.swedish_numbers import capitalised, lower_first, number_word

HALF_MONTH_DAYS = 15
_QUARTER = re.compile(r"^\s*(\d{4})\s*[-_ ]?\s*(?:Q|K|KV|KVARTAL)\s*([1-4])\s*$", re.IGNORECASE)
_ORDINALS = {1: "första", 2: "andra", 3: "tredje", 4: "fjärde"}


@dataclass(frozen=True)
class UnexecutedOffer:
    """An erbjudande and the answer ('ja', 'nej' or '' while waiting)."""

    offered_on: dt.date
    answer: str = ""


@dataclass(frozen=True)
class UnexecutedDecision:
    """A beslut in the register, detached from the database."""

    law: ReportLaw
    insats: str
    lagrum: str
    decision_date: dt.date
    sex: str = ""
    executed_on: dt.date | None = None
    interrupted_on: dt.date | None = None
    reason: DelayReason | None = None
    reason_text: str = ""
    offers: tuple[UnexecutedOffer, ...] = ()
    id: int | None = None


@dataclass(frozen=True)
class Quarter:
    """A calendar quarter, e.g. ``Quarter(2019, 2)`` for April–June 2019."""

    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """'2019Q2', '2019-Q2', '2019 kv 2'."""
        match = _QUARTER.match(text)
        if not match:
            raise InvalidInput(f"Kvartalet ”{text}” ska skrivas ÅÅÅÅQN, t.ex. 2019Q2.")
        return cls(int(match[1]), int(match[2]))

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self) -> dt.date:
        month = 3 * self.number
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def words(self) -> str:
        """'andra kvartalet 2019', as the summary sentence says it."""
        return f"{_ORDINALS[self.number]} kvartalet {self.year}"

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus calendar months, kept within the target month (31 May + 3 → 31 Aug)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def elapsed_half_months(start: dt.date, end: dt.date) -> float:
    """Completed months from start to end, plus 0.5 when 15 more days have passed."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    rest = (end - add_months(start, months)).days
    return months + (0.5 if rest >= HALF_MONTH_DAYS else 0.0)


def elapsed_text(half_months: float) -> str:
    """'7 MÅNADER', '3,5 MÅNADER', '1 MÅNAD'."""
    number = f"{half_months:.1f}".replace(".0", "").replace(".", ",")
    return f"{number} {'MÅNAD' if half_months == 1 else 'MÅNADER'}"


@dataclass(frozen=True)
class ReportedDecision:
    """A reported beslut with its start, its elapsed time and whether it is an avbrott."""

    decision: UnexecutedDecision
    start: dt.date
    half_months: float
    executed_on: dt.date | None

    @property
    def interrupted(self) -> bool:
        return self.decision.interrupted_on is not None

    @property
    def elapsed(self) -> str:
        return elapsed_text(self.half_months)


def check_decision(decision: UnexecutedDecision) -> None:
    """Refuse a verkställt date before the avbrott: it cannot be the resumption."""
    if (
        decision.interrupted_on is not None
        and decision.executed_on is not None
        and decision.executed_on < decision.interrupted_on
    ):
        raise InvalidInput(
            f"verkställt {decision.executed_on.isoformat()} ligger före avbrottet "
            f"{decision.interrupted_on.isoformat()}. Ange dagen då verkställigheten återupptogs "
            "efter avbrottet, eller lämna verkställt tomt tills den har återupptagits."
        )


def report_status(
    decision: UnexecutedDecision, quarter: Quarter, as_of: dt.date
) -> ReportedDecision | None:
    """The beslut as reported for ``quarter`` at reference date ``as_of``, or None."""
    start = decision.interrupted_on or decision.decision_date
    deadline = add_months(start, 3)
    executed = (
        decision.executed_on if decision.executed_on and decision.executed_on <= as_of else None
    )
    if executed is not None and decision.interrupted_on is not None and executed < start:
        executed = None  # the first verkställighet, before the avbrott: not resumed yet
    if deadline > as_of:
        return None
    if executed is not None and (executed <= deadline or executed < quarter.first_day):
        return None
    return ReportedDecision(
        decision, start, elapsed_half_months(start, executed or as_of), executed
    )


@dataclass(frozen=True)
class LawTexts:
    """A law's wording in the redovisning; editable (SoL 2001:453 became 2025:400)."""

    short: str
    title: str
    background: str


LAW_TEXTS: dict[ReportLaw, LawTexts] = {
    ReportLaw.LSS: LawTexts(
        short="9 § LSS",
        title="Redovisning av ej verkställda gynnande beslut och avbrott i verkställighet "
        "av gynnande beslut enligt 9 § lagen om stöd och service till vissa "
        "funktionshindrade, LSS.",
        background="Kommunen har rapporteringsskyldighet enligt 28 f – g §§ LSS att till "
        "Inspektionen för vård och omsorg, IVO, och till kommunens revisorer lämna "
        "uppgifter om alla gynnande beslut enligt 9 § LSS som inte verkställts inom tre "
        "månader från dagen för beslutet. Skyldigheten gäller även för gynnande beslut som "
        "inte verkställts på nytt inom tre månader från den dag då verkställigheten "
        "avbröts. För varje beslut anges tidpunkt för beslutet och vilken typ av insats "
        "beslutet gäller samt skälen till dröjsmålet. Rapporteringen ska ske på individnivå.",
    ),
    ReportLaw.SOL: LawTexts(
        short="4 kap. 1 § socialtjänstlagen",
        title="Redovisning av ej verkställda gynnande beslut och avbrott i verkställighet "
        "av gynnande beslut enligt 4 kapitlet 1 § socialtjänstlagen, SoL.",
        background="Kommunen har rapporteringsskyldighet enligt 16 kapitlet 6 f § SoL att "
        "till Inspektionen för vård och omsorg, IVO, och till kommunens revisorer lämna "
        "uppgifter om alla gynnande beslut enligt 4 kap. 1 § SoL som inte verkställts inom "
        "tre månader från dagen för beslutet. Skyldigheten gäller även för gynnande beslut "
        "som inte verkställts på nytt inom tre månader från den dag då verkställigheten "
        "avbröts. För varje beslut anges tidpunkt för beslutet och vilken typ av insats "
        "beslutet gäller samt skälen till dröjsmålet. Rapporteringen ska ske på individnivå.",
    ),
}

SEX_COLUMNS = (("K", "Kvinnor"), ("M", "Män"), ("", "Annat eller ej angivet"))
ELAPSED_BANDS = ((3, 6, "3–6 månader"), (6, 12, "6–12 månader"), (12, None, "Över 12 månader"))


@dataclass
class Redovisning:
    """One law's redovisning for a quarter: every figure comes from ``reported``."""

    law: ReportLaw
    quarter: Quarter
    as_of: dt.date
    reported: list[ReportedDecision]
    texts: LawTexts = field(init=False)

    def __post_init__(self) -> None:
        self.texts = LAW_TEXTS[self.law]

    @property
    def not_executed(self) -> list[ReportedDecision]:
        return [r for r in self.reported if not r.interrupted]

    @property
    def interruptions(self) -> list[ReportedDecision]:
        return [r for r in self.reported if r.interrupted]

    @property
    def total(self) -> int:
        return len(self.reported)

    def summary(self) -> list[str]:
        """The Sammanfattning's sentences, as in the seed ("Totalt har fjorton beslut …")."""
        sentences = []
        beslut = _insats_phrase(self.not_executed)
        if beslut:
            verb = "verkställt" if len(self.not_executed) == 1 else "verkställda"
            sentences.append(
                f"{capitalised(beslut)} har rapporterats ej {verb} till Inspektionen för vård "
                "och omsorg, IVO."
            )
        avbrott = _insats_phrase(self.interruptions)
        if avbrott:
            sentences.append(f"Vidare har {avbrott} med avbrott i verkställighet rapporterats.")
        if self.total == 0:
            sentences.append(
                f"Inga beslut enligt {self.texts.short} har rapporterats ej verkställda till "
                f"IVO {self.quarter.words}."
            )
        else:
            verb = "verkställt" if self.total == 1 else "verkställda"
            sentences.append(
                f"Totalt har {number_word(self.total)} beslut enligt {self.texts.short} "
                f"rapporterats ej {verb} till IVO {self.quarter.words}."
            )
        return sentences

    def counts_by_insats_and_sex(self) -> list[tuple[str, list[int], int]]:
        """(insats, counts per ``SEX_COLUMNS``, total), largest first."""
        per_insats: dict[str, Counter[str]] = {}
        for r in self.reported:
            sex = _sex_code(r.decision.sex)
            per_insats.setdefault(r.decision.insats, Counter())[sex] += 1
        rows = [
            (insats, [c[code] for code, _ in SEX_COLUMNS], sum(c.values()))
            for insats, c in per_insats.items()
        ]
        return sorted(rows, key=lambda row: (-row[2], row[0]))

    def counts_by_elapsed(self) -> list[tuple[str, int]]:
        """How many have waited 3–6, 6–12 and over 12 months."""
        counts = []
        for low, high, label in ELAPSED_BANDS:
            n = sum(
                1
                for r in self.reported
                if r.half_months >= low and (high is None or r.half_months < high)
            )
            counts.append((label, n))
        return counts


def build_redovisning(
    decisions: list[UnexecutedDecision],
    law: ReportLaw,
    quarter: Quarter,
    as_of: dt.date | None = None,
) -> Redovisning:
    """The redovisning of ``law`` for ``quarter`` (reference date: quarter's last day)."""
    reference = as_of or quarter.last_day
    reported = [
        status
        for decision in decisions
        if decision.law == law
        for status in [report_status(decision, quarter, reference)]
        if status is not None
    ]
    return Redovisning(law, quarter, reference, reported)


def _sex_code(sex: str) -> str:
    code = sex.strip().upper()[:1]
    return code if code in ("K", "M") else ""


def _insats_phrase(reported: list[ReportedDecision]) -> str:
    """'sju beslut gällande bostad med särskild service … samt två beslut gällande …'."""
    counts = Counter(r.decision.insats for r in reported)
    parts = [
        f"{number_word(n)} beslut gällande {lower_first(insats)}"
        for insats, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + " samt " + parts[-1]
    return parts[0] if parts else ""


def comment(decision: UnexecutedDecision, executed_on: dt.date | None = None) -> str:
    """Övriga kommentarer: reason category, free text, offers (personal data)."""
    parts = []
    if decision.reason is not None:
        parts.append(f"{decision.reason.label}:" if decision.reason_text else decision.reason.label)
    if decision.reason_text:
        parts.append(decision.reason_text)
    if decision.offers:
        offers = ", ".join(
            f"{o.offered_on.isoformat()} {o.answer}".strip() for o in decision.offers
        )
        parts.append(f"Erbjudanden: {offers}.")
    if executed_on is not None:
        parts.append(f"Verkställt {executed_on.isoformat()}.")
    return " ".join(parts)
