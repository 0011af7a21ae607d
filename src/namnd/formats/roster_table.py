"""The roster as a table from Excel or another system: one row per seat.

Headings (any order, case and spacing ignored): ``Namn``, ``Parti``, ``Roll`` (ledamot
or ersättare) and optionally ``Funktion``, ``Från``, ``Till``, ``E-post`` and ``Telefon``.
Rows without Från take the mandate period given on the command line. Ersättare are
numbered 1, 2, … in the order listed. Every mistake names its line; documented in
``docs/roster-format.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal, overload

from namnd.domain.kinds import MemberRole
from namnd.errors import InvalidInput
from namnd.formats.markdown_sections import FileFormatError
from namnd.formats.tables import Record, cell_text, read_records
from namnd.rules.roster import Seat, SeatIndex, listed_seat
from namnd.rules.swedish_dates import parse_iso_date

HEADINGS = {"namn": "name", "parti": "party", "roll": "role", "funktion": "position"}
HEADINGS |= {"från": "first_day", "till": "last_day", "e-post": "email", "telefon": "phone"}
REQUIRED = ("name", "party", "role")


def parse_roster_table(
    data: bytes,
    *,
    name: str = "Filen",
    first_day: dt.date | None = None,
    last_day: dt.date | None = None,
) -> list[Seat]:
    """The seats the table lists, checked against each other.

    The first mistake is a Swedish error naming its line; nothing is returned then.
    """
    records = read_records(data, name=name)
    if records.errors:
        raise InvalidInput(records.errors[0])
    rows = iter(records.rows)
    columns = _columns(rows)
    listed = SeatIndex()
    substitutes = 0
    for line, cells in rows:
        values = {key: cell_text(cells[i]) if i < len(cells) else "" for key, i in columns.items()}
        if not any(values.values()):
            continue
        try:
            role = MemberRole.from_label(values["role"])
            substitutes += role is MemberRole.SUBSTITUTE
            listed_seat(
                listed,
                name=values["name"],
                party=values["party"],
                role=role,
                function=values.get("position", ""),
                order=substitutes,
                first_day=_day(values.get("first_day"), first_day, "från"),
                last_day=_day(values.get("last_day"), last_day, "till", required=False),
                email=values.get("email", ""),
                phone=values.get("phone", ""),
            )
        except InvalidInput as err:
            raise FileFormatError(line, str(err)) from None
    if not listed.seats:
        raise InvalidInput(f"{name} listar varken ledamöter eller ersättare.")
    return listed.seats


def _columns(rows: Iterator[Record]) -> dict[str, int]:
    for line, cells in rows:
        headings = [cell_text(c).casefold() for c in cells]
        if not any(headings):
            continue
        columns = {HEADINGS[h]: i for i, h in enumerate(headings) if h in HEADINGS}
        missing = [
            h.capitalize() for h, key in HEADINGS.items() if key in REQUIRED and key not in columns
        ]
        if missing:
            raise FileFormatError(
                line,
                f"kolumnen {', '.join(missing)} saknas (rubriker: Namn, Parti, Roll, "
                "Funktion, Från, Till, E-post, Telefon).",
            )
        return columns
    raise InvalidInput("Filen har ingen rubrikrad.")


@overload
def _day(
    text: str | None, default: dt.date | None, what: str, *, required: Literal[True] = ...
) -> dt.date: ...
@overload
def _day(
    text: str | None, default: dt.date | None, what: str, *, required: Literal[False]
) -> dt.date | None: ...
def _day(
    text: str | None, default: dt.date | None, what: str, *, required: bool = True
) -> dt.date | None:
    if text:
        return parse_iso_date(text[:10], what=f"datum i kolumnen {what.capitalize()}")
    if default is None and required:
        raise InvalidInput(
            f"{what.capitalize()} saknas: fyll i kolumnen eller ange mandatperiodens första dag "
            "(--from)."
        )
    return default
