"""Shared fixtures: every test gets its own workspace, never the developer's database."""

from __future__ import annotations

import pytest

from namnd.storage.store import Store
from namnd.storage.workspace import Workspace, resolve


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch, tmp_path):
    """Keep the developer's own workspace and database out of every test."""
    monkeypatch.delenv("NAMND_DATABASE_URL", raising=False)
    monkeypatch.setenv("NAMND_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("NAMND_CONFIG_DIR", str(tmp_path / "config"))
    # The default workspace (platformdirs' data folder) on Linux, kept out of ~ too.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def workspace(tmp_path) -> Workspace:
    return resolve(tmp_path / "ws")


@pytest.fixture
def store(workspace) -> Store:
    store = Store.open(workspace)
    yield store
    store.close()


@pytest.fixture
def demo_store(store) -> Store:
    from namnd.operations.demo import load_demo

    load_demo(store)
    return store


# --- PostgreSQL ------------------------------------------------------------------------

_db_counter = iter(range(1, 1_000_000))


@pytest.fixture(scope="session")
def postgres_server():
    """One PostgreSQL server for the whole run (see tests/pg_server.py)."""
    import os

    from tests.pg_server import TempPostgres

    own = os.environ.get("NAMND_TEST_POSTGRES_URL")
    if own:
        yield own
        return
    try:
        server = TempPostgres.start()
    except Exception as err:  # no binaries, or initdb failed: say why
        if os.environ.get("NAMND_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL could not be started: {err}")
        pytest.skip(f"PostgreSQL not available: {err}")
    yield server.url()
    server.stop()


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A fresh, empty database on the test server."""
    return new_postgres_database(postgres_server)


def new_postgres_database(postgres_server: str) -> str:
    """Create an empty database on the test server (one per hypothesis example, say)."""
    import psycopg
    from sqlalchemy.engine import make_url

    admin = make_url(postgres_server)
    name = f"namnd_test_{next(_db_counter)}"
    dsn = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_workspace(request, tmp_path) -> Workspace:
    """The same test on the embedded SQLite and on a real PostgreSQL server."""
    if request.param == "sqlite":
        return resolve(tmp_path / "ws")
    return resolve(tmp_path / "ws", request.getfixturevalue("postgres_url"))


@pytest.fixture
def backend_store(backend_workspace) -> Store:
    store = Store.open(backend_workspace)
    yield store
    store.close()
