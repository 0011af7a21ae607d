"""Read access for screens and commands: keyword-only functions taking a session."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func
from sqlmodel import Session, col, select

from namnd.domain.models import AgendaItem, Meeting, Organ
from namnd.domain.views import MeetingSummary
from namnd.storage.meeting_ref import no_meeting_with_id, only_meeting_on, parse_meeting_ref


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
    return [MeetingSummary.of(meeting, organ, n or 0) for meeting, organ, n in session.exec(query)]


def find_meeting(*, session: Session, ref: str) -> Meeting:
    """The meeting named by a date (``2019-09-19``) or an id, or a Swedish error."""
    named = parse_meeting_ref(ref)
    if isinstance(named, int):
        meeting = session.get(Meeting, named)
        if meeting is None:
            raise no_meeting_with_id(named)
        return meeting
    meetings = session.exec(
        select(Meeting).where(Meeting.date == named).order_by(col(Meeting.id))
    ).all()
    chosen = only_meeting_on(named, [m.id for m in meetings if m.id is not None])
    return next(m for m in meetings if m.id == chosen)


def summary_of(*, session: Session, meeting: Meeting) -> MeetingSummary:
    """The meetings list's row of one stored meeting, with its number of ärenden."""
    organ = session.get(Organ, meeting.organ_id)
    assert organ is not None  # the meeting's organ (a foreign key)
    count = session.exec(
        select(func.count()).select_from(AgendaItem).where(AgendaItem.meeting_id == meeting.id)
    ).one()
    return MeetingSummary.of(meeting, organ, count)
