"""Between the protokoll's dataclasses and its rows: JSON parts of a § and the närvaro.

A § and a närvaro line are read from their column values (:data:`PARAGRAPH_COLUMNS`,
:data:`ATTENDEE_COLUMNS`), whether the ORM's row holds them or ``storage.protocol_direct``
read them with sqlite3, so both read a § the same way. The tables are imported only to
write a row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from namnd.domain.kinds import AttendeeKind, VoteChoice, YrkandeKind
from namnd.domain.protocol import (
    Attendee,
    Ballot,
    Correction,
    Justering,
    Note,
    ParagraphRange,
    Protocol,
    ProtocolParagraph,
    Reservation,
    Vote,
    Yrkande,
)
from namnd.rules.plain_text import cleaned

if TYPE_CHECKING:
    from namnd.domain.models import ParagraphRow
    from namnd.domain.protocol_tables import AttendanceRow

#: The protokoll's own row as :func:`protocol_of` takes it.
RECORD_COLUMNS = (
    "end_time",
    "justerare",
    "justering_place",
    "justering_date",
    "justering_time",
    "justerat_on",
    "posted_on",
    "archive",
)
#: A rättelse's row as :func:`protocol_of` takes it.
CORRECTION_COLUMNS = ("number", "what", "reason", "corrected_by", "corrected_at")
#: The columns a printed § is read from, as :func:`paragraph_of` takes them.
PARAGRAPH_COLUMNS = (
    "number",
    "title",
    "dnr",
    "item",
    "decision_md",
    "yrkanden",
    "process_md",
    "vote",
    "reservations",
    "notes",
    "dispatch_to",
    "recused",
    "immediate",
    "confidential",
)
#: The columns a närvaro line is read from, as :func:`attendee_of` takes them.
ATTENDEE_COLUMNS = (
    "name",
    "party",
    "kind",
    "function",
    "replaces",
    "first_paragraph",
    "last_paragraph",
)


def protocol_of(
    *,
    organ: tuple[str, str],
    meeting: tuple[dt.date, str, dt.time | None, str],
    record: Sequence[Any],
    attendees: Iterable[Attendee],
    paragraphs: Iterable[ProtocolParagraph],
    corrections: Iterable[Sequence[Any]],
) -> Protocol:
    """The protokoll from its rows' values.

    ``organ`` is (name, code); ``meeting`` (date, place, start time, secretary);
    ``record`` the protokoll's row and ``corrections`` the rättelser's, in
    :data:`RECORD_COLUMNS` and :data:`CORRECTION_COLUMNS` order.
    """
    end_time, justerare, place, date, time, justerat_on, posted_on, archive = record
    day, meeting_place, start_time, secretary = meeting
    return Protocol(
        organ_name=organ[0],
        organ_code=organ[1],
        date=day,
        place=meeting_place,
        start_time=start_time,
        end_time=end_time,
        secretary=secretary,
        attendees=tuple(attendees),
        paragraphs=tuple(paragraphs),
        justering=Justering(
            justerare=tuple(justerare),
            place=place,
            date=date,
            time=time,
            justerat_on=justerat_on,
            posted_on=posted_on,
            archive=archive,
        ),
        corrections=tuple(Correction(*values) for values in corrections),
    )


def paragraph_from_row(row: ParagraphRow) -> ProtocolParagraph:
    """A stored § as the dataclass everything else reads."""
    return paragraph_of(*(getattr(row, column) for column in PARAGRAPH_COLUMNS))


def paragraph_of(
    number: int,
    title: str,
    dnr: str | None,
    item: int | None,
    decision_md: str,
    yrkanden: list[dict[str, Any]],
    process_md: str,
    vote: dict[str, Any] | None,
    reservations: list[dict[str, Any]],
    notes: list[dict[str, Any]],
    dispatch_to: list[str],
    recused: list[str],
    immediate: bool,
    confidential: bool,
) -> ProtocolParagraph:
    """A § from its column values (JSON columns decoded), in :data:`PARAGRAPH_COLUMNS` order."""
    return ProtocolParagraph(
        number=number,
        title=title,
        dnr=dnr,
        item=item,
        decision_md=decision_md,
        yrkanden=tuple(
            Yrkande(tuple(m["by"]), YrkandeKind(m["kind"]), m.get("text", "")) for m in yrkanden
        ),
        process_md=process_md,
        vote=_vote(vote),
        reservations=tuple(
            Reservation(tuple(r["by"]), r.get("reason", ""), r.get("written", ""))
            for r in reservations
        ),
        notes=tuple(Note(tuple(n["by"]), n["text"]) for n in notes),
        dispatch_to=tuple(dispatch_to),
        recused=tuple(recused),
        immediate=bool(immediate),
        confidential=bool(confidential),
    )


def fill_row(row: ParagraphRow, paragraph: ProtocolParagraph) -> None:
    """Copy everything but the number into ``row`` (numbering is storage's job)."""
    for key, value in paragraph_values(paragraph).items():
        setattr(row, key, value)


def paragraph_values(paragraph: ProtocolParagraph) -> dict:
    """The § as column values, everything but the number (numbering is storage's job).

    Control characters pasted into a text are dropped here, on the way in, so no export
    can fail on them.
    """
    paragraph = cleaned(paragraph)
    return {
        "title": paragraph.title,
        "dnr": paragraph.dnr,
        "item": paragraph.item,
        "decision_md": paragraph.decision_md,
        "yrkanden": [
            {"by": list(m.by), "kind": m.kind.value, "text": m.text} for m in paragraph.yrkanden
        ],
        "process_md": paragraph.process_md,
        "vote": None if paragraph.vote is None else _vote_json(paragraph.vote),
        "reservations": [
            {"by": list(r.by), "reason": r.reason, "written": r.written}
            for r in paragraph.reservations
        ],
        "notes": [{"by": list(n.by), "text": n.text} for n in paragraph.notes],
        "dispatch_to": list(paragraph.dispatch_to),
        "recused": list(paragraph.recused),
        "immediate": paragraph.immediate,
        "confidential": paragraph.confidential,
    }


def attendee_from_row(row: AttendanceRow) -> Attendee:
    """A närvaro row as the dataclass (no range: the whole meeting)."""
    return attendee_of(*(getattr(row, column) for column in ATTENDEE_COLUMNS))


def attendee_of(
    name: str,
    party: str,
    kind: str,
    function: str,
    replaces: str | None,
    first_paragraph: int | None,
    last_paragraph: int | None,
) -> Attendee:
    """A närvaro line from its column values, in :data:`ATTENDEE_COLUMNS` order."""
    span = None
    if first_paragraph is not None:
        span = ParagraphRange(first_paragraph, last_paragraph or first_paragraph)
    return Attendee(
        name=name,
        party=party,
        kind=AttendeeKind(kind),
        function=function,
        replaces=replaces,
        paragraphs=span,
    )


def attendee_row(meeting_id: int, position: int, attendee: Attendee) -> AttendanceRow:
    """The row for one närvaro line at ``position``."""
    from namnd.domain.protocol_tables import AttendanceRow

    span = attendee.paragraphs
    return AttendanceRow(
        meeting_id=meeting_id,
        position=position,
        name=attendee.name,
        party=attendee.party,
        kind=attendee.kind,
        function=attendee.function,
        replaces=attendee.replaces,
        first_paragraph=span.first if span else None,
        last_paragraph=span.last if span else None,
    )


def _vote(data: dict | None) -> Vote | None:
    if data is None:
        return None
    ballots = tuple(Ballot(name, VoteChoice(choice)) for name, choice in data["ballots"])
    return Vote(data["yes_for"], data["no_for"], ballots)


def _vote_json(vote: Vote) -> dict:
    return {
        "yes_for": vote.yes_for,
        "no_for": vote.no_for,
        "ballots": [[b.name, b.choice.value] for b in vote.ballots],
    }
