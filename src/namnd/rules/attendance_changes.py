"""Närvaro changes during the meeting, which happen between ärenden only.

"Per Ek (M) lämnar sammanträdet efter § 88", "Elin Strand (SD) kommer till § 86",
"Anna Berg (M) tjänstgör för Per Ek (M) från § 89": each is a change to the § ranges of
the närvaro, computed here so the screen only picks who and what. An ersättare who was
in the room before stepping in stands twice, as the protokoll prints it: under Ersättare
for the §§ before, under Beslutande ("för Per Ek (M)") from the § on.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from namnd.domain.kinds import AttendeeKind
from namnd.domain.protocol import Attendee, ParagraphRange, Protocol
from namnd.errors import InvalidInput

LEAVES, ARRIVES, STANDS_IN = "leaves", "arrives", "stands_in"
CHANGES = (
    (LEAVES, "lämnar efter denna §"),
    (ARRIVES, "kommer till denna §"),
    (STANDS_IN, "tjänstgör från denna § för …"),
)


def change(
    protocol: Protocol, name: str, what: str, number: int, replaces: str | None = None
) -> tuple[Attendee, ...]:
    """The närvaro after ``name`` ``what`` at § ``number``."""
    numbers = protocol.numbers
    if numbers is None or number not in numbers:
        raise InvalidInput(f"§ {number} finns inte i protokollet.")
    person = _entry_at(protocol, name, number)
    if person is None:
        raise InvalidInput(f"{name} finns inte i närvaron.")
    span = person.paragraphs or numbers
    if what == LEAVES:
        if number < span.first:
            raise InvalidInput(f"{name} har inte kommit till § {number}.")
        return _replace(protocol, person, paragraphs=ParagraphRange(span.first, number))
    if what == ARRIVES:
        return _replace(protocol, person, paragraphs=ParagraphRange(number, span.last))
    return _stand_in(protocol, person, replaces, number, numbers.last)


def _stand_in(
    protocol: Protocol, person: Attendee, replaces: str | None, number: int, last: int
) -> tuple[Attendee, ...]:
    if person.kind is not AttendeeKind.SUBSTITUTE:
        raise InvalidInput(f"{person.name} är inte ersättare.")
    if not replaces or replaces == person.name:
        raise InvalidInput("Ange vilken ledamot ersättaren tjänstgör för.")
    serves = ParagraphRange(number, last)
    first = (person.paragraphs or protocol.numbers).first  # type: ignore[union-attr]
    if person.replaces is None and first < number:
        # In the room as ersättare before: that line stays, ending before this §, and
        # the serving line joins the end of Beslutande, where the protokoll prints it.
        before = dataclasses.replace(person, paragraphs=ParagraphRange(first, number - 1))
        attendees = _replace(protocol, person, paragraphs=before.paragraphs)
        deciding = [
            i for i, a in enumerate(attendees) if a.kind is AttendeeKind.MEMBER or a.replaces
        ]
        at = deciding[-1] + 1 if deciding else 0
        serving = dataclasses.replace(person, replaces=replaces, paragraphs=serves)
        attendees = (*attendees[:at], serving, *attendees[at:])
    else:
        attendees = _replace(protocol, person, replaces=replaces, paragraphs=serves)
    member = _entry_at(protocol, replaces, number)
    if member is not None and member.present_at(number):
        # The ledamot leaves before this §: the ersättare takes the seat.
        first = (member.paragraphs or protocol.numbers).first  # type: ignore[union-attr]
        if first >= number:
            raise InvalidInput(f"{replaces} har inte tjänstgjort före § {number}.")
        updated = dataclasses.replace(member, paragraphs=ParagraphRange(first, number - 1))
        attendees = tuple(updated if a is member else a for a in attendees)
    return attendees


def _entry_at(protocol: Protocol, name: str, number: int) -> Attendee | None:
    """The person's närvaro line that covers § ``number``, else their last one."""
    entries = [a for a in protocol.attendees if a.name == name]
    return next((a for a in entries if a.present_at(number)), entries[-1] if entries else None)


def _replace(protocol: Protocol, person: Attendee, **changes: Any) -> tuple[Attendee, ...]:
    updated = dataclasses.replace(person, **changes)
    return tuple(updated if a is person else a for a in protocol.attendees)
