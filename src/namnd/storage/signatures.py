"""The signatures on the protokoll's signed PDF/A, and digital justering when they are all in.

A signature is recorded in the same transaction that justerar the protokoll when it is
the last one needed, so "justerat" and "signed by all" never disagree in the database.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from namnd.domain.protocol_tables import SignatureRow


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
    *, session: Session, row: SignatureRow, adjust_on: dt.date | None, by: str, today: dt.date
) -> None:
    """Store ``row``; with ``adjust_on``, justera the protokoll (logged ``by`` the signers)."""
    session.add(row)
    session.flush()
    if adjust_on is not None:
        from namnd.storage.protocols import adjust

        adjust(session=session, meeting_id=row.meeting_id, on=adjust_on, by=by, today=today)
