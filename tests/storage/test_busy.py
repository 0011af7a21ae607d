"""A write that waits past the busy timeout is one Swedish error, on both backends."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager

import pytest

from namnd.errors import DatabaseBusy, NamndError
from namnd.storage.store import Store

#: Short enough to keep the tests fast, long enough to be a real wait.
BUSY_MS = "200"


@contextmanager
def write_lock(workspace, table: str = "arende"):
    """Another process holding a write lock: BEGIN IMMEDIATE on SQLite, a table lock on PG."""
    if workspace.is_sqlite:
        other = sqlite3.connect(workspace.sqlite_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    import psycopg
    from sqlalchemy.engine import make_url

    dsn = make_url(workspace.database_url).set(drivername="postgresql")
    with psycopg.connect(dsn.render_as_string(hide_password=False)) as other:
        other.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")
        try:
            yield
        finally:
            other.rollback()


@pytest.fixture
def busy_store(backend_workspace, monkeypatch):
    monkeypatch.setenv("NAMND_BUSY_TIMEOUT_MS", BUSY_MS)
    from namnd.operations.demo import load_demo

    store = Store.open(backend_workspace)
    load_demo(store)
    yield store
    store.close()


def _first_arende(store):
    view = store.agenda(store.find_meeting("2019-09-19").id)
    return store.arende(view.items[0].arende_id)[0]


def test_a_write_past_the_busy_timeout_is_database_busy_in_swedish(busy_store, backend_workspace):
    arende = _first_arende(busy_store)
    with write_lock(backend_workspace), pytest.raises(DatabaseBusy) as caught:
        busy_store.save_arende(arende.id, arende.version, {"title": "Ny rubrik"}, by="x")
    assert isinstance(caught.value, NamndError)
    assert "upptagen" in str(caught.value)
    # Nothing was written, and once the lock is gone the same save goes through.
    assert _first_arende(busy_store).title == arende.title
    busy_store.save_arende(arende.id, arende.version, {"title": "Ny rubrik"}, by="x")
    assert _first_arende(busy_store).title == "Ny rubrik"
