"""Storing and loading a whole agenda (kallelse) as one unit of work."""

from __future__ import annotations

from sqlmodel import Session, col, select

from namnd.domain.agenda import AgendaDocument, AgendaEntry
from namnd.domain.models import (
    AgendaItem,
    AnnouncedDocument,
    Arende,
    Attachment,
    GroupMeeting,
    Meeting,
    Organ,
)
from namnd.errors import NamndError, NotFound


class MeetingExists(NamndError):
    """The file's meeting is already in the database."""


def get_or_create_organ(*, session: Session, organ: Organ) -> Organ:
    """The stored organ with ``organ.code``, created from ``organ`` if new."""
    stored = session.exec(select(Organ).where(Organ.code == organ.code)).first()
    if stored is not None:
        return stored
    fresh = Organ.model_validate(organ.model_dump(exclude={"id"}))
    session.add(fresh)
    session.flush()
    return fresh


def find_meeting_for(*, session: Session, organ_id: int, doc: AgendaDocument) -> Meeting | None:
    """The stored meeting of the same organ, date and time as ``doc``, if any."""
    return session.exec(
        select(Meeting).where(
            Meeting.organ_id == organ_id,
            Meeting.date == doc.meeting.date,
            Meeting.start_time == doc.meeting.start_time,
        )
    ).first()


def insert_agenda(*, session: Session, doc: AgendaDocument) -> Meeting:
    """Store a new meeting with its gruppmöten, ärenden, bilagor and agenda order.

    Runs inside the caller's transaction, so a failure leaves nothing behind.
    """
    organ = get_or_create_organ(session=session, organ=doc.organ)
    assert organ.id is not None  # a stored organ
    if find_meeting_for(session=session, organ_id=organ.id, doc=doc) is not None:
        raise MeetingExists(
            f"{organ.name} har redan ett sammanträde {doc.meeting.date.isoformat()}; "
            "inget lästes in."
        )
    meeting = Meeting.model_validate(
        doc.meeting.model_dump(exclude={"id"}) | {"organ_id": organ.id}
    )
    session.add(meeting)
    session.flush()
    for group in doc.group_meetings:
        session.add(
            GroupMeeting.model_validate(
                group.model_dump(exclude={"id"}) | {"meeting_id": meeting.id}
            )
        )
    for position, entry in enumerate(doc.entries, start=1):
        arende = Arende.model_validate(
            entry.arende.model_dump(exclude={"id"}) | {"organ_id": organ.id}
        )
        session.add(arende)
        session.flush()
        for number, attachment in enumerate(entry.attachments, start=1):
            session.add(
                Attachment.model_validate(
                    attachment.model_dump(exclude={"id"})
                    | {"arende_id": arende.id, "position": number}
                )
            )
        assert arende.id is not None and meeting.id is not None  # flushed
        replace_announcements(session=session, arende_id=arende.id, documents=entry.announcements)
        session.add(AgendaItem(meeting_id=meeting.id, arende_id=arende.id, position=position))
    session.flush()
    return meeting


def load_agenda(*, session: Session, meeting_id: int) -> AgendaDocument:
    """Everything the agenda file of a stored meeting holds, in at most six queries.

    The same number of SELECTs however many ärenden the list has: the bilagor and the
    anmälda handlingar of all of them are read at once, by the meeting (no list of ids
    to outgrow a driver's limit). NotFound if there is no meeting.
    """
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(f"Det finns inget sammanträde med id {meeting_id}.")
    organ = session.get(Organ, meeting.organ_id)
    assert organ is not None  # the meeting's organ (a foreign key)
    groups = session.exec(
        select(GroupMeeting)
        .where(GroupMeeting.meeting_id == meeting_id)
        .order_by(col(GroupMeeting.position))
    ).all()
    arenden = session.exec(
        select(Arende)
        .join(AgendaItem, col(AgendaItem.arende_id) == col(Arende.id))
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(col(AgendaItem.position))
    ).all()
    on_list = select(AgendaItem.arende_id).where(AgendaItem.meeting_id == meeting_id)
    attachments: dict[int | None, list[Attachment]] = {}
    for attachment in session.exec(
        select(Attachment)
        .where(col(Attachment.arende_id).in_(on_list))
        .order_by(col(Attachment.arende_id), col(Attachment.position))
    ):
        attachments.setdefault(attachment.arende_id, []).append(attachment)
    announced: dict[int | None, list[AnnouncedDocument]] = {}
    for document in session.exec(
        select(AnnouncedDocument)
        .where(col(AnnouncedDocument.arende_id).in_(on_list))
        .order_by(col(AnnouncedDocument.arende_id), col(AnnouncedDocument.position))
    ):
        announced.setdefault(document.arende_id, []).append(document)
    entries = [
        AgendaEntry(
            arende=arende,
            attachments=attachments.get(arende.id, []),
            announcements=announced.get(arende.id, []),
        )
        for arende in arenden
    ]
    return AgendaDocument(
        organ=organ, meeting=meeting, group_meetings=list(groups), entries=entries
    )


def load_announcements(*, session: Session, arende_id: int) -> list[AnnouncedDocument]:
    """The handlingar anmälda under an ärende, in order."""
    return list(
        session.exec(
            select(AnnouncedDocument)
            .where(AnnouncedDocument.arende_id == arende_id)
            .order_by(col(AnnouncedDocument.position))
        ).all()
    )


def replace_announcements(
    *, session: Session, arende_id: int, documents: list[AnnouncedDocument]
) -> bool:
    """Store an ärende's anmälda handlingar in the given order; True if they changed."""
    old = load_announcements(session=session, arende_id=arende_id)
    documents = _in_organ_format(session, arende_id, documents, {d.dnr for d in old})
    changed = [_key(d) for d in old] != [_key(d) for d in documents]
    for row in old:
        session.delete(row)
    session.flush()
    for position, document in enumerate(documents, start=1):
        session.add(
            AnnouncedDocument.model_validate(
                document.model_dump(exclude={"id"}) | {"arende_id": arende_id, "position": position}
            )
        )
    session.flush()
    return changed


def _in_organ_format(
    session: Session, arende_id: int, documents: list[AnnouncedDocument], kept: set[str | None]
) -> list[AnnouncedDocument]:
    """Each new dnr in the organ's format (those already stored are left as they are)."""
    if all(d.dnr in kept or not d.dnr for d in documents):
        return documents
    from namnd.storage.organs import dnr_format

    arende = session.get(Arende, arende_id)
    assert arende is not None  # the caller's stored ärende
    organ = session.get(Organ, arende.organ_id)
    assert organ is not None  # the ärende's organ (a foreign key)
    numbers = dnr_format(organ)
    return [
        d
        if d.dnr in kept or not d.dnr
        else AnnouncedDocument.model_validate(d.model_dump() | {"dnr": numbers.normalise(d.dnr)})
        for d in documents
    ]


def _key(document: AnnouncedDocument) -> tuple:
    return (document.title, document.dnr, document.source, document.confidential)
