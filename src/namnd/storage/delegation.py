"""Imported delegationsbeslut lists: batches keyed by file hash, and their rows.

The rows are personal data; they are read back for the sekretess bilaga and for the
counts in ``rules.delegation_summary``, and deleted with their batch (gallring).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from sqlalchemy import Connection, delete, func, insert
from sqlmodel import Session, col, select

from namnd.domain.delegation_tables import DelegationListImport, DelegationListRow
from namnd.domain.kinds import ArendeKind
from namnd.domain.models import AgendaItem, Arende
from namnd.errors import NotFound
from namnd.formats.delegation_lists import ListRow
from namnd.storage.delegation_batch import (
    BATCH_FIELDS,
    CHUNK,
    ROW_COLUMNS,
    ImportView,
    NewImport,
    row_values,
)
from namnd.storage.queries import find_meeting


def _view(batch: DelegationListImport) -> ImportView:
    assert batch.id is not None  # a stored import
    return ImportView.of(batch, batch.id, batch.meeting_id)


def find_import_by_hash(*, session: Session, sha256: str) -> ImportView | None:
    """The earlier import of the same file, if any."""
    batch = session.exec(
        select(DelegationListImport).where(DelegationListImport.file_sha256 == sha256)
    ).first()
    return _view(batch) if batch else None


def delegation_arende(*, session: Session, meeting_id: int) -> Arende | None:
    """The meeting's Delegationsbeslut ärende, when exactly one is on its list."""
    found = session.exec(
        select(Arende)
        .join(AgendaItem)
        .where(
            AgendaItem.meeting_id == meeting_id,
            Arende.kind == ArendeKind.DELEGATION_DECISIONS,
        )
    ).all()
    return found[0] if len(found) == 1 else None


def insert_import(
    *,
    session: Session,
    batch: NewImport,
    rows: Sequence[ListRow],
    progress: Callable[[int, int], None] | None = None,
) -> ImportView:
    """Add a batch under its meeting, and its rows, in the caller's transaction.

    The rows go to the driver in chunks, as plain tuples: ``COPY`` on PostgreSQL, one
    ``executemany`` of a Core ``insert()`` on SQLite (the ORM's bulk path costs more per
    row than the parsing does).
    """
    meeting = find_meeting(session=session, ref=batch.meeting)
    assert meeting.id is not None  # a stored meeting
    arende = delegation_arende(session=session, meeting_id=meeting.id)
    stored = DelegationListImport(
        organ_id=meeting.organ_id,
        meeting_id=meeting.id,
        arende_id=arende.id if arende else None,
        **{name: getattr(batch, name) for name in BATCH_FIELDS},
    )
    session.add(stored)
    session.flush()
    assert stored.id is not None  # flushed
    connection = session.connection()
    write: Callable[[Connection, int, Sequence[ListRow]], None] = _copy
    if connection.dialect.name != "postgresql":
        statement = insert(DelegationListRow.__table__).compile(
            dialect=connection.dialect, column_keys=list(ROW_COLUMNS)
        )
        write = partial(_executemany, statement.string)
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        write(connection, stored.id, chunk)
        if progress:
            progress(start + len(chunk), len(rows))
    return batch.stored(stored.id, meeting.id)


def _executemany(
    statement: str, connection: Connection, import_id: int, rows: Sequence[ListRow]
) -> None:
    """One ``executemany`` of the compiled Core ``insert()``, rows as plain tuples."""
    connection.exec_driver_sql(statement, row_values(import_id, rows))


def _copy(connection: Connection, import_id: int, rows: Sequence[ListRow]) -> None:
    cursor = connection.connection.driver_connection.cursor()
    columns = ", ".join(ROW_COLUMNS)
    with cursor.copy(f"COPY {DelegationListRow.__tablename__} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row((import_id, *row))


def list_imports(*, session: Session, meeting_id: int | None = None) -> list[ImportView]:
    """Imported lists, newest meeting first, in import order within a meeting."""
    query = select(DelegationListImport).order_by(
        col(DelegationListImport.meeting_id).desc(), col(DelegationListImport.id)
    )
    if meeting_id is not None:
        query = query.where(DelegationListImport.meeting_id == meeting_id)
    return [_view(b) for b in session.exec(query)]


def list_rows(
    *, session: Session, import_ids: Sequence[int]
) -> list[tuple[str, DelegationListRow]]:
    """Rows of the given imports with their list name, in file order (personal data)."""
    result = session.exec(
        select(DelegationListImport.list_name, DelegationListRow)
        .join(DelegationListImport)
        .where(col(DelegationListRow.import_id).in_(list(import_ids)))
        .order_by(col(DelegationListRow.import_id), col(DelegationListRow.line))
    ).all()
    return [(name, row) for name, row in result]


def count_rows(*, session: Session) -> int:
    """All imported rows (tests check that a failed import leaves this unchanged)."""
    return session.exec(select(func.count()).select_from(DelegationListRow)).one()


def delete_import(*, session: Session, import_id: int) -> int:
    """Delete a batch and its rows (gallring); the number of rows deleted."""
    batch = session.get(DelegationListImport, import_id)
    if batch is None:
        raise NotFound(f"Det finns ingen inläst lista med id {import_id}.")
    deleted = session.execute(
        delete(DelegationListRow).where(col(DelegationListRow.import_id) == import_id)
    ).rowcount
    session.delete(batch)
    return deleted
