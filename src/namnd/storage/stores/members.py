"""``store.members``: the organ's ledamöter and ersättare (every seat it has had)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from namnd.storage.schedule import find_organ
from namnd.storage.stores._part import Part

if TYPE_CHECKING:
    from collections.abc import Sequence

    from namnd.rules.roster import Seat


class MemberStore(Part):
    """List, save, end and import seats of one organ (the only one when none is named)."""

    def seats(self, organ_code: str | None = None) -> list[Seat]:
        """Every seat the organ has had (ended ones too), in roster order."""
        from namnd.storage import members

        with self._read() as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            return members.list_seats(session=session, organ_id=organ.id)

    def save_seat(
        self, seat: Seat, organ_code: str | None = None, *, expected: Seat | None = None
    ) -> Seat:
        """Add a seat (no id) or change one; a Swedish error if it clashes with another.

        StaleEdit if the seat is no longer as ``expected`` (someone else saved first).
        """
        from namnd.storage import members

        with self._session() as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            return members.save_seat(
                session=session, organ_id=organ.id, seat=seat, expected=expected
            )

    def end_seat(self, seat_id: int, last_day: dt.date, organ_code: str | None = None) -> Seat:
        """End a seat after ``last_day``; the seat stays in the register's history."""
        from namnd.storage import members

        with self._session() as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            return members.end_seat(
                session=session, organ_id=organ.id, seat_id=seat_id, last_day=last_day
            )

    def import_seats(self, seats: Sequence[Seat], organ_code: str | None = None) -> int:
        """Add a roster file's seats, all or nothing; how many were new."""
        from namnd.storage import members

        with self._session() as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            return members.import_seats(session=session, organ_id=organ.id, seats=seats)
