"""Between the protokoll's dataclasses and its rows: JSON parts of a § and the närvaro."""

from __future__ import annotations

from namnd.domain.kinds import AttendeeKind, VoteChoice, YrkandeKind
from namnd.domain.models import ParagraphRow
from namnd.domain.protocol import (
    Attendee,
    Ballot,
    Note,
    ParagraphRange,
    ProtocolParagraph,
    Reservation,
    Vote,
    Yrkande,
)
from namnd.domain.protocol_tables import AttendanceRow
from namnd.rules.plain_text import cleaned


def paragraph_from_row(row: ParagraphRow) -> ProtocolParagraph:
    """A stored § as the dataclass everything else reads."""
    return ProtocolParagraph(
        number=row.number,
        title=row.title,
        dnr=row.dnr,
        item=row.item,
        decision_md=row.decision_md,
        yrkanden=tuple(
            Yrkande(tuple(m["by"]), YrkandeKind(m["kind"]), m.get("text", "")) for m in row.yrkanden
        ),
        process_md=row.process_md,
        vote=_vote(row.vote),
        reservations=tuple(
            Reservation(tuple(r["by"]), r.get("reason", ""), r.get("written", ""))
            for r in row.reservations
        ),
        notes=tuple(Note(tuple(n["by"]), n["text"]) for n in row.notes),
        dispatch_to=tuple(row.dispatch_to),
        recused=tuple(row.recused),
        immediate=row.immediate,
        confidential=row.confidential,
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
    span = None
    if row.first_paragraph is not None:
        span = ParagraphRange(row.first_paragraph, row.last_paragraph or row.first_paragraph)
    return Attendee(
        name=row.name,
        party=row.party,
        kind=AttendeeKind(row.kind),
        function=row.function,
        replaces=row.replaces,
        paragraphs=span,
    )


def attendee_row(meeting_id: int, position: int, attendee: Attendee) -> AttendanceRow:
    """The row for one närvaro line at ``position``."""
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
