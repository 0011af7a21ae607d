"""Närvaro changes during the meeting, which happen between ärenden only.

"Per Ek (M) lämnar sammanträdet efter § 88", "Elin Strand (SD) kommer till § 86",
"Anna Berg (M) tjänstgör för Per Ek (M) från § 89": each is a change to the § ranges of
the närvaro, computed here so the screen only picks who and what.
"""

from __future__ import annotations

import dataclasses

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
    person = protocol.attendee(name)
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
    attendees = _replace(
        protocol, person, replaces=replaces, paragraphs=ParagraphRange(number, last)
    )
    member = protocol.attendee(replaces)
    if member is not None and member.present_at(number):
        # The ledamot leaves before this §: the ersättare takes the seat.
        first = (member.paragraphs or protocol.numbers).first  # type: ignore[union-attr]
        if first >= number:
            raise InvalidInput(f"{replaces} har inte tjänstgjort före § {number}.")
        updated = dataclasses.replace(member, paragraphs=ParagraphRange(first, number - 1))
        attendees = tuple(updated if a.name == replaces else a for a in attendees)
    return attendees


def _replace(protocol: Protocol, person: Attendee, **changes) -> tuple[Attendee, ...]:
    updated = dataclasses.replace(person, **changes)
    return tuple(updated if a.name == person.name else a for a in protocol.attendees)
