"""A delegationsbeslut list stored with the standard library's sqlite3, no ORM.

``namnd import delegationsbeslut`` of a 100 000-row list spent as long importing
SQLModel and SQLAlchemy as reading and writing the rows. On an up-to-date SQLite
workspace the command stores the list here instead: the same :class:`NewImport` and rows
(``storage.delegation_batch``), the same meeting references and errors
(``storage.meeting_ref``), one ``BEGIN IMMEDIATE`` transaction. The Store
(``store.delegation``) stores it everywhere else, and the TUI always uses the Store;
``tests/storage/test_delegation_direct.py`` keeps the two writers' results equal.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import fields

from namnd.domain.kinds import ArendeKind
from namnd.errors import DatabaseBusy
from namnd.formats.delegation_lists import ListRow
from namnd.storage.delegation_batch import (
    BATCH_FIELDS,
    CHUNK,
    ROW_COLUMNS,
    AlreadyImported,
    ImportView,
    NewImport,
    row_values,
)
from namnd.storage.sqlite_direct import connect_current, find_meeting, is_busy
from namnd.storage.workspace import Workspace

#: A stored list's header, column for column as :class:`ImportView` shows it.
_VIEW_COLUMNS = tuple(f.name for f in fields(ImportView))
_VIEW = f"SELECT {', '.join(_VIEW_COLUMNS)} FROM delegationlistimport WHERE file_sha256 = ?"

_DELEGATION_ARENDE = """
SELECT arende.id FROM arende JOIN agendaitem ON agendaitem.arende_id = arende.id
WHERE agendaitem.meeting_id = ? AND arende.kind = ?
"""

_BATCH_COLUMNS = ("organ_id", "meeting_id", "arende_id", *BATCH_FIELDS)
_INSERT_BATCH = (
    f"INSERT INTO delegationlistimport ({', '.join(_BATCH_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _BATCH_COLUMNS)})"
)

_INSERT_ROW = (
    f"INSERT INTO delegationlistrow ({', '.join(ROW_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in ROW_COLUMNS)})"
)


class SqliteImports:
    """Imports into one up-to-date SQLite workspace, in the Store's terms."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    @classmethod
    def open(cls, workspace: Workspace) -> SqliteImports | None:
        """For an up-to-date SQLite workspace; None where only the Store can import."""
        connection = connect_current(workspace, writing=True)
        return cls(connection) if connection is not None else None

    def close(self) -> None:
        """Close the connection."""
        self._connection.close()

    def __enter__(self) -> SqliteImports:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def earlier_import(self, sha256: str) -> ImportView | None:
        """The import of the file with this SHA-256, if it was imported before."""
        row = self._connection.execute(_VIEW, (sha256,)).fetchone()
        if row is None:
            return None
        found = dict(zip(_VIEW_COLUMNS, row, strict=True))
        found["warnings"] = json.loads(found["warnings"])
        moment = dt.datetime.fromisoformat(found["imported_at"])
        # Stored in UTC without its offset; the Store reads it back in UTC too.
        found["imported_at"] = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
        return ImportView(**found)

    def save_import(
        self,
        batch: NewImport,
        rows: Sequence[ListRow],
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportView:
        """Store the list and its rows in one transaction, as ``store.delegation`` does."""
        db = self._connection
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                meeting_id, organ_id = find_meeting(self._connection, batch.meeting)
                arenden = db.execute(
                    _DELEGATION_ARENDE, (meeting_id, ArendeKind.DELEGATION_DECISIONS.value)
                ).fetchall()
                header = {name: getattr(batch, name) for name in BATCH_FIELDS}
                # As the ORM's JSON and SQLite DateTime types write them.
                header["warnings"] = json.dumps(batch.warnings)
                header["imported_at"] = f"{batch.imported_at:%Y-%m-%d %H:%M:%S.%f}"
                arende_id = arenden[0][0] if len(arenden) == 1 else None
                import_id = db.execute(
                    _INSERT_BATCH, (organ_id, meeting_id, arende_id, *header.values())
                ).lastrowid
                assert import_id is not None  # a row was inserted
                for start in range(0, len(rows), CHUNK):
                    chunk = rows[start : start + CHUNK]
                    db.executemany(_INSERT_ROW, row_values(import_id, chunk))
                    if progress:
                        progress(start + len(chunk), len(rows))
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        except sqlite3.IntegrityError as error:
            raise AlreadyImported(batch.file_sha256) from error
        except sqlite3.OperationalError as error:
            if is_busy(error):
                raise DatabaseBusy() from error
            raise
        return batch.stored(import_id, meeting_id)
