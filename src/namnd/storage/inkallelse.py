"""Förhinder and inkallelse rows read and written for one meeting."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, delete, select

from namnd.domain.inkallelse_tables import ForhinderRow, InkallelseRow
from namnd.domain.kinds import CallInMethod, MemberRole
from namnd.domain.models import Meeting, Person
from namnd.errors import InvalidInput, NotFound
from namnd.rules.inkallelse import CallIn, Forhinder
from namnd.rules.roster import Seat
from namnd.rules.swedish_dates import long_date
from namnd.storage.members import list_seats


def _meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(f"Det finns inget sammanträde med id {meeting_id}.")
    return meeting


def meeting_seats(*, session: Session, meeting_id: int) -> list[Seat]:
    """The seats held on the meeting's day, in roster order."""
    meeting = _meeting(session, meeting_id)
    return [
        s
        for s in list_seats(session=session, organ_id=meeting.organ_id)
        if s.holds_on(meeting.date)
    ]


def list_forhinder(*, session: Session, meeting_id: int) -> list[Forhinder]:
    """The meeting's förhinder in the order reported, each with its inkallelser."""
    seats = {s.name: s for s in meeting_seats(session=session, meeting_id=meeting_id)}
    rows = session.exec(
        select(ForhinderRow, Person)
        .join(Person, col(Person.id) == ForhinderRow.person_id)
        .where(ForhinderRow.meeting_id == meeting_id)
        .order_by(col(ForhinderRow.reported_at), col(ForhinderRow.id))
    ).all()
    calls = session.exec(
        select(InkallelseRow, Person)
        .join(Person, col(Person.id) == InkallelseRow.person_id)
        .where(InkallelseRow.meeting_id == meeting_id)
        .order_by(col(InkallelseRow.id))
    ).all()
    out = []
    for row, person in rows:
        seat = seats.get(person.name)
        mine = tuple(
            CallIn(
                substitute=who.name,
                method=call.method,
                called_at=call.called_at,
                sent_at=call.sent_at,
                delivery=call.delivery,
                recorded_by=call.recorded_by,
            )
            for call, who in calls
            if call.forhinder_id == row.id
        )
        out.append(
            Forhinder(
                id=row.id,  # type: ignore[arg-type]
                name=person.name,
                party=seat.party if seat else "",
                role=seat.role if seat else MemberRole.MEMBER,  # seat ended since
                reported_at=row.reported_at,
                note=row.note,
                recorded_by=row.recorded_by,
                call_ins=mine,
            )
        )
    return out


def seat_holder(*, session: Session, meeting_id: int, name: str) -> Seat:
    """The seat of ``name`` on the meeting's day ('Per Ek' or 'Per Ek (M)', any case)."""
    wanted = " ".join(name.split("(")[0].split()).casefold()
    seats = meeting_seats(session=session, meeting_id=meeting_id)
    seat = next((s for s in seats if s.name.casefold() == wanted), None)
    if seat is None:
        day = long_date(_meeting(session, meeting_id).date)
        raise InvalidInput(f"{name.strip() or 'Namnet'} har ingen plats i nämnden {day}.")
    return seat


def add_forhinder(
    *, session: Session, meeting_id: int, name: str, note: str, by: str, at: dt.datetime
) -> Seat:
    """Record the förhinder of the seat-holder ``name``; returns their seat."""
    seat = seat_holder(session=session, meeting_id=meeting_id, name=name)
    person = _person(session, seat.name)
    exists = session.exec(
        select(ForhinderRow.id).where(
            ForhinderRow.meeting_id == meeting_id, ForhinderRow.person_id == person.id
        )
    ).first()
    if exists is not None:
        raise InvalidInput(f"{seat.display} har redan anmält förhinder till sammanträdet.")
    session.add(
        ForhinderRow(
            meeting_id=meeting_id,
            person_id=person.id,  # type: ignore[arg-type]
            reported_at=at,
            note=" ".join(note.split()),
            recorded_by=by,
        )
    )
    session.flush()
    return seat


def withdraw_forhinder(*, session: Session, meeting_id: int, name: str) -> None:
    """Remove the förhinder of ``name`` and the inkallelser made for it."""
    row = _forhinder_row(session, meeting_id, name)
    session.exec(delete(InkallelseRow).where(col(InkallelseRow.forhinder_id) == row.id))
    session.delete(row)
    session.flush()


def record_call_in(
    *,
    session: Session,
    meeting_id: int,
    member: str,
    substitute: str,
    method: CallInMethod,
    at: dt.datetime,
    sent_at: dt.datetime | None,
    delivery: str,
    by: str,
) -> None:
    """Keep one inkallelse of ``substitute`` for ``member``'s förhinder, as it went."""
    row = _forhinder_row(session, meeting_id, member)
    session.add(
        InkallelseRow(
            meeting_id=meeting_id,
            forhinder_id=row.id,  # type: ignore[arg-type]
            person_id=_person(session, substitute).id,  # type: ignore[arg-type]
            method=method,
            called_at=at,
            sent_at=sent_at,
            delivery=delivery,
            recorded_by=by,
        )
    )
    session.flush()


def contact(*, session: Session, name: str) -> tuple[str, str]:
    """The person's (e-mail, phone), empty where the register has none."""
    person = _person(session, name)
    return person.email.strip(), person.phone.strip()


def _forhinder_row(session: Session, meeting_id: int, name: str) -> ForhinderRow:
    wanted = " ".join(name.split("(")[0].split()).casefold()
    for row, person in session.exec(
        select(ForhinderRow, Person)
        .join(Person, col(Person.id) == ForhinderRow.person_id)
        .where(ForhinderRow.meeting_id == meeting_id)
    ):
        if person.name.casefold() == wanted:
            return row
    raise NotFound(f"{name.strip()} har inget anmält förhinder till sammanträdet.")


def _person(session: Session, name: str) -> Person:
    person = session.exec(select(Person).where(Person.name == name)).first()
    if person is None:
        raise NotFound(f"{name} finns inte i ledamotsregistret.")
    return person
