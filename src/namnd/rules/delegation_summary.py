"""Counts of imported delegationsbeslut for the kallelse: per insats and lagrum, per month.

The export's Beslut column reads "Bifall Hemtjänst enligt 4 kap, 1§ SoL": outcome,
insats, lagrum. The outcome is the leading Bifall/Avslag; without one, a filled-in
"Anledning till avslag" means avslag (as in the seed's lists, where every Avslag row has
a reason and no Bifall row has one). The tables hold counts only: the individual rows
belong in a bilaga marked sekretess, never in these tables.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from namnd.domain.kinds import ArendeKind
from namnd.formats.markdown_table import markdown_table
from namnd.rules.swedish_dates import LOCALE

BIFALL, AVSLAG = "Bifall", "Avslag"
_OUTCOME = re.compile(r"^\s*(bifall|avslag|delvis bifall)\b[\s:,-]*", re.IGNORECASE)
_SOL = re.compile(r"(\d+)\s*kap\.?,?\s*(\d+\s*[a-z]?)\s*§\s*SoL", re.IGNORECASE)
_LSS = re.compile(r"(\d+)\s*§\s*(\d+)\s*LSS", re.IGNORECASE)
_LINK = re.compile(r"\s+(?:enligt|enl\.?)\s*$", re.IGNORECASE)


def delegation_position(kinds: Sequence[ArendeKind]) -> int | None:
    """The list position of the meeting's Delegationsbeslut ärende (the first), if any.

    ``kinds`` are the ärenden's kinds in list order; the imported lists' counts and the
    anmälda delegationsbeslut are printed under it.
    """
    return next(
        (n for n, kind in enumerate(kinds, start=1) if kind == ArendeKind.DELEGATION_DECISIONS),
        None,
    )


class DecisionRow(Protocol):
    """What a summary needs of a row (``DelegationListRow`` and ``ListRow`` both fit)."""

    @property
    def decision(self) -> str: ...
    @property
    def rejection_reason(self) -> str: ...
    @property
    def decision_date(self) -> dt.date: ...


@dataclass(frozen=True)
class Classified:
    """A Beslut text read as outcome, insats and lagrum ('' when none is written)."""

    outcome: str
    insats: str
    lagrum: str


def classify(decision: str, rejection_reason: str = "") -> Classified:
    """'Avslag Daglig verksamhet enligt 9 § 10 LSS' → Avslag, Daglig verksamhet, 9 § 10 LSS."""
    text = decision.strip()
    match = _OUTCOME.match(text)
    if match:
        outcome = AVSLAG if match[1].casefold() == "avslag" else BIFALL
        text = text[match.end() :]
    else:
        outcome = AVSLAG if rejection_reason.strip() else BIFALL
    lagrum, insats = "", text
    for pattern, law in ((_SOL, "SoL"), (_LSS, "LSS")):
        found = pattern.search(text)
        if found:
            if law == "SoL":
                lagrum = f"{found[1]} kap. {' '.join(found[2].split())} § SoL"
            else:
                lagrum = f"{found[1]} § {found[2]} LSS"
            insats = f"{_LINK.sub('', text[: found.start()])} {text[found.end() :]}"
            break
    return Classified(outcome, " ".join(insats.split()), lagrum)


@dataclass(frozen=True)
class SummaryTable:
    """A titled table of counts, ready for Markdown (and so for Word)."""

    title: str
    headers: tuple[str, ...]
    rows: list[tuple[str, ...]]

    def markdown(self) -> str:
        return f"**{self.title}**\n\n{markdown_table(self.headers, self.rows)}"


def _counted(
    title: str, first: tuple[str, ...], counts: dict[tuple[str, ...], Counter[str]]
) -> SummaryTable:
    rows = [
        (*key, str(c[BIFALL]), str(c[AVSLAG]), str(c[BIFALL] + c[AVSLAG]))
        for key, c in counts.items()
    ]
    total: Counter[str] = Counter()
    for c in counts.values():
        total.update(c)
    blanks = ("",) * (len(first) - 1)
    rows.append(
        ("Totalt", *blanks, str(total[BIFALL]), str(total[AVSLAG]), str(sum(total.values())))
    )
    return SummaryTable(title, (*first, BIFALL, AVSLAG, "Totalt"), rows)


def summarise(rows: Iterable[DecisionRow]) -> list[SummaryTable]:
    """Tables per insats and lagrum, per lagrum and per month (counts only)."""
    by_insats: dict[tuple[str, ...], Counter[str]] = {}
    by_lagrum: dict[tuple[str, ...], Counter[str]] = {}
    by_month: dict[tuple[str, ...], Counter[str]] = {}
    for row in rows:
        c = classify(row.decision, row.rejection_reason)
        lagrum = c.lagrum or "(ej angivet)"
        by_insats.setdefault((c.insats, lagrum), Counter())[c.outcome] += 1
        by_lagrum.setdefault((lagrum,), Counter())[c.outcome] += 1
        by_month.setdefault((row.decision_date.strftime("%Y-%m"),), Counter())[c.outcome] += 1
    return [
        _counted("Beslut per insats", ("Insats", "Lagrum"), dict(sorted(by_insats.items()))),
        _counted("Beslut per lagrum", ("Lagrum",), dict(sorted(by_lagrum.items()))),
        _counted(
            "Beslut per månad",
            ("Månad",),
            {(month_name(k[0]),): v for k, v in sorted(by_month.items())},
        ),
    ]


def month_name(year_month: str) -> str:
    """'2019-08' → 'augusti 2019'."""
    from babel.dates import format_date

    year, month = (int(p) for p in year_month.split("-"))
    return format_date(dt.date(year, month, 1), "LLLL y", locale=LOCALE)
