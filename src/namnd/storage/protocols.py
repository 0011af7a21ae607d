"""The protokoll in the database: open it from the agenda, edit §§ live, justera, rätta.

§§ are numbered per organ through the calendar year; a save addresses a § by its id,
never its number, since a § inserted or removed elsewhere renumbers the rest. Every §
carries a ``version`` so two people minuting the same § cannot overwrite each other
(:class:`StaleEdit`); renumbering bumps it too. Once justerat the protokoll is closed:
only a logged rättelse changes it. Every write first claims the protokoll's row, so a
save and a justering at the same instant are taken one after the other.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import fields

from sqlalchemy import func, update
from sqlmodel import Session, col, delete, select

from namnd.domain.kinds import ArendeKind, AttendeeKind, MeetingStatus, MemberRole
from namnd.domain.models import AgendaItem, Arende, Meeting, Membership, Organ, ParagraphRow, Person
from namnd.domain.protocol import (
    Attendee,
    Justering,
    ParagraphRange,
    Protocol,
    ProtocolParagraph,
)
from namnd.domain.protocol_tables import AttendanceRow, CorrectionRow, ProtocolRecord
from namnd.domain.views import ProtocolView
from namnd.errors import InvalidInput, NotFound
from namnd.rules.protocol_rules import check_dates_not_future, check_not_future, problems
from namnd.rules.protocol_text import decision_from_proposal
from namnd.rules.standing_items import StandingItem, protocol_order
from namnd.storage.kallelse import set_status
from namnd.storage.optimistic import claim, save_versioned
from namnd.storage.protocol_codec import (
    CORRECTION_COLUMNS,
    RECORD_COLUMNS,
    attendee_from_row,
    attendee_row,
    fill_row,
    paragraph_from_row,
    paragraph_values,
    protocol_of,
)

CLOSED = "Protokollet är justerat och kan inte ändras; gör en rättelse i stället."


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _record(session: Session, meeting_id: int) -> ProtocolRecord | None:
    return session.exec(
        select(ProtocolRecord).where(ProtocolRecord.meeting_id == meeting_id)
    ).first()


def _open_record(session: Session, meeting_id: int) -> ProtocolRecord:
    record = _record(session, meeting_id)
    if record is None:
        raise NotFound("Protokollet är inte öppnat: öppna sammanträdet i protokollsläge först.")
    return record


def _editable(session: Session, meeting_id: int) -> ProtocolRecord:
    """The open protokoll, claimed until commit: a justering cannot slip in meanwhile."""
    if not claim(session, ProtocolRecord, _not_justerat(meeting_id)):
        _open_record(session, meeting_id)
        raise InvalidInput(CLOSED)
    return _open_record(session, meeting_id)


def _claimed(session: Session, meeting_id: int) -> ProtocolRecord:
    """The protokoll, open or justerat, claimed until commit."""
    claim(session, ProtocolRecord, col(ProtocolRecord.meeting_id) == meeting_id)
    return _open_record(session, meeting_id)


def _not_justerat(meeting_id: int):
    return (col(ProtocolRecord.meeting_id) == meeting_id) & col(ProtocolRecord.justerat_on).is_(
        None
    )


def _meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(f"Det finns inget sammanträde med id {meeting_id}.")
    return meeting


def _rows(session: Session, meeting_id: int) -> list[ParagraphRow]:
    return list(
        session.exec(
            select(ParagraphRow)
            .where(ParagraphRow.meeting_id == meeting_id)
            .order_by(col(ParagraphRow.number))
        )
    )


def load_protocol(*, session: Session, meeting_id: int) -> ProtocolView | None:
    """The protokoll with each §'s version and the number of seats, or None if not opened."""
    record = _record(session, meeting_id)
    if record is None:
        return None
    meeting = _meeting(session, meeting_id)
    organ = session.get(Organ, meeting.organ_id)
    assert organ is not None  # the meeting's organ (a foreign key)
    rows = _rows(session, meeting_id)
    attendance = session.exec(
        select(AttendanceRow)
        .where(AttendanceRow.meeting_id == meeting_id)
        .order_by(col(AttendanceRow.position))
    )
    corrections = session.exec(
        select(CorrectionRow)
        .where(CorrectionRow.meeting_id == meeting_id)
        .order_by(col(CorrectionRow.id))
    )
    protocol = protocol_of(
        organ=(organ.name, organ.code),
        meeting=(meeting.date, meeting.place, meeting.start_time, meeting.secretary_name),
        record=[getattr(record, column) for column in RECORD_COLUMNS],
        attendees=(attendee_from_row(a) for a in attendance),
        paragraphs=(paragraph_from_row(r) for r in rows),
        corrections=([getattr(c, column) for column in CORRECTION_COLUMNS] for c in corrections),
    )
    return ProtocolView(
        meeting_id=meeting_id,
        protocol=protocol,
        versions={r.number: r.version for r in rows},
        head_version=record.version,
        seats=_seats(session, meeting),
        ids={r.number: r.id for r in rows if r.id is not None},  # all: stored rows
    )


def _seats(session: Session, meeting: Meeting) -> int:
    """Ledamöter of the organ on the meeting day (the base for beslutsförhet)."""
    return session.exec(
        select(func.count())
        .select_from(Membership)
        .where(
            Membership.organ_id == meeting.organ_id,
            Membership.role == MemberRole.MEMBER,
            Membership.period_start <= meeting.date,
            (col(Membership.period_end).is_(None)) | (col(Membership.period_end) >= meeting.date),
        )
    ).one()


def next_number(*, session: Session, meeting: Meeting) -> int:
    """The organ's last § of the calendar year before this meeting, plus one."""
    last = session.exec(
        select(func.max(ParagraphRow.number))
        .join(Meeting, col(Meeting.id) == ParagraphRow.meeting_id)
        .where(
            ParagraphRow.organ_id == meeting.organ_id,
            ParagraphRow.year == meeting.date.year,
            Meeting.date < meeting.date,
        )
    ).one()
    return (last or 0) + 1


def _check_no_later_numbers(session: Session, meeting: Meeting) -> None:
    later = session.exec(
        select(col(Meeting.date))
        .join(ParagraphRow, col(ParagraphRow.meeting_id) == Meeting.id)
        .where(
            ParagraphRow.organ_id == meeting.organ_id,
            ParagraphRow.year == meeting.date.year,
            Meeting.date > meeting.date,
        )
    ).first()
    if later is not None:
        raise InvalidInput(
            f"Sammanträdet {later.isoformat()} har redan paragrafer för {meeting.date.year}: "
            "§§ kan inte numreras om före dem. Ange första § själv eller ta dem i ordning."
        )


def open_protocol(
    *,
    session: Session,
    meeting_id: int,
    by: str,
    first_number: int | None = None,
    today: dt.date,
) -> None:
    """Turn the föredragningslista into §§, the standing openers first and once each.

    The närvaro starts from the organ's members. The meeting becomes genomförd only if
    its day has come: a protokoll prepared the week before is not a meeting held.
    """
    meeting = _meeting(session, meeting_id)
    if _record(session, meeting_id) is not None:
        raise InvalidInput("Protokollet är redan öppnat.")
    if first_number is not None and first_number < 1:
        raise InvalidInput("Första § måste vara 1 eller större.")
    _check_no_later_numbers(session, meeting)
    if meeting.date <= today:
        _mark_held(session, meeting, by)
    organ = session.get(Organ, meeting.organ_id)
    assert organ is not None  # the meeting's organ (a foreign key)
    archive = organ.archive_place or organ.administration
    session.add(ProtocolRecord(meeting_id=meeting_id, archive=archive))
    agenda = _agenda(session, meeting_id)
    drafts = [
        ProtocolParagraph(0, step.title, decision_md=step.opener_decision or "")
        if isinstance(step, StandingItem)
        else _from_agenda(*agenda[step])
        for step in protocol_order([arende.title for _, arende in agenda])
    ]
    start = first_number or next_number(session=session, meeting=meeting)
    for offset, draft in enumerate(drafts):
        _insert(session, meeting, start + offset, draft)
    for position, attendee in enumerate(_roster(session, meeting), start=1):
        session.add(attendee_row(meeting_id, position, attendee))
    session.flush()


def _from_agenda(item: AgendaItem, arende: Arende) -> ProtocolParagraph:
    return ProtocolParagraph(
        0,
        arende.title,
        dnr=arende.dnr,
        item=item.position,
        decision_md=decision_from_proposal(arende.proposal),
        dispatch_to=tuple(arende.dispatch_to),
        confidential=arende.confidential,
    )


def _mark_held(session: Session, meeting: Meeting, by: str) -> None:
    if meeting.status not in (MeetingStatus.HELD, MeetingStatus.JUSTERAD):
        assert meeting.id is not None  # a stored meeting
        set_status(session=session, meeting_id=meeting.id, target=MeetingStatus.HELD, by=by)


def _agenda(session: Session, meeting_id: int) -> list[tuple[AgendaItem, Arende]]:
    return list(
        session.exec(
            select(AgendaItem, Arende)
            .join(Arende, col(Arende.id) == AgendaItem.arende_id)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(col(AgendaItem.position))
        )
    )


def _insert(session: Session, meeting: Meeting, number: int, draft: ProtocolParagraph) -> None:
    assert meeting.id is not None  # a stored meeting
    item_id = None
    if draft.item is not None:
        item_id = session.exec(
            select(AgendaItem.id).where(
                AgendaItem.meeting_id == meeting.id, AgendaItem.position == draft.item
            )
        ).first()
    row = ParagraphRow(
        organ_id=meeting.organ_id,
        meeting_id=meeting.id,
        agenda_item_id=item_id,
        year=meeting.date.year,
        number=number,
        title=draft.title,
    )
    fill_row(row, draft)
    session.add(row)


def _roster(session: Session, meeting: Meeting) -> list[Attendee]:
    """The ledamöter (presidium first) as present, then the secretary.

    A ledamot with förhinder is absent, the ersättare called in serving in their place;
    other ersättare are added by the secretary as they arrive: most do not come.
    """
    seats = session.exec(
        select(Membership, Person)
        .join(Person, col(Person.id) == Membership.person_id)
        .where(
            Membership.organ_id == meeting.organ_id,
            Membership.role == MemberRole.MEMBER,
            Membership.period_start <= meeting.date,
            (col(Membership.period_end).is_(None)) | (col(Membership.period_end) >= meeting.date),
        )
    ).all()

    def order(pair: tuple[Membership, Person]) -> tuple:
        seat = pair[0]
        presidium = 9 if seat.position is None else list(type(seat.position)).index(seat.position)
        return (presidium, seat.id)

    people = [
        Attendee(
            name=person.name,
            party=seat.party,
            kind=AttendeeKind.MEMBER,
            function=seat.position.label if seat.position else "",
        )
        for seat, person in sorted(seats, key=order)
    ]
    people = _after_forhinder(session, meeting, people)
    if meeting.secretary_name:
        people.append(
            Attendee(
                meeting.secretary_name,
                kind=AttendeeKind.OTHER,
                function=meeting.secretary_title.lower(),
            )
        )
    return people


def _after_forhinder(session: Session, meeting: Meeting, members: list[Attendee]) -> list[Attendee]:
    from namnd.rules.inkallelse import starting_attendance
    from namnd.storage import inkallelse

    assert meeting.id is not None  # a stored meeting
    forhinder = inkallelse.list_forhinder(session=session, meeting_id=meeting.id)
    if not forhinder:
        return members
    seats = inkallelse.meeting_seats(session=session, meeting_id=meeting.id)
    return starting_attendance(members, seats, meeting.date, forhinder)


def _row(session: Session, meeting_id: int, paragraph_id: int, number: int) -> ParagraphRow:
    """The § with this id (``number`` is how the user saw it, for the message)."""
    row = session.get(ParagraphRow, paragraph_id)
    if row is None or row.meeting_id != meeting_id:
        raise NotFound(_gone(number))
    return row


def _gone(number: int) -> str:
    return f"§ {number} har tagits bort av någon annan; din text finns kvar."


def save_paragraph(
    *,
    session: Session,
    meeting_id: int,
    paragraph_id: int,
    paragraph: ProtocolParagraph,
    version: int,
) -> int:
    """Save the § with this id (StaleEdit if someone saved or renumbered it); its new version.

    ``paragraph.number`` is only how the editor showed it: the number is never written.
    A § of a sekretess ärende stays sekretess: that is changed on the ärende.
    """
    _editable(session, meeting_id)
    if not paragraph.confidential and _of_secret_arende(session, paragraph_id):
        raise InvalidInput(
            f"§ {paragraph.number} gäller ett ärende med sekretess och kan inte göras offentlig "
            "här: ett ärendes sekretess ändras på ärendet (e i föredragningslistan)."
        )
    return save_versioned(
        session,
        ParagraphRow,
        paragraph_id,
        paragraph_values(paragraph),
        version=version,
        where=(col(ParagraphRow.meeting_id) == meeting_id,),
        conflict=(
            f"§ {paragraph.number} har sparats av någon annan, eller §§ har numrerats om, "
            "medan du skrev. Ingenting skrevs över; din text finns kvar."
        ),
        missing=_gone(paragraph.number),
    )


def _of_secret_arende(session: Session, paragraph_id: int) -> bool:
    secret = session.exec(
        select(Arende.confidential)
        .join(AgendaItem, col(AgendaItem.arende_id) == col(Arende.id))
        .join(ParagraphRow, col(ParagraphRow.agenda_item_id) == col(AgendaItem.id))
        .where(col(ParagraphRow.id) == paragraph_id)
    ).first()
    return bool(secret)


def save_attendance(*, session: Session, meeting_id: int, attendees: Sequence[Attendee]) -> None:
    """Replace the närvaro (§§ refer to people by name: one line per person and §)."""
    _editable(session, meeting_id)
    _check_unique_names(attendees)
    session.exec(delete(AttendanceRow).where(col(AttendanceRow.meeting_id) == meeting_id))
    for position, attendee in enumerate(attendees, start=1):
        session.add(attendee_row(meeting_id, position, attendee))
    session.flush()


def _check_unique_names(attendees: Sequence[Attendee]) -> None:
    """A name twice only over separate §§ (an ersättare present, then serving)."""
    seen: dict[str, list[Attendee]] = {}
    for attendee in attendees:
        earlier = seen.setdefault(attendee.name, [])
        if any(not _apart(e.paragraphs, attendee.paragraphs) for e in earlier):
            raise InvalidInput(f"{attendee.name} står två gånger i närvaron för samma paragrafer.")
        earlier.append(attendee)


def _apart(one: ParagraphRange | None, other: ParagraphRange | None) -> bool:
    return (
        one is not None and other is not None and (one.last < other.first or other.last < one.first)
    )


def save_justering(
    *,
    session: Session,
    meeting_id: int,
    justering: Justering,
    end_time: dt.time | None,
    version: int,
) -> int:
    """Justerare, place and day of justering, förvaring and the meeting's end time."""
    record = _editable(session, meeting_id)
    assert record.id is not None  # a stored record
    return save_versioned(
        session,
        ProtocolRecord,
        record.id,
        {
            "justerare": list(justering.justerare),
            "justering_place": justering.place,
            "justering_date": justering.date,
            "justering_time": justering.time,
            "archive": justering.archive,
            "end_time": end_time,
        },
        version=version,
        conflict="Justeringsuppgifterna har ändrats av någon annan; ingenting skrevs över.",
    )


def add_paragraph(*, session: Session, meeting_id: int, title: str, after_id: int | None) -> int:
    """Insert a § after the § with id ``after_id`` (first when None), renumber; its number."""
    _editable(session, meeting_id)
    meeting = _meeting(session, meeting_id)
    if not title.strip():
        raise InvalidInput("En paragraf behöver en rubrik.")
    _check_no_later_numbers(session, meeting)
    rows = _rows(session, meeting_id)
    start = rows[0].number if rows else next_number(session=session, meeting=meeting)
    index = 0
    if after_id is not None:
        index = next((i + 1 for i, r in enumerate(rows) if r.id == after_id), -1)
        if index < 0:
            raise NotFound("Paragrafen som den nya skulle följa har tagits bort av någon annan.")
    _renumber(session, rows, start, skip=start + index)
    _insert(session, meeting, start + index, ProtocolParagraph(0, title.strip()))
    session.flush()
    return start + index


def remove_paragraph(*, session: Session, meeting_id: int, paragraph_id: int) -> None:
    """Delete the § with this id and close the gap."""
    _editable(session, meeting_id)
    meeting = _meeting(session, meeting_id)
    _check_no_later_numbers(session, meeting)
    row = session.get(ParagraphRow, paragraph_id)
    if row is None or row.meeting_id != meeting_id:
        raise NotFound("Paragrafen har redan tagits bort av någon annan.")
    rows = [r for r in _rows(session, meeting_id) if r.id != row.id]
    start = min(row.number, rows[0].number) if rows else row.number
    session.delete(row)
    session.flush()
    _renumber(session, rows, start)


def _renumber(
    session: Session, rows: list[ParagraphRow], start: int, skip: int | None = None
) -> None:
    """Number ``rows`` from ``start`` leaving ``skip`` free, without a unique clash midway.

    A § that gets a new number gets a new version too: an editor still showing the old
    number gets a conflict instead of saving what it believes is that §.
    """
    moves: dict[int, int] = {}
    number = start
    for row in rows:
        if number == skip:
            number += 1
        if row.number != number:
            assert row.id is not None  # a stored §
            moves[row.id] = number
        number += 1
    table = ParagraphRow.__table__  # type: ignore[attr-defined]
    session.flush()
    # Through negative numbers first: the new numbers overlap the old ones.
    for row_id, new in moves.items():
        session.execute(
            update(table)
            .where(table.c.id == row_id)
            .values(number=-new, version=table.c.version + 1)
        )
    if moves:
        session.execute(
            update(table).where(table.c.id.in_(list(moves))).values(number=-table.c.number)
        )
    for row in rows:
        session.expire(row)


def justera(*, session: Session, meeting_id: int, on: dt.date, by: str, today: dt.date) -> None:
    """Justera: check the rules, close the protokoll, mark the ärenden decided."""
    check_not_future("justeringsdatum", on, today=today)
    record = _editable(session, meeting_id)
    meeting = _meeting(session, meeting_id)
    view = load_protocol(session=session, meeting_id=meeting_id)
    assert view is not None
    if not record.justerare:
        raise InvalidInput("Ange vem som justerar protokollet innan det justeras.")
    if on < meeting.date:
        raise InvalidInput("Protokollet kan inte justeras före sammanträdet.")
    broken = problems(view.protocol)
    if broken:
        listed = "\n".join(p.message for p in broken[:5])
        raise InvalidInput(f"Protokollet kan inte justeras förrän detta är rättat:\n{listed}")
    from namnd.storage.assignments import decide_report_back

    for _, arende in _agenda(session, meeting_id):
        if arende.kind is ArendeKind.REPORT_BACK and not arende.decided:
            assert arende.id is not None  # a stored ärende
            decide_report_back(session=session, arende_id=arende.id, by=by, decided_on=meeting.date)
        arende.decided = True
    record.justerat_on = on
    record.version += 1
    _mark_held(session, meeting, by)
    set_status(session=session, meeting_id=meeting_id, target=MeetingStatus.JUSTERAD, by=by)


def post(*, session: Session, meeting_id: int, on: dt.date, today: dt.date) -> None:
    """Record the day the justering was anslagen."""
    check_not_future("anslagsdatum", on, today=today)
    record = _claimed(session, meeting_id)
    if record.justerat_on is None:
        raise InvalidInput("Protokollet måste vara justerat innan justeringen anslås.")
    if on < record.justerat_on:
        raise InvalidInput("Anslaget kan inte sättas upp före justeringen.")
    record.posted_on = on
    record.version += 1


def correct(
    *,
    session: Session,
    meeting_id: int,
    paragraph_id: int,
    paragraph: ProtocolParagraph,
    reason: str,
    by: str,
    version: int | None = None,
) -> str:
    """A rättelse of a justerat §: applied, and logged with what changed and why.

    With ``version`` (the § as the editor read it) a rättelse made meanwhile by someone
    else is not overwritten (StaleEdit).
    """
    record = _claimed(session, meeting_id)
    if record.justerat_on is None:
        raise InvalidInput("Protokollet är inte justerat: ändra paragrafen direkt.")
    if not reason.strip():
        raise InvalidInput("En rättelse måste ha ett skäl.")
    row = _row(session, meeting_id, paragraph_id, paragraph.number)
    number = row.number
    what = describe_change(paragraph_from_row(row), dataclasses.replace(paragraph, number=number))
    if not what:
        raise InvalidInput("Rättelsen ändrar ingenting.")
    save_versioned(
        session,
        ParagraphRow,
        paragraph_id,
        paragraph_values(paragraph),
        version=version,
        conflict=(
            f"§ {number} har rättats av någon annan medan du skrev. Ingenting skrevs över; "
            "din text finns kvar."
        ),
    )
    session.add(
        CorrectionRow(
            meeting_id=meeting_id,
            number=number,
            what=what,
            reason=reason.strip(),
            corrected_by=by,
            corrected_at=_now(),
        )
    )
    session.flush()
    return what


_FIELD_LABELS = {
    "title": "Rubrik",
    "dnr": "Dnr",
    "decision_md": "Beslut",
    "process_md": "Beslutsgång",
    "yrkanden": "Yrkanden",
    "vote": "Omröstning",
    "reservations": "Reservationer",
    "notes": "Protokollsanteckningar",
    "dispatch_to": "Expedieras till",
    "recused": "Jäv",
    "immediate": "Omedelbar justering",
    "confidential": "Sekretess",
}


def describe_change(old: ProtocolParagraph, new: ProtocolParagraph) -> str:
    """'Beslut: ”…” ändrat till ”…”' for each changed field; '' when nothing changed."""
    parts = []
    for name, label in _FIELD_LABELS.items():
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        if isinstance(before, str):
            parts.append(f"{label}: ”{before}” ändrat till ”{after}”")
        else:
            parts.append(f"{label} ändrade")
    assert {f.name for f in fields(ProtocolParagraph)} >= set(_FIELD_LABELS)
    return "; ".join(parts)


def replace_protocol(
    *, session: Session, meeting_id: int, protocol: Protocol, today: dt.date
) -> None:
    """Import: the whole protokoll from a file, replacing an unjusterat one."""
    check_dates_not_future(protocol, today=today)
    meeting = _meeting(session, meeting_id)
    claim(session, ProtocolRecord, col(ProtocolRecord.meeting_id) == meeting_id)
    record = _record(session, meeting_id)
    if record is not None and record.justerat_on is not None:
        raise InvalidInput(CLOSED)
    _check_unique_names(protocol.attendees)
    if protocol.paragraphs:
        _check_free_numbers(session, meeting, protocol)
    for table in (ParagraphRow, AttendanceRow, CorrectionRow):
        session.exec(delete(table).where(col(table.meeting_id) == meeting_id))
    if record is None:
        record = ProtocolRecord(meeting_id=meeting_id)
        session.add(record)
    justering = protocol.justering
    record.end_time = protocol.end_time
    record.justerare = list(justering.justerare)
    record.justering_place = justering.place
    record.justering_date = justering.date
    record.justering_time = justering.time
    record.justerat_on = justering.justerat_on
    record.posted_on = justering.posted_on
    record.archive = justering.archive
    record.version += 1
    session.flush()
    for paragraph in protocol.paragraphs:
        _insert(session, meeting, paragraph.number, paragraph)
    for position, attendee in enumerate(protocol.attendees, start=1):
        session.add(attendee_row(meeting_id, position, attendee))
    for c in protocol.corrections:
        session.add(
            CorrectionRow(
                meeting_id=meeting_id,
                number=c.number,
                what=c.what,
                reason=c.reason,
                corrected_by=c.by,
                corrected_at=c.at,
            )
        )
    if protocol.is_justerat:
        meeting.status = MeetingStatus.JUSTERAD
    elif meeting.date <= today:
        meeting.status = MeetingStatus.HELD
    meeting.version += 1
    session.flush()


def _check_free_numbers(session: Session, meeting: Meeting, protocol: Protocol) -> None:
    numbers = protocol.numbers
    assert numbers is not None
    taken = session.exec(
        select(col(Meeting.date))
        .join(ParagraphRow, col(ParagraphRow.meeting_id) == Meeting.id)
        .where(
            ParagraphRow.organ_id == meeting.organ_id,
            ParagraphRow.year == meeting.date.year,
            ParagraphRow.meeting_id != meeting.id,
            col(ParagraphRow.number).between(numbers.first, numbers.last),
        )
    ).first()
    if taken is not None:
        raise InvalidInput(
            f"{numbers.text} är redan använda i protokollet från {taken.isoformat()}."
        )
