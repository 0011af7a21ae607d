"""The signatures on the protokoll's signed PDF/A, and digital justering when they are all in.

A signature is recorded in the same transaction that justerar the protokoll when it is
the last one needed, so "justerat" and "signed by all" never disagree in the database.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from namnd.domain.protocol_tables import ProtocolRecord, SignatureRow
from namnd.errors import StaleEdit
from namnd.storage.optimistic import claim


def signatures(*, session: Session, meeting_id: int) -> list[SignatureRow]:
    """The meeting's signatures, oldest first (all versions)."""
    return list(
        session.exec(
            select(SignatureRow)
            .where(SignatureRow.meeting_id == meeting_id)
            .order_by(col(SignatureRow.id))
        )
    )


def record(
    *,
    session: Session,
    row: SignatureRow,
    after: int | None,
    justera_on: dt.date | None,
    by: str,
    today: dt.date,
) -> None:
    """Store ``row``; with ``justera_on``, justera the protokoll (logged ``by`` the signers).

    ``after`` is the id of the last signature the signer's file was built on (None: no
    signature yet); if another signature came in meanwhile, StaleEdit and nothing stored,
    so two signers at once never both add to the same file.
    """
    claim(session, ProtocolRecord, col(ProtocolRecord.meeting_id) == row.meeting_id)
    rows = signatures(session=session, meeting_id=row.meeting_id)
    if (rows[-1].id if rows else None) != after:
        raise StaleEdit(
            f"{rows[-1].signer_name} skrev under medan du gjorde det; ingenting sparades. "
            "Skriv under igen."
        )
    session.add(row)
    session.flush()
    if justera_on is not None:
        from namnd.storage.protocols import justera

        justera(session=session, meeting_id=row.meeting_id, on=justera_on, by=by, today=today)
