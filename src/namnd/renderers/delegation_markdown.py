"""What a kallelse and a protokoll print under their Delegationsbeslut ärende.

Under the ärende (public): the individual delegationsbeslut grouped per delegat, as seed
item 10 lists them, then each imported list with its period and the counts per insats,
lagrum and month. The rows themselves (beslutsfattare, födelseår, kön, reasons) are
personal data: they only go into a sekretess bilaga at the end of the internal kallelse.

Written from read values, so the Store's reader (``operations.delegation_section``) and
the protokoll's ORM-free one (``storage.protocol_direct``) print the same text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from namnd.formats.delegation_lists import COLUMNS
from namnd.formats.markdown_table import markdown_table
from namnd.rules.delegation_summary import summarise
from namnd.rules.publication import public_delegation_tables, public_text
from namnd.rules.small_counts import NOTE


class DecisionLine(Protocol):
    """One anmält delegationsbeslut of the ärende (``DelegationDecision`` fits)."""

    @property
    def delegate_group(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def subject(self) -> str: ...
    @property
    def dnr(self) -> str | None: ...


class ListedRow(Protocol):
    """One row of an imported list (``DelegationListRow`` and ``ListRow`` both fit)."""

    @property
    def decided_by(self) -> str: ...
    @property
    def decision_date(self) -> dt.date: ...
    @property
    def decision(self) -> str: ...
    @property
    def rejection_reason(self) -> str: ...
    @property
    def birth_year(self) -> int | None: ...
    @property
    def sex(self) -> str: ...


@dataclass(frozen=True)
class ImportedList:
    """One imported list of the meeting, with its rows in file order."""

    list_name: str
    period: str
    row_count: int
    rows: Sequence[ListedRow]


@dataclass
class KallelseExtras:
    """Markdown added under ärenden (by list position) and sekretess bilagor.

    ``public_under_item`` is what the published kallelse and protokoll print instead of
    ``under_item``: counts by lagrum and month only, small counts suppressed.
    """

    under_item: dict[int, str] = field(default_factory=dict)
    public_under_item: dict[int, str] = field(default_factory=dict)
    secret_bilagor: list[tuple[str, str]] = field(default_factory=list)


class ListHeader(Protocol):
    """An imported list's header (``ImportView`` fits)."""

    @property
    def list_name(self) -> str: ...
    @property
    def period(self) -> str: ...
    @property
    def row_count(self) -> int: ...


def imported_lists(
    headers: Sequence[ListHeader], rows: Sequence[tuple[str, ListedRow]]
) -> list[ImportedList]:
    """Each list with its rows; ``rows`` are ``(list name, row)`` of all of them in order."""
    return [
        ImportedList(
            header.list_name,
            header.period,
            header.row_count,
            [row for name, row in rows if name == header.list_name],
        )
        for header in headers
    ]


def delegation_extras_of(
    position: int, decisions: Sequence[DecisionLine], lists: Sequence[ImportedList]
) -> KallelseExtras:
    """The extras of the Delegationsbeslut ärende at list ``position``."""
    extras = KallelseExtras()
    parts: list[str] = []
    if decisions:
        parts.append("#### Anmälda delegationsbeslut")
        group = None
        for decision in decisions:
            if decision.delegate_group != group:
                group = decision.delegate_group
                parts.append(f"**{group}**\n")
            line = ", ".join(
                p for p in (f"{decision.code} {decision.subject}".strip(), decision.dnr) if p
            )
            parts.append(f"- {line}")
    public_parts = [public_text(part) for part in parts]
    for batch in lists:
        rows = batch.rows
        parts.append(f"#### {batch.list_name}, {batch.period} ({batch.row_count} beslut)")
        parts.extend(table.markdown() for table in summarise(rows))
        public_parts.append(f"#### {public_text(batch.list_name)}, {batch.period}")
        public_parts.extend(table.markdown() for table in public_delegation_tables(rows))
        public_parts.append(NOTE)
        extras.secret_bilagor.append(
            (
                f"{batch.list_name}, {batch.period}",
                markdown_table(
                    COLUMNS,
                    [
                        (
                            r.decided_by,
                            r.decision_date.isoformat(),
                            r.decision,
                            r.rejection_reason,
                            r.birth_year or "",
                            r.sex,
                        )
                        for r in rows
                    ],
                ),
            )
        )
    if parts:
        extras.under_item[position] = "\n\n".join(parts)
        extras.public_under_item[position] = "\n\n".join(public_parts)
    return extras
