"""Read access for screens and commands: keyword-only functions taking a session."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func
from sqlmodel import Session, col, select

from namnd.domain.models import AgendaItem, Arende, Attachment, Meeting, Organ
from namnd.domain.views import (
    AgendaItemView,
    AgendaView,
    AttachmentView,
    MeetingSummary,
)
from namnd.errors import InvalidInput, NotFound


def list_meetings(*, session: Session, year: int | None = None) -> list[MeetingSummary]:
    """All meetings (of one year if given), in date order."""
    counts = (
        select(AgendaItem.meeting_id, func.count(col(AgendaItem.id)).label("n"))
        .group_by(col(AgendaItem.meeting_id))
        .subquery()
    )
    query = (
        select(Meeting, Organ, counts.c.n)
        .join(Organ, col(Organ.id) == col(Meeting.organ_id))
        .outerjoin(counts, counts.c.meeting_id == col(Meeting.id))
        .order_by(col(Meeting.date), col(Meeting.start_time), col(Meeting.id))
    )
    if year is not None:
        query = query.where(
            col(Meeting.date) >= dt.date(year, 1, 1), col(Meeting.date) <= dt.date(year, 12, 31)
        )
    return [_summary(meeting, organ, n or 0) for meeting, organ, n in session.exec(query)]


def find_meeting(*, session: Session, ref: str) -> Meeting:
    """The meeting named by a date (``2019-09-19``) or an id, or a Swedish error."""
    ref = ref.strip()
    if ref.isdigit():
        meeting = session.get(Meeting, int(ref))
        if meeting is None:
            raise NotFound(f"Det finns inget sammanträde med id {ref}.")
        return meeting
    try:
        day = dt.date.fromisoformat(ref)
    except ValueError:
        raise InvalidInput(
            f"”{ref}” är varken ett datum (ÅÅÅÅ-MM-DD, t.ex. 2019-09-19) eller ett id."
        ) from None
    meetings = session.exec(select(Meeting).where(Meeting.date == day)).all()
    if not meetings:
        raise NotFound(f"Det finns inget sammanträde den {day.isoformat()}.")
    if len(meetings) > 1:
        ids = ", ".join(str(m.id) for m in meetings)
        raise InvalidInput(
            f"Flera sammanträden den {day.isoformat()} (id {ids}): ange id i stället."
        )
    return meetings[0]


def agenda_for(*, session: Session, meeting_id: int) -> AgendaView:
    """The föredragningslista of a meeting with each ärende's proposal and bilagor."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(f"Det finns inget sammanträde med id {meeting_id}.")
    organ = session.get(Organ, meeting.organ_id)
    assert organ is not None  # the meeting's organ (a foreign key)
    rows = session.exec(
        select(AgendaItem, Arende)
        .join(Arende, col(Arende.id) == col(AgendaItem.arende_id))
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(col(AgendaItem.position))
    ).all()
    arende_ids = [arende.id for _, arende in rows]
    attachments: dict[int, list[AttachmentView]] = {}
    if arende_ids:
        for att in session.exec(
            select(Attachment)
            .where(col(Attachment.arende_id).in_(arende_ids))
            .order_by(col(Attachment.arende_id), col(Attachment.position))
        ):
            attachments.setdefault(att.arende_id, []).append(
                AttachmentView(att.title, att.file, att.confidential, att.sent_later)
            )
    items = [
        AgendaItemView(
            position=item.position,
            arende_id=arende.id,
            title=arende.title,
            dnr=arende.dnr,
            kind=arende.kind,
            proposal=list(arende.proposal),
            administration_proposal=(
                list(arende.administration_proposal)
                if arende.administration_proposal is not None
                else None
            ),
            summary_md=arende.summary_md,
            sent_later=arende.sent_later,
            confidential=arende.confidential,
            attachments=attachments.get(arende.id, []),
            reply_by=arende.reply_by,
        )
        for item, arende in rows
    ]
    return AgendaView(
        meeting=_summary(meeting, organ, len(items)),
        chair_name=meeting.chair_name,
        secretary_name=meeting.secretary_name,
        items=items,
    )


def _summary(meeting: Meeting, organ: Organ, item_count: int) -> MeetingSummary:
    assert meeting.id is not None  # a stored meeting
    return MeetingSummary(
        id=meeting.id,
        organ_code=organ.code,
        organ_name=organ.name,
        date=meeting.date,
        start_time=meeting.start_time,
        place=meeting.place,
        status=meeting.status,
        version=meeting.version,
        item_count=item_count,
    )
