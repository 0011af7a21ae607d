"""Förhinder and inkallelse: which ersättare to call in, and the närvaro that follows.

The inkallelseordning itself is the roster's (:func:`namnd.rules.roster.call_in`);
this module only says who is unavailable for it: the ledamöter and ersättare with
förhinder, and the ersättare already called in for someone else. An inkallelse the mail
server refused did not call anyone in, so the förhinder stays open and the next proposal
may name the same ersättare again (with a corrected address) or the secretary picks another.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from namnd.domain.kinds import AttendeeKind, CallInMethod, MemberRole
from namnd.domain.protocol import Attendee
from namnd.rules.roster import Seat, call_in

#: A ledamot with förhinder and the ersättare to call, the first proposed.
Proposal = tuple[Seat, list[Seat]]


def local(moment: dt.datetime) -> dt.datetime:
    """A stored moment on this computer's clock (SQLite gives it back without its UTC zone)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone()


@dataclass(frozen=True)
class CallIn:
    """One attempt to call an ersättare in, as recorded."""

    substitute: str
    method: CallInMethod
    called_at: dt.datetime
    sent_at: dt.datetime | None = None
    #: The server's refusal, the .eml written, or the phone number to ring.
    delivery: str = ""
    recorded_by: str = ""

    @property
    def calls_in(self) -> bool:
        """Delivered, drafted for Outlook or telephoned; a refused e-mail is not."""
        return self.method is not CallInMethod.EMAIL or self.sent_at is not None

    @property
    def status(self) -> str:
        """'skickad 2019-09-16 08:15', 'ej skickad: servern svarade 550 …', 'ringer själv'."""
        if self.method is CallInMethod.EMAIL:
            if self.sent_at is not None:
                return f"e-post skickad {local(self.sent_at):%Y-%m-%d %H:%M}"
            return f"ej skickad: {self.delivery}"
        return f"{self.method.label}: {self.delivery}" if self.delivery else self.method.label


@dataclass(frozen=True)
class Forhinder:
    """A seat-holder's förhinder for one meeting, with every inkallelse made for it."""

    id: int
    name: str
    party: str
    role: MemberRole
    reported_at: dt.datetime
    note: str = ""
    recorded_by: str = ""
    call_ins: tuple[CallIn, ...] = ()

    @property
    def display(self) -> str:
        return f"{self.name} ({self.party})" if self.party else self.name

    @property
    def called_in(self) -> CallIn | None:
        """The inkallelse that stands (the last one that called someone in), if any."""
        return next((c for c in reversed(self.call_ins) if c.calls_in), None)

    def line(self) -> str:
        """'Per Ek (M), ledamot – sjuk (anmält 2019-09-16 08:15) · Anna Berg: ringer själv'."""
        note = f" – {self.note}" if self.note else ""
        reported = f"{local(self.reported_at):%Y-%m-%d %H:%M}"
        text = f"{self.display}, {self.role.label}{note} (anmält {reported})"
        if self.call_ins:
            last = self.called_in or self.call_ins[-1]
            text += f" · {last.substitute}: {last.status}"
        return text


def proposals(
    seats: Sequence[Seat], day: dt.date, forhinder: Sequence[Forhinder]
) -> list[Proposal]:
    """Each ledamot with förhinder and no ersättare yet, with the ersättare to call in order.

    ``call_in`` treats everyone named "present" as neither missing nor free to be called,
    which is exactly what a ledamot without förhinder, an ersättare with förhinder and an
    ersättare already called in are.
    """
    absent = {f.name for f in forhinder}
    serving = {f.called_in.substitute for f in forhinder if f.called_in}
    replaced = {f.name for f in forhinder if f.called_in}
    members = {s.name for s in seats if s.role is MemberRole.MEMBER and s.holds_on(day)}
    unavailable = (members - absent) | (absent - members) | serving
    return call_in(seats, day, unavailable, replaced)


def starting_attendance(
    members: Sequence[Attendee],
    seats: Sequence[Seat],
    day: dt.date,
    forhinder: Sequence[Forhinder],
) -> list[Attendee]:
    """The närvaro a protokoll opens with, the förhinder applied.

    A ledamot with förhinder is absent; the ersättare called in serves for them, in their
    place on the list.
    """
    standing = {f.name: f.called_in for f in forhinder}
    parties = {s.name: s.party for s in seats if s.holds_on(day)}
    people: list[Attendee] = []
    for member in members:
        if member.kind is not AttendeeKind.MEMBER or member.name not in standing:
            people.append(member)
            continue
        called = standing[member.name]
        if called is not None:
            people.append(
                Attendee(
                    name=called.substitute,
                    party=parties.get(called.substitute, ""),
                    kind=AttendeeKind.SUBSTITUTE,
                    replaces=member.name,
                )
            )
    return people
