"""What the kallelse prints under its Delegationsbeslut ärende, and what it must not.

Under the ärende (public): the individual delegationsbeslut grouped per delegat, as seed
item 10 lists them, then each imported list with its period and the counts per insats,
lagrum and month. The rows themselves (beslutsfattare, födelseår, kön, reasons) are
personal data: they only go into a sekretess bilaga at the end of the internal kallelse.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from namnd.domain.agenda import AgendaDocument
from namnd.domain.kinds import ArendeKind
from namnd.domain.models import DelegationDecision
from namnd.formats.delegation_lists import COLUMNS
from namnd.formats.markdown_table import markdown_table
from namnd.rules.delegation_summary import SummaryTable, summarise
from namnd.rules.publication import public_delegation_tables, public_text
from namnd.rules.small_counts import NOTE
from namnd.storage import delegation
from namnd.storage.store import Store


@dataclass
class KallelseExtras:
    """Markdown added under ärenden (by list position) and sekretess bilagor.

    ``public_under_item`` is what the published kallelse and protokoll print instead of
    ``under_item``: counts by lagrum and month only, small counts suppressed.
    """

    under_item: dict[int, str] = field(default_factory=dict)
    public_under_item: dict[int, str] = field(default_factory=dict)
    secret_bilagor: list[tuple[str, str]] = field(default_factory=list)


def delegation_summary(store: Store, meeting_id: int) -> list[SummaryTable]:
    """Counts per insats, lagrum and month of the meeting's imported lists (internal)."""
    with Session(store.engine) as session:
        ids = [i.id for i in delegation.list_imports(session=session, meeting_id=meeting_id)]
        rows = delegation.list_rows(session=session, import_ids=ids)
        return summarise(row for _, row in rows)


def delegation_extras(session: Session, meeting_id: int, doc: AgendaDocument) -> KallelseExtras:
    """Grouped delegationsbeslut and list counts for the Delegationsbeslut ärende.

    Read in the caller's session: the document's own snapshot (``read_snapshot``).
    """
    extras = KallelseExtras()
    position = next(
        (
            n
            for n, entry in enumerate(doc.entries, start=1)
            if entry.arende.kind == ArendeKind.DELEGATION_DECISIONS
        ),
        None,
    )
    if position is None:
        return extras
    arende_id = doc.entries[position - 1].arende.id
    decisions = session.exec(
        select(DelegationDecision)
        .where(DelegationDecision.arende_id == arende_id)
        .order_by(col(DelegationDecision.position))
    ).all()
    imports = delegation.list_imports(session=session, meeting_id=meeting_id)
    rows = delegation.list_rows(session=session, import_ids=[i.id for i in imports])
    parts, public_parts = [], []
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
    for batch in imports:
        batch_rows = [row for name, row in rows if name == batch.list_name]
        parts.append(f"#### {batch.list_name}, {batch.period} ({batch.row_count} beslut)")
        parts.extend(table.markdown() for table in summarise(batch_rows))
        public_parts.append(f"#### {public_text(batch.list_name)}, {batch.period}")
        public_parts.extend(table.markdown() for table in public_delegation_tables(batch_rows))
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
                        for r in batch_rows
                    ],
                ),
            )
        )
    if parts:
        extras.under_item[position] = "\n\n".join(parts)
        extras.public_under_item[position] = "\n\n".join(public_parts)
    return extras
