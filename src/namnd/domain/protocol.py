"""The protokoll as plain data, shared by the Markdown file, the Word export and the screen.

Storage turns its tables into a :class:`Protocol` and back; renderers and the protocol
file format only see these frozen dataclasses. People are referred to by name (unique
within a protokoll); the party is looked up in the närvaro when printing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from namnd.domain.kinds import AttendeeKind, VoteChoice, YrkandeKind
from namnd.errors import InvalidInput

CHAIR = "ordförande"

_RANGE = re.compile(r"^\s*(?:§§?\s*)?(\d+)\s*(?:[-–]\s*(\d+))?\s*$")


@dataclass(frozen=True)
class ParagraphRange:
    """The §§ someone attended or served, e.g. §§ 14–20."""

    first: int
    last: int

    def __contains__(self, number: object) -> bool:
        return isinstance(number, int) and self.first <= number <= self.last

    @property
    def text(self) -> str:
        """'§ 14' or '§§ 14–20', as printed."""
        if self.first == self.last:
            return f"§ {self.first}"
        return f"§§ {self.first}–{self.last}"

    @classmethod
    def parse(cls, text: str) -> ParagraphRange:
        """Read '§§ 14–20', '14-20' or '§ 14' (InvalidInput otherwise)."""
        match = _RANGE.match(text)
        if not match:
            raise InvalidInput(
                f"Kan inte läsa paragrafintervallet ”{text}” (skriv t.ex. §§ 14–20)."
            )
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if last < first:
            raise InvalidInput(f"Paragrafintervallet ”{text}” slutar före det börjar.")
        return cls(first, last)


@dataclass(frozen=True)
class Attendee:
    """One line of the närvaro.

    A substitute with ``replaces`` is a tjänstgörande ersättare for that ledamot over
    ``paragraphs``; without it the ersättare is present but does not serve. ``paragraphs``
    None means the whole meeting.
    """

    name: str
    party: str = ""
    kind: AttendeeKind = AttendeeKind.MEMBER
    function: str = ""
    replaces: str | None = None
    paragraphs: ParagraphRange | None = None

    @property
    def display(self) -> str:
        """'Tuva Lund (S)', or the name alone for officials."""
        return f"{self.name} ({self.party})" if self.party else self.name

    @property
    def is_chair(self) -> bool:
        return self.function.casefold() == CHAIR

    def present_at(self, number: int) -> bool:
        """Whether the person was in the room for § ``number``."""
        return self.paragraphs is None or number in self.paragraphs


@dataclass(frozen=True)
class Yrkande:
    """A yrkande: who moved what (``text`` completes 'yrkar …' for ändring and tillägg)."""

    by: tuple[str, ...]
    kind: YrkandeKind
    text: str = ""


@dataclass(frozen=True)
class Ballot:
    """One serving member's vote."""

    name: str
    choice: VoteChoice


@dataclass(frozen=True)
class Vote:
    """An omröstning: the voteringsproposition and every serving member's ballot."""

    yes_for: str
    no_for: str
    ballots: tuple[Ballot, ...] = ()

    @property
    def proposition(self) -> str:
        """The voteringsproposition as read out and minuted."""
        return f"Ja för {self.yes_for}, Nej för {self.no_for}."


@dataclass(frozen=True)
class Reservation:
    """Members who reserve themselves against the beslut; ``written`` if handed in."""

    by: tuple[str, ...]
    reason: str = ""
    written: str = ""


@dataclass(frozen=True)
class Note:
    """A protokollsanteckning."""

    by: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class ProtocolParagraph:
    """One § of the protokoll; ``item`` is its number on the föredragningslista, if any."""

    number: int
    title: str
    dnr: str | None = None
    item: int | None = None
    decision_md: str = ""
    yrkanden: tuple[Yrkande, ...] = ()
    process_md: str = ""
    vote: Vote | None = None
    reservations: tuple[Reservation, ...] = ()
    notes: tuple[Note, ...] = ()
    dispatch_to: tuple[str, ...] = ()
    recused: tuple[str, ...] = ()
    immediate: bool = False
    confidential: bool = False


@dataclass(frozen=True)
class Justering:
    """Justering and anslag: who justerar, where and when, and what has happened since."""

    justerare: tuple[str, ...] = ()
    place: str = ""
    date: dt.date | None = None
    time: dt.time | None = None
    justerat_on: dt.date | None = None
    posted_on: dt.date | None = None
    archive: str = ""


@dataclass(frozen=True)
class Correction:
    """A rättelse after justering: visible, with what changed and why.

    ``confidential`` marks the published form of a rättelse of a sekretess §: it keeps
    only the § and the day (``rules.publication``).
    """

    number: int
    what: str
    reason: str
    by: str
    at: dt.datetime
    confidential: bool = False


@dataclass(frozen=True)
class Protocol:
    """A meeting's protokoll: its head, närvaro, §§, justering and rättelser."""

    organ_name: str
    organ_code: str
    date: dt.date
    place: str = ""
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    secretary: str = ""
    attendees: tuple[Attendee, ...] = ()
    paragraphs: tuple[ProtocolParagraph, ...] = ()
    justering: Justering = field(default_factory=Justering)
    corrections: tuple[Correction, ...] = ()

    @property
    def is_justerat(self) -> bool:
        """Justerat: the §§ are closed and only rättelser may change them."""
        return self.justering.justerat_on is not None

    @property
    def chair(self) -> Attendee | None:
        return next((a for a in self.attendees if a.is_chair), None)

    @property
    def numbers(self) -> ParagraphRange | None:
        """'Paragrafer 82–99' on the first page."""
        if not self.paragraphs:
            return None
        return ParagraphRange(self.paragraphs[0].number, self.paragraphs[-1].number)

    def attendee(self, name: str) -> Attendee | None:
        return next((a for a in self.attendees if a.name == name), None)

    def display(self, name: str) -> str:
        """A name with its party from the närvaro ('Per Ek (M)'); unknown names as given."""
        person = self.attendee(name)
        return person.display if person else name

    def paragraph(self, number: int) -> ProtocolParagraph:
        for paragraph in self.paragraphs:
            if paragraph.number == number:
                return paragraph
        raise InvalidInput(f"Protokollet har ingen § {number}.")
