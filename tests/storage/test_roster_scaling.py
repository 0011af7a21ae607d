"""A roster import does work in proportion to its rows, not to their square.

Not a timed test: it counts the seats made and compared while a table is read and
imported (2 000 rows took 79 s when every row re-read and compared every seat).
"""

from __future__ import annotations

import pytest

from namnd.formats.roster_table import parse_roster_table
from namnd.rules.roster import Seat


def _table(rows: int, offset: int) -> bytes:
    lines = ["Namn\tParti\tRoll\tFrån"]
    for n in range(offset, offset + rows):
        role = "ledamot" if n % 2 else "ersättare"
        lines.append(f"Person {n}\tS\t{role}\t2019-01-01")
    return "\n".join(lines).encode()


def _work(monkeypatch: pytest.MonkeyPatch, store, rows: int, offset: int) -> int:
    """Seats made plus seat pairs compared while ``rows`` rows are parsed and imported."""
    work = 0
    made, overlaps = Seat.__init__, Seat.overlaps

    def counting_init(self, *args, **kwargs):
        nonlocal work
        work += 1
        made(self, *args, **kwargs)

    def counting_overlaps(self, other):
        nonlocal work
        work += 1
        return overlaps(self, other)

    monkeypatch.setattr(Seat, "__init__", counting_init)
    monkeypatch.setattr(Seat, "overlaps", counting_overlaps)
    seats = parse_roster_table(_table(rows, offset))
    assert store.members.import_seats(seats) == rows
    monkeypatch.setattr(Seat, "__init__", made)
    monkeypatch.setattr(Seat, "overlaps", overlaps)
    return work


def test_importing_four_times_the_rows_is_about_four_times_the_work(monkeypatch, demo_store):
    small = _work(monkeypatch, demo_store, 100, 0)
    large = _work(monkeypatch, demo_store, 400, 1000)
    assert large / small < 6, f"100 rows: {small}, 400 rows: {large}"
    assert len(demo_store.members.seats()) == 19 + 500
