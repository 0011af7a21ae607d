"""Who may have reviewed a kallelse: the presidium on the day, ordförande first."""

from __future__ import annotations

import datetime as dt

from namnd.domain.kinds import MemberRole, Position
from namnd.rules.roster import Seat, presidium_names

DAY = dt.date(2020, 1, 27)


def _seat(name: str, position: Position | None, last: dt.date | None = None) -> Seat:
    return Seat(name, "S", MemberRole.MEMBER, dt.date(2019, 1, 1), last, position)


def test_ordforande_first_then_the_vice_chairs_holding_on_the_day():
    seats = [
        _seat("Per Ek", Position.SECOND_VICE_CHAIR),
        _seat("Anna Berg", None),
        _seat("Maria Lindqvist", Position.FIRST_VICE_CHAIR),
        _seat("Tuva Lund", Position.CHAIR),
        _seat("Gammal Ordförande", Position.CHAIR, last=dt.date(2019, 12, 31)),
    ]
    assert presidium_names(seats, DAY, "Tuva Lund (S)") == [
        "Tuva Lund (S)",
        "Maria Lindqvist (S)",
        "Per Ek (S)",
    ]


def test_the_kallelses_ordforande_is_offered_when_the_register_lacks_them():
    assert presidium_names([], DAY, "Tuva Lund (S)") == ["Tuva Lund (S)"]
    assert presidium_names([], DAY, "") == []
