"""A meeting's protokoll, as its Word file prints it, read with the standard library's sqlite3.

``namnd export protokoll --format docx`` spent longer importing SQLAlchemy, SQLModel and
the tables than python-docx takes to write the whole document. On an up-to-date SQLite
workspace the command reads here, in one read transaction, what the Store's reader
(``operations.protocol_export.read_protocol``) reads in its snapshot: the protokoll (its
rows decoded by ``storage.protocol_codec``, as the Store's are), what each § prints of
its ärende, the Delegationsbeslut ärende's decisions and lists, the organ's rules with
the days recorded in the protokoll, and the organ's Word template. The Store reads
everywhere else (PostgreSQL, the public version, the TUI);
``tests/storage/test_protocol_direct.py`` keeps the two readers' results equal.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, NamedTuple

from namnd.domain.kinds import ArendeKind
from namnd.domain.protocol import Protocol
from namnd.domain.views import PrintedItem
from namnd.formats.delegation_lists import ListRow
from namnd.formats.word_template import organ_template
from namnd.rules import deadlines
from namnd.rules.delegation_summary import delegation_position
from namnd.storage.delegation_batch import ImportView
from namnd.storage.meeting_ref import no_protocol_yet
from namnd.storage.protocol_codec import (
    ATTENDEE_COLUMNS,
    CORRECTION_COLUMNS,
    PARAGRAPH_COLUMNS,
    RECORD_COLUMNS,
    attendee_of,
    paragraph_of,
    protocol_of,
)
from namnd.storage.sqlite_direct import connect_current, find_meeting
from namnd.storage.workspace import Workspace


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _time(value: str | None) -> dt.time | None:
    return None if value is None else dt.time.fromisoformat(value)


def _datetime(value: str | None) -> dt.datetime | None:
    """A stored moment; the Store reads them back in UTC, as they are written."""
    if value is None:
        return None
    moment = dt.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _json(value: str | None) -> Any:
    return None if value is None else json.loads(value)


#: How SQLAlchemy's column types read a stored value back, for the columns read here
#: that are not plain text or integers (the rest are read as they are).
_DECODE: dict[str, Callable[[Any], Any]] = {
    "end_time": _time,
    "justering_time": _time,
    "start_time": _time,
    "justering_date": _date,
    "justerat_on": _date,
    "posted_on": _date,
    "date": _date,
    "memo_date": _date,
    "decision_date": _date,
    "corrected_at": _datetime,
    "imported_at": _datetime,
    "justerare": _json,
    "yrkanden": _json,
    "vote": _json,
    "reservations": _json,
    "notes": _json,
    "dispatch_to": _json,
    "recused": _json,
    "proposal": _json,
    "warnings": _json,
}


def _select(columns: Sequence[str], rest: str) -> str:
    # "immediate" is an SQL keyword: the table names that column in quotes.
    named = ", ".join('"immediate"' if c == "immediate" else c for c in columns)
    return f"SELECT {named} {rest}"


def _rows(
    connection: sqlite3.Connection, columns: Sequence[str], rest: str, *args: object
) -> list[list[Any]]:
    """``columns`` of the rows ``rest`` (FROM …) selects, decoded as the ORM reads them."""
    decoders = [_DECODE.get(column) for column in columns]
    return [
        [
            value if decode is None else decode(value)
            for decode, value in zip(decoders, row, strict=True)
        ]
        for row in connection.execute(_select(columns, rest), args)
    ]


class Decision(NamedTuple):
    """An anmält delegationsbeslut of the Delegationsbeslut ärende."""

    delegate_group: str
    code: str
    subject: str
    dnr: str | None


@dataclass(frozen=True)
class DelegationReading:
    """The Delegationsbeslut ärende at ``position``: its decisions, the meeting's lists."""

    position: int
    decisions: list[Decision]
    imports: list[ImportView]
    #: ``(list name, row)`` of every list, in import and file order.
    rows: list[tuple[str, ListRow]]


@dataclass(frozen=True)
class ProtocolReading:
    """What the Word protokoll prints, as stored (the beslut not yet written out)."""

    meeting_id: int
    day: dt.date
    organ_code: str
    protocol: Protocol
    #: The förslag till beslut of each list position.
    proposals: dict[int, list[str]]
    items: dict[int, PrintedItem]
    template: Path | None
    after: deadlines.AfterMeeting
    delegation: DelegationReading | None


def read_printed(workspace: Workspace, ref: str) -> ProtocolReading | None:
    """The protokoll of meeting ``ref``; None where only the Store can read it.

    NotFound or InvalidInput, in the Store's words, for a meeting that is not there or
    has no protokoll.
    """
    connection = connect_current(workspace)
    if connection is None:
        return None
    try:
        connection.execute("BEGIN")  # one snapshot of the database
        return _read(connection, ref)
    finally:
        connection.close()


def _read(connection: sqlite3.Connection, ref: str) -> ProtocolReading:
    meeting_id, organ_id = find_meeting(connection, ref)
    ((day, place, start_time, secretary),) = _rows(
        connection,
        ("date", "place", "start_time", "secretary_name"),
        "FROM meeting WHERE id = ?",
        meeting_id,
    )
    records = _rows(connection, RECORD_COLUMNS, "FROM protocol WHERE meeting_id = ?", meeting_id)
    if not records:
        raise no_protocol_yet(day)
    ((organ_name, organ_code, template_path),) = _rows(
        connection, ("name", "code", "template_path"), "FROM organ WHERE id = ?", organ_id
    )
    paragraphs = [
        paragraph_of(*values)
        for values in _rows(
            connection,
            PARAGRAPH_COLUMNS,
            "FROM paragraph WHERE meeting_id = ? ORDER BY number",
            meeting_id,
        )
    ]
    protocol = protocol_of(
        organ=(organ_name, organ_code),
        meeting=(day, place, start_time, secretary),
        record=records[0],
        attendees=(
            attendee_of(*values)
            for values in _rows(
                connection,
                ATTENDEE_COLUMNS,
                "FROM attendance WHERE meeting_id = ? ORDER BY position",
                meeting_id,
            )
        ),
        paragraphs=paragraphs,
        corrections=_rows(
            connection,
            CORRECTION_COLUMNS,
            "FROM protocolcorrection WHERE meeting_id = ? ORDER BY id",
            meeting_id,
        ),
    )
    arenden = _rows(
        connection,
        ("arende.id", "kind", "proposal", "summary_md", "memo_date"),
        "FROM arende JOIN agendaitem ON agendaitem.arende_id = arende.id "
        "WHERE agendaitem.meeting_id = ? ORDER BY agendaitem.position",
        meeting_id,
    )
    bilagor: dict[int, list[tuple[str, bool]]] = {}
    for arende_id, title, confidential in _rows(
        connection,
        ("arende_id", "title", "confidential"),
        "FROM attachment WHERE arende_id IN "
        "(SELECT arende_id FROM agendaitem WHERE meeting_id = ?) ORDER BY arende_id, position",
        meeting_id,
    ):
        bilagor.setdefault(arende_id, []).append((title, bool(confidential)))
    return ProtocolReading(
        meeting_id=meeting_id,
        day=day,
        organ_code=organ_code,
        protocol=protocol,
        proposals={n: proposal for n, (_, _, proposal, _, _) in enumerate(arenden, start=1)},
        items={
            n: PrintedItem(summary_md, memo_date, tuple(bilagor.get(arende_id, ())))
            for n, (arende_id, _, _, summary_md, memo_date) in enumerate(arenden, start=1)
        },
        template=organ_template(template_path),
        after=_after(connection, organ_id, day, protocol),
        delegation=_delegation(connection, meeting_id, [(a[0], ArendeKind(a[1])) for a in arenden]),
    )


def _after(
    connection: sqlite3.Connection, organ_id: int, day: dt.date, protocol: Protocol
) -> deadlines.AfterMeeting:
    """The meeting's justering, anslag and överklagande (``storage.schedule``'s rule)."""
    names = tuple(f.name for f in fields(deadlines.Rules))
    stored = _rows(connection, names, "FROM organrules WHERE organ_id = ?", organ_id)
    rules = deadlines.Rules(*stored[0]) if stored else deadlines.Rules()
    return deadlines.after_meeting(
        day,
        rules,
        justerat_on=protocol.justering.justerat_on,
        posted_on=protocol.justering.posted_on,
        immediate=tuple(p.number for p in protocol.paragraphs if p.immediate),
    )


def _delegation(
    connection: sqlite3.Connection, meeting_id: int, arenden: list[tuple[int, ArendeKind]]
) -> DelegationReading | None:
    position = delegation_position([kind for _, kind in arenden])
    if position is None:
        return None
    decisions = [
        Decision(*values)
        for values in _rows(
            connection,
            Decision._fields,
            "FROM delegationdecision WHERE arende_id = ? ORDER BY position",
            arenden[position - 1][0],
        )
    ]
    view_columns = tuple(f.name for f in fields(ImportView))
    imports = [
        ImportView(*values)
        for values in _rows(
            connection,
            view_columns,
            "FROM delegationlistimport WHERE meeting_id = ? ORDER BY id",
            meeting_id,
        )
    ]
    row_columns = ("list_name", *ListRow._fields)
    rows = [
        (name, ListRow(*values))
        for name, *values in _rows(
            connection,
            row_columns,
            "FROM delegationlistrow JOIN delegationlistimport "
            "ON delegationlistimport.id = delegationlistrow.import_id "
            "WHERE delegationlistimport.meeting_id = ? ORDER BY import_id, line",
            meeting_id,
        )
    ]
    return DelegationReading(position, decisions, imports, rows)
