"""The Delegationsbeslut ärende's counts and extras, read through the Store.

What is printed from them is ``renderers.delegation_markdown``'s.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from namnd.domain.agenda import AgendaDocument
from namnd.domain.models import DelegationDecision
from namnd.renderers.delegation_markdown import (
    KallelseExtras,
    delegation_extras_of,
    imported_lists,
)
from namnd.rules.delegation_summary import SummaryTable, delegation_position, summarise
from namnd.storage import delegation
from namnd.storage.store import Store


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
    position = delegation_position([entry.arende.kind for entry in doc.entries])
    if position is None:
        return KallelseExtras()
    arende_id = doc.entries[position - 1].arende.id
    decisions = session.exec(
        select(DelegationDecision)
        .where(DelegationDecision.arende_id == arende_id)
        .order_by(col(DelegationDecision.position))
    ).all()
    imports = delegation.list_imports(session=session, meeting_id=meeting_id)
    rows = delegation.list_rows(session=session, import_ids=[i.id for i in imports])
    return delegation_extras_of(position, decisions, imported_lists(imports, rows))
