"""The roster file: a nämnd's ledamöter and ersättare for a mandate period, as YAML.

    från: 2019-01-01
    till: 2022-12-31
    ledamöter:
    - {namn: Tuva Lund, parti: S, funktion: ordförande}
    - {namn: Erik Holm, parti: S, e-post: erik.holm@kommun.se, telefon: 070-123 45 67}
    ersättare:            # in inkallelseordning
    - {namn: Fredrik Olsson, parti: S}

Documented in ``docs/roster-format.md``; every mistake names its line.
"""

from __future__ import annotations

import datetime as dt

import yaml

from namnd.domain.kinds import MemberRole
from namnd.errors import InvalidInput
from namnd.formats.markdown_sections import FileFormatError
from namnd.rules.roster import Seat, SeatIndex, listed_seat

_GROUPS = (("ledamöter", MemberRole.MEMBER), ("ersättare", MemberRole.SUBSTITUTE))
_ROW_KEYS = {"namn", "parti", "funktion", "e-post", "telefon"}


def parse_roster(text: str) -> list[Seat]:
    """The seats the file lists, in its order (ersättare numbered 1, 2, … as listed)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise FileFormatError(mark.line + 1 if mark else 1, "filen är inte giltig YAML.") from None
    if not isinstance(root, yaml.MappingNode):
        raise FileFormatError(1, "filen ska börja med från:, till:, ledamöter: och ersättare:.")
    top = {_text(key): (key, value) for key, value in root.value}
    unknown = set(top) - {"från", "till", "nämnd", *(g for g, _ in _GROUPS)}
    if unknown:
        key = top[sorted(unknown)[0]][0]
        raise FileFormatError(_line(key), f"okänd rubrik ”{key.value}”.")
    first_day = _date(top, "från", required=True)
    assert first_day is not None, "a required date is there or refused"
    last_day = _date(top, "till", required=False)
    listed = SeatIndex()
    for group, role in _GROUPS:
        if group not in top:
            continue
        key, rows = top[group]
        if not isinstance(rows, yaml.SequenceNode):
            raise FileFormatError(_line(key), f"{group}: ska vara en lista med ”- namn: …”.")
        for order, row in enumerate(rows.value, start=1):
            _seat(listed, row, role, order, first_day, last_day)
    if not listed.seats:
        raise FileFormatError(1, "filen listar varken ledamöter eller ersättare.")
    return listed.seats


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _text(node: yaml.Node) -> str:
    """A plain value; a list or mapping where text belongs is a mistake on its line."""
    if not isinstance(node, yaml.ScalarNode):
        raise FileFormatError(_line(node), "här ska stå en text, inte en lista eller tabell.")
    return str(node.value)


def _date(
    top: dict[str, tuple[yaml.Node, yaml.Node]], name: str, *, required: bool
) -> dt.date | None:
    if name not in top:
        if required:
            raise FileFormatError(1, f"{name}: saknas (mandatperiodens första dag, ÅÅÅÅ-MM-DD).")
        return None
    key, value = top[name]
    text = _text(value)
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise FileFormatError(
            _line(key), f"{name}: ”{text}” är inget datum (ÅÅÅÅ-MM-DD)."
        ) from None


def _seat(
    listed: SeatIndex,
    row: yaml.Node,
    role: MemberRole,
    order: int,
    first_day: dt.date,
    last_day: dt.date | None,
) -> Seat:
    line = _line(row)
    if not isinstance(row, yaml.MappingNode):
        raise FileFormatError(line, "skriv en person som {namn: …, parti: …}.")
    values = {_text(k): _text(v) for k, v in row.value}
    unknown = set(values) - _ROW_KEYS
    if unknown:
        raise FileFormatError(
            line, f"okänt fält ”{sorted(unknown)[0]}” (namn, parti, funktion, e-post, telefon)."
        )
    try:
        return listed_seat(
            listed,
            name=values.get("namn", ""),
            party=values.get("parti", ""),
            role=role,
            function=values.get("funktion", ""),
            order=order,
            first_day=first_day,
            last_day=last_day,
            email=values.get("e-post", ""),
            phone=values.get("telefon", ""),
        )
    except InvalidInput as err:
        raise FileFormatError(line, str(err)) from None
