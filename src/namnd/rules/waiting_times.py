"""Waiting times per insats over the quarters, from the ej verkställda register.

IVO asks municipalities to map needs and waiting times; this gives, for each insats and
each quarter, how many beslut were reported and their median waiting time in months at
the quarter's last day. Only counts and medians: nothing identifies a person.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from namnd.rules.unexecuted_decisions import Quarter, UnexecutedDecision, report_status


@dataclass(frozen=True)
class WaitingPoint:
    """One insats in one quarter."""

    quarter: Quarter
    count: int
    median_months: float | None


def quarters_between(first: Quarter, last: Quarter) -> list[Quarter]:
    """Every quarter from ``first`` to ``last`` inclusive."""
    out, year, number = [], first.year, first.number
    while (year, number) <= (last.year, last.number):
        out.append(Quarter(year, number))
        year, number = (year + 1, 1) if number == 4 else (year, number + 1)
    return out


def waiting_times(
    decisions: Iterable[UnexecutedDecision], quarters: list[Quarter]
) -> dict[str, list[WaitingPoint]]:
    """Per insats (sorted), one point per quarter; quarters without reports count 0."""
    decisions = list(decisions)
    series: dict[str, list[WaitingPoint]] = {}
    for insats in sorted({c.insats for c in decisions}):
        points = []
        for quarter in quarters:
            months = [
                reported.half_months
                for decision in decisions
                if decision.insats == insats
                and (reported := report_status(decision, quarter, quarter.last_day)) is not None
            ]
            points.append(
                WaitingPoint(quarter, len(months), statistics.median(months) if months else None)
            )
        series[insats] = points
    return series


def register_span(decisions: Iterable[UnexecutedDecision]) -> tuple[Quarter, Quarter] | None:
    """The quarters from the oldest beslut to the newest date in the register."""
    days = [d for c in decisions for d in (c.decision_date, c.executed_on, c.interrupted_on) if d]
    if not days:
        return None
    first, last = min(days), max(days)
    return Quarter(first.year, (first.month - 1) // 3 + 1), Quarter(
        last.year, (last.month - 1) // 3 + 1
    )
