"""The seats register: Membership rows (with their Person) read and written as Seats."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, insert, update
from sqlmodel import Session, col, select

from namnd.domain.kinds import MemberRole
from namnd.domain.models import Membership, Person
from namnd.errors import InvalidInput, NotFound, StaleEdit
from namnd.rules.roster import (
    Seat,
    SeatIndex,
    checked,
    conflicts,
    next_order,
    roster_order,
)
from namnd.storage.optimistic import claim


def list_seats(*, session: Session, organ_id: int) -> list[Seat]:
    """Every seat the organ has had, in roster order."""
    rows = session.exec(
        select(Membership, Person)
        .join(Person, col(Person.id) == Membership.person_id)
        .where(Membership.organ_id == organ_id)
    ).all()
    return roster_order([_seat(m, p) for m, p in rows])


def save_seat(*, session: Session, organ_id: int, seat: Seat, expected: Seat | None = None) -> Seat:
    """Add a seat (``seat.id`` None) or change one; refused if it clashes with another.

    ``expected`` is the seat as the form showed it: if someone else has changed it since,
    nothing is written (StaleEdit) rather than their change silently overwritten. Seats
    have no version: the row is claimed first, so the comparison and the write are not
    split by another save.
    """
    seat = checked(seat)
    if seat.id is not None:
        claim(session, Membership, col(Membership.id) == seat.id)
    seats = list_seats(session=session, organ_id=organ_id)
    if expected is not None and seat.id is not None:
        stored = next((s for s in seats if s.id == seat.id), None)
        if stored != expected:
            raise StaleEdit(
                f"{expected.display} har ändrats av någon annan sedan du öppnade formuläret; "
                "inget skrevs över. Öppna platsen igen."
            )
    return _write(session, organ_id, seat, conflicts(seat, seats), seats)


def _write(
    session: Session, organ_id: int, seat: Seat, problems: list[str], seats: Sequence[Seat]
) -> Seat:
    """Write a checked seat unless ``problems``; ``seats`` give an ersättare its place."""
    if problems:
        raise InvalidInput(problems[0])
    seat = _ordered(seat, seats)
    person = _person(session, seat.name)
    person.email, person.phone = seat.email, seat.phone  # the form shows and saves both
    assert person.id is not None  # flushed
    columns = _columns(seat, person.id)
    if seat.id is None:
        row = Membership(organ_id=organ_id, **columns)
    else:
        row = _row(session, organ_id, seat.id)
        row.sqlmodel_update(columns)
    session.add(row)
    session.flush()
    return dataclasses.replace(seat, id=row.id)


def _ordered(seat: Seat, seats: Sequence[Seat]) -> Seat:
    """An ersättare without a place gets the next one among ``seats``."""
    if seat.role is MemberRole.SUBSTITUTE and seat.order is None:
        return dataclasses.replace(seat, order=next_order(seats, seat.first_day))
    return seat


def _columns(seat: Seat, person_id: int) -> dict[str, Any]:
    """The Membership columns a seat sets, for a new row and an edited one alike."""
    return {
        "person_id": person_id,
        "party": seat.party,
        "role": seat.role,
        "position": seat.position,
        "substitute_order": seat.order,
        "period_start": seat.first_day,
        "period_end": seat.last_day,
    }


def end_seat(*, session: Session, organ_id: int, seat_id: int, last_day: dt.date) -> Seat:
    """The seat ends after ``last_day`` (entledigad, avgått); its history stays."""
    row = _row(session, organ_id, seat_id)
    if last_day < row.period_start:
        raise InvalidInput("Uppdraget kan inte sluta före det började.")
    row.period_end = last_day
    session.flush()
    return _seat(row, session.get_one(Person, row.person_id))


def import_seats(*, session: Session, organ_id: int, seats: Sequence[Seat]) -> int:
    """Add a roster's seats; a clash with the register is an error naming the person.

    Seats already registered alike are skipped, so importing a file again changes nothing.
    Every row is checked before anything is written; then the new people and the seats
    are written with one Core ``insert()`` each (executemany), no ORM object per row:
    building those cost more than checking the rows.
    """
    # The register is read once; a clash with it or with the file's rows before is refused.
    registered = SeatIndex(list_seats(session=session, organ_id=organ_id))
    new: list[Seat] = []
    contacts = {seat.name: checked(seat) for seat in seats if seat.email or seat.phone}
    for seat in seats:
        if registered.has_alike(seat):
            continue
        seat = checked(seat)
        problems = registered.conflicts(seat)
        if problems:
            raise InvalidInput(problems[0])
        seat = _ordered(seat, registered.seats)
        registered.add(seat)
        new.append(seat)
    connection = session.connection()
    people = _people(connection, [seat.name for seat in new] + list(contacts))
    _update_contacts(connection, people, contacts)
    if new:
        connection.execute(
            insert(_MEMBERSHIP),
            [{"organ_id": organ_id, **_columns(seat, people[seat.name][0])} for seat in new],
        )
    return len(new)


_PERSON = Person.__table__  # type: ignore[attr-defined]
_MEMBERSHIP = Membership.__table__  # type: ignore[attr-defined]

_Contact = tuple[int, str, str]
"""A person's id, e-mail and phone."""


def _people(connection: Connection, names: Sequence[str]) -> dict[str, _Contact]:
    """The person of each name, adding those not registered yet (one query, one insert).

    A name held by several people is the first of them, as ``_person`` finds it.
    """
    found: dict[str, _Contact] = {}
    registered = connection.execute(
        select(_PERSON.c.id, _PERSON.c.name, _PERSON.c.email, _PERSON.c.phone).order_by(
            _PERSON.c.id
        )
    )
    for person_id, name, email, phone in registered:
        found.setdefault(name, (person_id, email, phone))
    added = [name for name in dict.fromkeys(names) if name not in found]
    if added:
        ids = connection.execute(
            insert(_PERSON).returning(_PERSON.c.id, sort_by_parameter_order=True),
            [{"name": name} for name in added],
        ).scalars()
        found.update(
            (name, (person_id, "", "")) for name, person_id in zip(added, ids, strict=True)
        )
    return found


def _update_contacts(
    connection: Connection, people: dict[str, _Contact], contacts: dict[str, Seat]
) -> None:
    """The file's e-mail and phone on each person; a file without them leaves theirs."""
    changed = []
    for name, seat in contacts.items():
        person_id, email, phone = people[name]
        values = (seat.email or email, seat.phone or phone)
        if values != (email, phone):
            changed.append({"person": person_id, "email": values[0], "phone": values[1]})
    if changed:
        connection.execute(
            update(_PERSON)
            .where(_PERSON.c.id == bindparam("person"))
            .values(email=bindparam("email"), phone=bindparam("phone")),
            changed,
        )


def _row(session: Session, organ_id: int, seat_id: int) -> Membership:
    row = session.get(Membership, seat_id)
    if row is None or row.organ_id != organ_id:
        raise NotFound(f"Det finns ingen plats med id {seat_id} i nämnden.")
    return row


def _person(session: Session, name: str) -> Person:
    person = session.exec(select(Person).where(Person.name == name)).first()
    if person is None:
        person = Person(name=name)
        session.add(person)
        session.flush()
    return person


def _seat(row: Membership, person: Person) -> Seat:
    return Seat(
        id=row.id,
        name=person.name,
        party=row.party,
        role=row.role,
        position=row.position,
        order=row.substitute_order,
        first_day=row.period_start,
        last_day=row.period_end,
        email=person.email,
        phone=person.phone,
    )
