"""A schema upgrade killed half way leaves a workspace that opens again, data intact.

SQLite only: PostgreSQL has always had transactional DDL, and the ``_alembic_tmp_*``
tables are Alembic's SQLite batch mode (copy, drop, rename).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text

from namnd.operations.demo import load_demo
from namnd.storage import schema
from namnd.storage.database import make_engine, open_database
from namnd.storage.migrate import alembic_config
from namnd.storage.store import Store

BEFORE_PARAGRAPH_CHANGE = "0006"  # 0007 rebuilds the paragraph table in batch mode


@pytest.fixture
def old_workspace(workspace):
    """The demo, downgraded to revision 0006; returns (workspace, row counts)."""
    store = Store.open(workspace)
    load_demo(store)
    store.close()
    engine = create_engine(workspace.database_url)  # foreign keys off, as batch mode needs
    with engine.begin() as connection:
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.downgrade(config, BEFORE_PARAGRAPH_CHANGE)
        connection.execute(
            text(
                "INSERT INTO paragraph (organ_id, meeting_id, year, number, title, decision_md,"
                " confidential) SELECT organ_id, id, 2019, 200 + id, 'Budget', 'Bifall', 0"
                " FROM meeting"
            )
        )
    counts = _counts(engine)
    engine.dispose()
    assert counts["paragraph"] > 0 and counts["arende"] > 0
    return workspace, counts


def _counts(engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            for table in ("organ", "meeting", "arende", "agendaitem", "paragraph")
        }


def _leftovers(engine) -> list[str]:
    with engine.connect() as connection:
        return [t for t in inspect(connection).get_table_names() if t.startswith("_alembic_tmp")]


def _reopens_intact(workspace, counts) -> None:
    engine = open_database(workspace)
    with engine.connect() as connection:
        assert schema.database_revision(connection) == schema.HEAD
    assert _counts(engine) == counts
    assert _leftovers(engine) == []
    engine.dispose()


def test_upgrade_killed_while_copying_a_table_reopens_with_data_intact(old_workspace):
    workspace, counts = old_workspace
    script = textwrap.dedent(
        f"""
        import os, signal
        from sqlalchemy import event
        from sqlalchemy.engine import Engine
        from namnd.storage.database import open_database
        from namnd.storage.workspace import resolve

        @event.listens_for(Engine, "before_cursor_execute")
        def kill_mid_copy(conn, cursor, statement, parameters, context, executemany):
            if statement.lstrip().upper().startswith("INSERT INTO _ALEMBIC_TMP_PARAGRAPH"):
                os.kill(os.getpid(), signal.SIGKILL)

        open_database(resolve({str(workspace.root)!r}))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()
    _reopens_intact(workspace, counts)


def test_upgrade_that_fails_half_way_leaves_the_old_revision_and_no_copy(
    old_workspace, monkeypatch
):
    workspace, counts = old_workspace
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    def fail_mid_copy(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO _ALEMBIC_TMP_PARAGRAPH"):
            raise RuntimeError("avbrott mitt i kopieringen")

    event.listen(Engine, "before_cursor_execute", fail_mid_copy)
    try:
        with pytest.raises(RuntimeError):
            open_database(workspace)
    finally:
        event.remove(Engine, "before_cursor_execute", fail_mid_copy)
    engine = make_engine(workspace.database_url)
    with engine.connect() as connection:
        assert schema.database_revision(connection) == BEFORE_PARAGRAPH_CHANGE
    assert _leftovers(engine) == []
    assert _counts(engine) == counts
    engine.dispose()
    _reopens_intact(workspace, counts)


def test_a_copy_left_by_an_older_namnd_is_cleared_before_the_upgrade(old_workspace):
    """Workspaces broken by a kill before this fix: the stray copy is dropped, then upgraded."""
    workspace, counts = old_workspace
    engine = make_engine(workspace.database_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE _alembic_tmp_paragraph (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    _reopens_intact(workspace, counts)
