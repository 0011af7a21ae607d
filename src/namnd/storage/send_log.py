"""The send log: who got which version of which utskick, and who was refused.

Two secretaries may send the same kallelse at the same moment. Before anything is sent
each recipient is *reserved* (a 'pending' row) in a transaction that first claims the
meeting row, so the second sender waits, then sees the first one's rows and skips those
addresses. After sending, each row becomes 'sent' or 'refused' with the server's answer.
A refused (or long-abandoned pending) address is reserved again by the next run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlmodel import Session, col, select

from namnd.domain.models import Meeting, SendLogEntry
from namnd.rules.mailing import Recipient
from namnd.storage.optimistic import claim

PENDING, SENT, REFUSED = "pending", "sent", "refused"
#: A send that has not reported back in this long is taken to have died.
STALE = dt.timedelta(hours=1)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def reserve(
    *,
    session: Session,
    meeting_id: int,
    occasion: str,
    recipients: Sequence[Recipient],
    by: str,
) -> list[Recipient]:
    """Those of ``recipients`` not reached yet (nor being sent to), now marked pending."""
    claim(session, Meeting, col(Meeting.id) == meeting_id)
    now = _now()
    rows = {
        row.address.casefold(): row
        for row in entries(session=session, meeting_id=meeting_id, occasion=occasion)
    }
    reserved = []
    for recipient in recipients:
        row = rows.get(recipient.address.casefold())
        if row is not None and (
            row.state == SENT or (row.state == PENDING and not _stale(row, now))
        ):
            continue
        if row is None:
            row = SendLogEntry(
                meeting_id=meeting_id,
                occasion=occasion,
                address=recipient.address,
                sent_at=now,
                state=PENDING,
                recipient="",
                list_name="",
                public=recipient.public,
            )
        row.recipient, row.list_name, row.public = (
            recipient.name,
            recipient.list_name,
            recipient.public,
        )
        row.state, row.error, row.sent_by, row.sent_at = PENDING, "", by, now
        session.add(row)
        reserved.append(recipient)
    session.flush()
    return reserved


def record(
    *,
    session: Session,
    meeting_id: int,
    occasion: str,
    results: Sequence[tuple[str, str, str]],
) -> None:
    """What the server said about each reserved recipient: (address, message id, error)."""
    rows = {
        row.address.casefold(): row
        for row in entries(session=session, meeting_id=meeting_id, occasion=occasion)
    }
    now = _now()
    for address, message_id, error in results:
        row = rows.get(address.casefold())
        if row is None:
            continue
        row.state = REFUSED if error else SENT
        row.error, row.message_id, row.sent_at = error, message_id, now
        session.add(row)
    session.flush()


def release(
    *, session: Session, meeting_id: int, occasion: str, addresses: Sequence[str], error: str
) -> None:
    """Reserved rows that were never sent (the server could not be reached): refused."""
    wanted = {a.casefold() for a in addresses}
    for row in entries(session=session, meeting_id=meeting_id, occasion=occasion):
        if row.address.casefold() in wanted and row.state == PENDING:
            row.state, row.error = REFUSED, error
            session.add(row)
    session.flush()


def entries(
    *, session: Session, meeting_id: int, occasion: str | None = None
) -> list[SendLogEntry]:
    """The log of the meeting (of one utskick), in the order it was written."""
    query = select(SendLogEntry).where(SendLogEntry.meeting_id == meeting_id)
    if occasion is not None:
        query = query.where(SendLogEntry.occasion == occasion)
    return list(session.exec(query.order_by(col(SendLogEntry.id))))


def _stale(row: SendLogEntry, now: dt.datetime) -> bool:
    sent_at = row.sent_at if row.sent_at.tzinfo else row.sent_at.replace(tzinfo=dt.UTC)
    return now - sent_at > STALE
