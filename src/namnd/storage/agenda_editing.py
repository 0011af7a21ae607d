"""Changing a föredragningslista: add, place, remove and move ärenden; save an ärende.

Saves are optimistic: each ärende carries a ``version`` that the editor read, and a
save against a newer version raises :class:`StaleEdit` instead of overwriting the other
person's work.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from namnd.domain.diarienummer import external_reference
from namnd.domain.kinds import MeetingStatus
from namnd.domain.models import AgendaItem, Arende, Attachment, Meeting, Organ
from namnd.errors import InvalidInput, NotFound
from namnd.rules.kallelse_flow import late_change_label
from namnd.rules.plain_text import cleaned
from namnd.storage.kallelse import note_if_late, set_status
from namnd.storage.optimistic import save_versioned
from namnd.storage.organs import dnr_format

# Fields an editor may change; anything else in ``changes`` is a programming error.
EDITABLE = frozenset(
    {
        "title",
        "dnr",
        "related_dnrs",
        "external_ref",
        "kind",
        "handlers",
        "recipients",
        "memo_date",
        "reply_by",
        "memo_title",
        "proposal",
        "administration_proposal",
        "preamble_md",
        "summary_md",
        "body_md",
        "signatures",
        "dispatch_to",
        "sent_later",
        "confidential",
    }
)

# How a changed field is named in the late-change log.
FIELD_LABELS = {
    "title": "rubrik",
    "dnr": "diarienummer",
    "proposal": "förslag till beslut",
    "administration_proposal": "förvaltningens förslag",
    "summary_md": "sammanfattning",
    "body_md": "ärendetext",
    "dispatch_to": "expedieras till",
    "kind": "typ",
    "handlers": "referens",
    "memo_date": "datum",
    "reply_by": "svar senast",
    "sent_later": "skickas ut senare",
    "confidential": "sekretess",
}


def _items(session: Session, meeting_id: int) -> list[AgendaItem]:
    return list(
        session.exec(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(col(AgendaItem.position))
        )
    )


def _renumber(items: list[AgendaItem]) -> None:
    for position, item in enumerate(items, start=1):
        item.position = position


def _meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(f"Det finns inget sammanträde med id {meeting_id}.")
    return meeting


def _numbers(session: Session, organ_id: int, fields: dict, before: Arende | None = None) -> dict:
    """The organ's own diarienummer in its format; another authority's kept as typed.

    A value unchanged since ``before`` is kept: a number written before the organ's
    format changed must not stop the rest of the ärende from being saved.
    """
    out = {k: v for k, v in fields.items() if before is None or getattr(before, k) != v}
    if out.get("dnr") or out.get("related_dnrs"):
        organ = session.get(Organ, organ_id)
        assert organ is not None  # the caller's stored organ
        numbers = dnr_format(organ)
        if out.get("dnr"):
            out["dnr"] = numbers.normalise(out["dnr"])
        if out.get("related_dnrs"):
            out["related_dnrs"] = [numbers.normalise(d) for d in out["related_dnrs"]]
    if out.get("external_ref"):
        out["external_ref"] = external_reference(out["external_ref"])
    return fields | out


def add_new_arende(*, session: Session, meeting_id: int, fields: dict, by: str = "") -> Arende:
    """Register a new ärende for the meeting's organ and put it last on the list."""
    meeting = _meeting(session, meeting_id)
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    fields = cleaned(fields)
    if not str(fields.get("title", "")).strip():
        raise InvalidInput("Ärendet behöver en rubrik.")
    fields = _numbers(session, meeting.organ_id, fields)
    arende = Arende(organ_id=meeting.organ_id, **fields)
    session.add(arende)
    session.flush()
    assert arende.id is not None  # flushed
    place_arende(session=session, meeting_id=meeting_id, arende_id=arende.id, by=by)
    return arende


def place_arende(*, session: Session, meeting_id: int, arende_id: int, by: str = "") -> AgendaItem:
    """Put an already registered, undecided ärende last on the meeting's list."""
    meeting = _meeting(session, meeting_id)
    arende = session.get(Arende, arende_id)
    if arende is None or arende.organ_id != meeting.organ_id:
        raise NotFound("Ärendet finns inte hos den här nämnden.")
    if arende.decided:
        raise InvalidInput(f"”{arende.title}” är redan beslutat och kan inte läggas på listan.")
    items = _items(session, meeting_id)
    if any(item.arende_id == arende_id for item in items):
        raise InvalidInput(f"”{arende.title}” står redan på föredragningslistan.")
    item = AgendaItem(meeting_id=meeting_id, arende_id=arende_id, position=len(items) + 1)
    session.add(item)
    if meeting.status == MeetingStatus.PLANNED:
        set_status(session=session, meeting_id=meeting_id, target=MeetingStatus.DRAFT, by=by)
    note_if_late(
        session=session,
        meeting=meeting,
        title=arende.title,
        label=late_change_label(added=True),
        description=f"Nytt ärende som punkt {item.position}.",
        by=by,
    )
    session.flush()
    return item


def remove_arende(*, session: Session, meeting_id: int, arende_id: int, by: str = "") -> None:
    """Take an ärende off the list (it stays registered) and close the gap."""
    meeting = _meeting(session, meeting_id)
    items = _items(session, meeting_id)
    keep = [item for item in items if item.arende_id != arende_id]
    if len(keep) == len(items):
        raise NotFound("Ärendet står inte på föredragningslistan.")
    for item in items:
        if item.arende_id == arende_id:
            session.delete(item)
    session.flush()
    _renumber(keep)
    note_if_late(
        session=session,
        meeting=meeting,
        title=session.get(Arende, arende_id).title,
        label=late_change_label(added=False),
        description="Ärendet har strukits från föredragningslistan.",
        by=by,
    )
    session.flush()


def move_arende(
    *, session: Session, meeting_id: int, arende_id: int, delta: int, by: str = ""
) -> int:
    """Move an ärende ``delta`` places (negative is up); returns its new number."""
    meeting = _meeting(session, meeting_id)
    items = _items(session, meeting_id)
    index = next((i for i, item in enumerate(items) if item.arende_id == arende_id), None)
    if index is None:
        raise NotFound("Ärendet står inte på föredragningslistan.")
    target = max(0, min(len(items) - 1, index + delta))
    items.insert(target, items.pop(index))
    _renumber(items)
    if target != index:
        note_if_late(
            session=session,
            meeting=meeting,
            title=session.get(Arende, arende_id).title,
            label=late_change_label(added=False),
            description=f"Flyttat från punkt {index + 1} till punkt {target + 1}.",
            by=by,
        )
    session.flush()
    return target + 1


def save_arende(
    *,
    session: Session,
    arende_id: int,
    version: int,
    changes: dict,
    by: str = "",
    also_changed: Sequence[str] = (),
) -> Arende:
    """Apply ``changes`` if nobody saved since ``version`` was read; bump the version.

    After utskick the late-change log names the fields that really changed, plus
    ``also_changed`` (e.g. "bilagor", saved beside the ärende).
    """
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    changes = cleaned(changes)  # pasted control characters would break every export
    before = session.get(Arende, arende_id)
    if before is None:
        raise NotFound("Ärendet finns inte längre.")
    changes = _numbers(session, before.organ_id, changes, before)
    changed = [k for k, v in changes.items() if getattr(before, k) != v]
    save_versioned(
        session,
        Arende,
        arende_id,
        changes,
        version=version,
        conflict=(
            f"”{before.title}” har sparats av någon annan sedan du öppnade det. "
            "Dina ändringar är inte sparade över deras: kopiera din text, öppna ärendet "
            "på nytt och för in den."
        ),
        missing="Ärendet finns inte längre.",
    )
    session.expire_all()
    arende = session.get(Arende, arende_id)
    assert arende is not None  # save_versioned raised NotFound otherwise
    meetings = session.exec(
        select(Meeting).join(AgendaItem).where(AgendaItem.arende_id == arende_id)
    ).all()
    what = sorted(FIELD_LABELS.get(k, k) for k in changed) + list(also_changed)
    for meeting in meetings if what else []:
        note_if_late(
            session=session,
            meeting=meeting,
            title=arende.title,
            label=late_change_label(added=False),
            description="Ändrat: " + ", ".join(what),
            by=by,
        )
    return arende


def undecided_arenden(*, session: Session, meeting_id: int) -> list[Arende]:
    """Registered, undecided ärenden of the meeting's organ that are not on its list."""
    meeting = _meeting(session, meeting_id)
    on_list = select(AgendaItem.arende_id).where(AgendaItem.meeting_id == meeting_id)
    return list(
        session.exec(
            select(Arende)
            .where(
                Arende.organ_id == meeting.organ_id,
                col(Arende.decided).is_(False),
                col(Arende.id).not_in(on_list),
            )
            .order_by(col(Arende.id))
        )
    )


def load_arende(*, session: Session, arende_id: int) -> tuple[Arende, list[Attachment]]:
    """An ärende and its bilagor, for the editor (the version travels with it)."""
    arende = session.get(Arende, arende_id)
    if arende is None:
        raise NotFound("Ärendet finns inte längre.")
    attachments = session.exec(
        select(Attachment)
        .where(Attachment.arende_id == arende_id)
        .order_by(col(Attachment.position))
    ).all()
    return arende, list(attachments)


def replace_attachments(*, session: Session, arende_id: int, attachments: list[Attachment]) -> bool:
    """Store the editor's list of bilagor in its order (title required); True if changed."""
    for attachment in attachments:
        if not attachment.title.strip():
            raise InvalidInput("Varje bilaga behöver en titel.")
    old = session.exec(
        select(Attachment)
        .where(Attachment.arende_id == arende_id)
        .order_by(col(Attachment.position))
    ).all()
    changed = [_attachment_key(a) for a in old] != [_attachment_key(a) for a in attachments]
    # The editor's lines name a file by its [fil: …]; its copy, SHA-256 and version stay.
    kept = {row.file: row for row in old if row.file and row.stored}
    for row in old:
        session.delete(row)
    session.flush()
    for position, attachment in enumerate(attachments, start=1):
        copy = attachment if attachment.stored else kept.get(attachment.file or "")
        session.add(
            Attachment(
                arende_id=arende_id,
                position=position,
                title=attachment.title.strip(),
                file=attachment.file or None,
                confidential=attachment.confidential,
                sent_later=attachment.sent_later,
                sha256=copy.sha256 if copy else None,
                stored=copy.stored if copy else None,
                source=copy.source if copy else None,
                version=copy.version if copy else 1,
            )
        )
    session.flush()
    return changed


def _attachment_key(attachment: Attachment) -> tuple:
    return (
        attachment.title.strip(),
        attachment.file or None,
        attachment.confidential,
        attachment.sent_later,
    )
