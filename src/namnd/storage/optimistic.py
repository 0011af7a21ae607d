"""Optimistic locking: the version check and the write are one UPDATE statement.

Reading a row, comparing its version in Python and then writing lets two saves at the
same instant both pass the check. ``UPDATE … WHERE id = :id AND version = :read`` cannot:
the database serialises the two statements (SQLite's write lock, PostgreSQL's row lock
and re-check of the WHERE), so the second one matches no row and is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, SQLModel

from namnd.errors import NotFound, StaleEdit


def save_versioned(
    session: Session,
    model: type[SQLModel],
    row_id: int,
    values: Mapping[str, Any],
    *,
    version: int | None,
    conflict: str,
    missing: str | None = None,
    where: tuple[ColumnElement[bool], ...] = (),
) -> int:
    """Write ``values`` and bump the version if it is still ``version``; the new version.

    StaleEdit(``conflict``) when someone saved since (or ``where`` no longer holds);
    NotFound(``missing``) when the row is gone. ``version`` None writes without a check
    but still bumps, so editors that read the old version get a conflict.
    """
    table = model.__table__  # type: ignore[attr-defined]
    criteria = [table.c.id == row_id, *where]
    if version is not None:
        criteria.append(table.c.version == version)
    session.flush()
    result = session.execute(
        update(table)
        .where(*criteria)
        .values(**values, version=table.c.version + 1)
        .returning(table.c.version)
    )
    bumped = result.scalar_one_or_none()
    loaded = session.identity_map.get(session.identity_key(model, row_id))
    if bumped is None:
        if loaded is not None:
            session.expire(loaded)
        gone = session.execute(select(table.c.id).where(table.c.id == row_id)).first() is None
        if gone and missing is not None:
            raise NotFound(missing)
        raise StaleEdit(conflict)
    if loaded is not None:  # keep a loaded copy in step without another round trip
        for key, value in {**values, "version": bumped}.items():
            set_committed_value(loaded, key, value)
    return bumped


def claim(session: Session, model: type[SQLModel], *where: ColumnElement[bool]) -> int:
    """Lock the rows matching ``where`` until commit (a no-op UPDATE); how many matched.

    Later writers of those rows wait for this transaction, and the ``where`` is judged on
    the latest committed row, so a check made after the claim cannot go stale before the
    commit. On SQLite the claim takes the database's write lock.
    """
    table = model.__table__  # type: ignore[attr-defined]
    session.flush()
    ids = (
        session.execute(update(table).where(*where).values(id=table.c.id).returning(table.c.id))
        .scalars()
        .all()
    )
    for row_id in ids:  # a copy loaded before the claim may be older than the row
        loaded = session.identity_map.get(session.identity_key(model, row_id))
        if loaded is not None:
            session.refresh(loaded)
    return len(ids)
