"""The närvaro as the lines a protokoll prints, for editing it as text.

One person per line, exactly as on the first page: ``Tuva Lund (S), ordförande``,
``Anna Berg (M) för Anna Wikström (M), §§ 14–20``, ``Tuire Hattula, enhetschef, § 85``.
Which box a line is in decides the kind: beslutande, ersättare or övriga närvarande.
"""

from __future__ import annotations

import re

from namnd.domain.kinds import AttendeeKind
from namnd.domain.protocol import Attendee, ParagraphRange, Protocol
from namnd.errors import InvalidInput
from namnd.rules.protocol_text import attendance_line

BOXES = (
    ("deciding", "Beslutande"),
    ("substitutes", "Ersättare (närvarande, tjänstgör inte)"),
    ("others", "Övriga närvarande"),
)

_LINE = re.compile(
    r"^(?P<name>[^(,]+?)\s*(?:\((?P<party>[^)]*)\))?"
    r"(?:\s+för\s+(?P<for>[^(,]+?)\s*(?:\([^)]*\))?)?"
    r"(?:\s*,\s*(?P<rest>.*))?$"
)


def boxes(protocol: Protocol) -> dict[str, str]:
    """The three boxes' text for the närvaro editor."""
    groups: dict[str, list[str]] = {key: [] for key, _ in BOXES}
    for attendee in protocol.attendees:
        groups[_box(attendee)].append(attendance_line(protocol, attendee))
    return {key: "\n".join(lines) for key, lines in groups.items()}


def _box(attendee: Attendee) -> str:
    if attendee.kind is AttendeeKind.OTHER:
        return "others"
    if attendee.kind is AttendeeKind.SUBSTITUTE and not attendee.replaces:
        return "substitutes"
    return "deciding"


def parse_boxes(texts: dict[str, str]) -> list[Attendee]:
    """Read the three boxes back (InvalidInput naming the box and line)."""
    people: list[Attendee] = []
    for key, label in BOXES:
        for number, line in enumerate(texts.get(key, "").splitlines(), start=1):
            if line.strip():
                try:
                    people.append(parse_line(line, key))
                except InvalidInput as err:
                    raise InvalidInput(f"{label}, rad {number}: {err}") from None
    return people


def parse_line(line: str, box: str) -> Attendee:
    """One printed närvaro line as an Attendee of the box's kind."""
    match = _LINE.match(line.strip())
    if not match or not match["name"].strip():
        raise InvalidInput(
            f"Kan inte läsa ”{line.strip()}” (skriv t.ex. Tuva Lund (S), ordförande)."
        )
    replaces = match["for"].strip() if match["for"] else None
    if replaces and box != "deciding":
        raise InvalidInput("Bara en tjänstgörande ersättare står ”för” någon, under Beslutande.")
    function, span = "", None
    for part in (p.strip() for p in (match["rest"] or "").split(",")):
        if part.startswith("§"):
            span = ParagraphRange.parse(part)
        elif part:
            function = f"{function}, {part}" if function else part
    kind = {
        "deciding": AttendeeKind.SUBSTITUTE if replaces else AttendeeKind.MEMBER,
        "substitutes": AttendeeKind.SUBSTITUTE,
        "others": AttendeeKind.OTHER,
    }[box]
    return Attendee(
        name=match["name"].strip(),
        party=(match["party"] or "").strip(),
        kind=kind,
        function=function,
        replaces=replaces,
        paragraphs=span,
    )
