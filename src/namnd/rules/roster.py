"""The nämnd's seats: who sits as ledamot or ersättare, for which party, and when.

Pure rules the register, the roster file and the TUI share: what a valid seat is, which
seats overlap, and the order a kallelse or protokoll lists them in (presidium first,
then ledamöter as entered, then ersättare in inkallelseordning).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from namnd.domain.kinds import MemberRole, Position
from namnd.errors import InvalidInput
from namnd.rules.addresses import checked_email, checked_phone
from namnd.rules.swedish_dates import parse_iso_date

#: A party's abbreviation as printed ("S", "MP", "KD"), or "-" for a politiskt obunden.
_PARTY = re.compile(r"^(?:-|[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,5})$")


@dataclass(frozen=True)
class Seat:
    """One person's seat in the organ over a period (``last_day`` None: until further)."""

    name: str
    party: str
    role: MemberRole
    first_day: dt.date
    last_day: dt.date | None = None
    position: Position | None = None
    #: Inkallelseordning for ersättare (1 is called first); None for ledamöter.
    order: int | None = None
    #: The register's id once stored.
    id: int | None = None
    #: Where kallelser and inkallelser go, and a number to call (the person's, not the seat's).
    email: str = ""
    phone: str = ""

    @property
    def display(self) -> str:
        """'Tuva Lund (S)', as närvaro and kallelse print it."""
        return f"{self.name} ({self.party})"

    def holds_on(self, day: dt.date) -> bool:
        return self.first_day <= day and (self.last_day is None or day <= self.last_day)

    def overlaps(self, other: Seat) -> bool:
        return self.first_day <= (other.last_day or dt.date.max) and other.first_day <= (
            self.last_day or dt.date.max
        )


def checked(seat: Seat) -> Seat:
    """The seat with its text trimmed, or a Swedish error saying what is wrong."""
    seat = dataclasses.replace(seat, name=" ".join(seat.name.split()), party=seat.party.strip())
    if not seat.name:
        raise InvalidInput("Namn saknas.")
    seat = dataclasses.replace(
        seat,
        email=checked_email(seat.email, what=f"{seat.name}: e-post"),
        phone=checked_phone(seat.phone, what=f"{seat.name}: telefon"),
    )
    if not _PARTY.match(seat.party):
        raise InvalidInput(
            f"Partiet ”{seat.party}” ska skrivas som sin förkortning, t.ex. S, M, MP eller KD "
            "(- för politiskt obunden)."
        )
    if seat.last_day is not None and seat.last_day < seat.first_day:
        raise InvalidInput(f"{seat.name}: uppdraget kan inte sluta före det börjar.")
    if seat.role is MemberRole.SUBSTITUTE and seat.position is not None:
        raise InvalidInput(f"{seat.name}: en ersättare kan inte vara {seat.position.label}.")
    if seat.role is MemberRole.MEMBER and seat.order is not None:
        seat = dataclasses.replace(seat, order=None)
    return seat


class SeatIndex:
    """Seats looked up by name and by presidium post, the only seats a new one can clash with.

    Checking each row of a roster against all the rows before it made an import of n
    rows n² comparisons; through the index each row meets only its namesakes and the
    holders of its post.
    """

    def __init__(self, seats: Iterable[Seat] = ()) -> None:
        self.seats: list[Seat] = []
        self._by_name: dict[str, list[tuple[int, Seat]]] = {}
        self._by_position: dict[Position, list[tuple[int, Seat]]] = {}
        self._keys: set[Seat] = set()
        for seat in seats:
            self.add(seat)

    def add(self, seat: Seat) -> None:
        entry = (len(self.seats), seat)
        self.seats.append(seat)
        self._by_name.setdefault(seat.name, []).append(entry)
        if seat.position is not None:
            self._by_position.setdefault(seat.position, []).append(entry)
        self._keys.add(_key(seat))

    def has_alike(self, seat: Seat) -> bool:
        """A seat equal to ``seat`` in everything but its id and contact details is listed."""
        return _key(seat) in self._keys

    def conflicts(self, seat: Seat) -> list[str]:
        """As :func:`conflicts` against every listed seat, in the order they were listed."""
        candidates = dict(self._by_name.get(seat.name, []))
        if seat.position is not None:
            candidates.update(self._by_position.get(seat.position, []))
        return conflicts(seat, (candidates[i] for i in sorted(candidates)))


def _key(seat: Seat) -> Seat:
    """The seat itself: contact details belong to the person and may be added later."""
    return dataclasses.replace(seat, id=None, email="", phone="")


def listed_seat(
    listed: SeatIndex,
    *,
    name: str,
    party: str,
    role: MemberRole,
    function: str,
    order: int,
    first_day: dt.date,
    last_day: dt.date | None,
    email: str = "",
    phone: str = "",
) -> Seat:
    """A row of a roster list (file or table): checked, clashing with no row before it.

    The seat is added to ``listed``; ``order`` is the row's place among the ersättare
    (ledamöter have none).
    """
    seat = checked(
        Seat(
            name=name,
            party=party,
            role=role,
            first_day=first_day,
            last_day=last_day,
            position=Position.from_label(function) if function.strip() else None,
            order=order if role is MemberRole.SUBSTITUTE else None,
            email=email,
            phone=phone,
        )
    )
    problems = listed.conflicts(seat)
    if problems:
        raise InvalidInput(problems[0])
    listed.add(seat)
    return seat


def conflicts(seat: Seat, others: Iterable[Seat]) -> list[str]:
    """Why ``seat`` cannot stand beside ``others`` (the same person twice, two chairs)."""
    problems = []
    for other in others:
        if (other.id is not None and other.id == seat.id) or not seat.overlaps(other):
            continue
        if other.name == seat.name:
            problems.append(
                f"{seat.name} har redan en plats i nämnden under samma tid "
                f"({other.role.label}, {period(other)})."
            )
        elif seat.position is not None and other.position is seat.position:
            problems.append(
                f"{other.display} är redan {seat.position.label} under samma tid ({period(other)})."
            )
    return problems


def period(seat: Seat) -> str:
    """'2019-01-01–2022-12-31', or '2019-01-01–' while it runs."""
    last = seat.last_day.isoformat() if seat.last_day else ""
    return f"{seat.first_day.isoformat()}–{last}"


def roster_order(seats: Sequence[Seat]) -> list[Seat]:
    """Ledamöter (ordförande, vice ordförande, then as entered), then ersättare by order."""
    presidium = list(Position)

    def key(seat: Seat) -> tuple[int, int, int]:
        if seat.role is MemberRole.MEMBER:
            rank = presidium.index(seat.position) if seat.position else len(presidium)
            return (0, rank, seat.id or 0)
        return (1, seat.order or 999, seat.id or 0)

    return sorted(seats, key=key)


def next_order(seats: Iterable[Seat], day: dt.date) -> int:
    """The inkallelseordning a new ersättare gets: after those holding a seat on ``day``."""
    orders = [
        s.order
        for s in seats
        if s.role is MemberRole.SUBSTITUTE and s.order is not None and s.holds_on(day)
    ]
    return max(orders, default=0) + 1


COLUMNS = ("Roll", "Nr", "Namn", "Parti", "Funktion", "Period")


def seat_cells(seat: Seat) -> tuple[str, ...]:
    """One seat as the register's table shows it (terminal list and TUI alike)."""
    return (
        seat.role.label,
        str(seat.order) if seat.order is not None else "",
        seat.name,
        seat.party,
        seat.position.label if seat.position else "",
        period(seat),
    )


def seat_from_fields(values: dict[str, str], *, seat_id: int | None = None) -> Seat:
    """A seat from the form's text fields, or a Swedish error naming the field."""
    function = values.get("position", "")
    order = values.get("order", "").strip()
    if order and not order.isdigit():
        raise InvalidInput(f"Inkallelseordningen ”{order}” ska vara ett heltal, t.ex. 3.")
    last = values.get("last_day", "").strip()
    return checked(
        Seat(
            id=seat_id,
            name=values.get("name", ""),
            party=values.get("party", ""),
            role=MemberRole(values.get("role") or MemberRole.MEMBER),
            position=Position(function) if function else None,
            order=int(order) if order else None,
            first_day=parse_iso_date(values.get("first_day", ""), what="första dag"),
            last_day=parse_iso_date(last, what="sista dag") if last else None,
            email=values.get("email", ""),
            phone=values.get("phone", ""),
        )
    )


def call_in(
    seats: Sequence[Seat], day: dt.date, present: set[str], replaced: set[str]
) -> list[tuple[Seat, list[Seat]]]:
    """Each ledamot neither present nor replaced on ``day``, with the ersättare to call.

    Ersättare of the ledamot's own party come first, in inkallelseordning, then the
    others in theirs; each is proposed for one empty seat only, and no one already in
    the room is proposed.
    """
    holding = [s for s in roster_order(seats) if s.holds_on(day)]
    free = [s for s in holding if s.role is MemberRole.SUBSTITUTE and s.name not in present]
    proposed: list[tuple[Seat, list[Seat]]] = []
    for member in (s for s in holding if s.role is MemberRole.MEMBER):
        if member.name in present or member.name in replaced:
            continue
        own = [s for s in free if s.party == member.party]
        others = [s for s in free if s.party != member.party]
        order = own + others
        if order:
            free.remove(order[0])
        proposed.append((member, order))
    return proposed


def call_in_text(proposals: list[tuple[Seat, list[Seat]]]) -> str:
    """'Per Ek (M) saknas: kalla in Anna Berg (M) (sedan Fredrik Olsson (S))', one a line."""
    lines = []
    for member, order in proposals:
        if not order:
            lines.append(f"{member.display} saknas: ingen ersättare kvar att kalla in.")
            continue
        then = f" (sedan {', '.join(s.display for s in order[1:3])})" if order[1:] else ""
        lines.append(f"{member.display} saknas: kalla in {order[0].display}{then}.")
    return "\n".join(lines)


#: The presidium in order of rank.
PRESIDIUM = (Position.CHAIR, Position.FIRST_VICE_CHAIR, Position.SECOND_VICE_CHAIR)


def presidium_names(seats: Sequence[Seat], day: dt.date, chair_name: str) -> list[str]:
    """Who may have reviewed a kallelse: the presidium on ``day``, ordförande first.

    ``chair_name`` is the ordförande as the kallelse prints it ("Tuva Lund (S)").
    """
    presidium = sorted(
        (s for s in seats if s.position in PRESIDIUM and s.holds_on(day)),
        key=lambda s: PRESIDIUM.index(s.position),
    )
    names = [s.display for s in presidium]
    if chair_name and not any(chair_name.startswith(s.name) for s in presidium):
        names.insert(0, chair_name)
    return names
