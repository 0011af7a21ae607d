"""The delegationsordning: which codes exist, what they cover and who is the delegat."""

from __future__ import annotations

from sqlmodel import Session, col, select

from namnd.domain.models import DelegationCode, DelegationDecision
from namnd.errors import InvalidInput


def list_codes(*, session: Session, organ_id: int) -> list[DelegationCode]:
    """The organ's delegationsordning, by code."""
    return list(
        session.exec(
            select(DelegationCode)
            .where(DelegationCode.organ_id == organ_id)
            .order_by(col(DelegationCode.code))
        )
    )


def save_code(
    *, session: Session, organ_id: int, code: str, subject: str, delegate: str
) -> DelegationCode:
    """Add a code, or change the subject and delegat of an existing one."""
    code, subject, delegate = code.strip().upper(), subject.strip(), delegate.strip()
    if not code or not subject or not delegate:
        raise InvalidInput("En delegationskod behöver kod, ärende och delegat.")
    row = session.exec(
        select(DelegationCode).where(
            DelegationCode.organ_id == organ_id, DelegationCode.code == code
        )
    ).first()
    if row is None:
        row = DelegationCode(organ_id=organ_id, code=code, subject=subject, delegate=delegate)
        session.add(row)
    else:
        row.subject, row.delegate = subject, delegate
    session.flush()
    return row


def unknown_codes(*, session: Session, organ_id: int) -> list[str]:
    """Codes used by reported delegationsbeslut that the delegationsordning lacks."""
    known = {c.code for c in list_codes(session=session, organ_id=organ_id)}
    used = session.exec(
        select(DelegationDecision.code).where(
            DelegationDecision.organ_id == organ_id, DelegationDecision.code != ""
        )
    ).all()
    return sorted(set(used) - known)
