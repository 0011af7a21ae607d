"""Backups while the database is in use: SQLite's online copy, PostgreSQL's pg_dump."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from namnd.cli.main import main
from namnd.errors import NamndError
from namnd.operations.backup import backup, default_path, pg_tool
from namnd.operations.demo import load_demo
from namnd.storage.store import Store
from namnd.storage.workspace import resolve


def test_sqlite_backup_is_a_whole_database_even_while_open(store, workspace, tmp_path):
    load_demo(store)  # the Store stays open: WAL pages not yet checkpointed are copied too
    target = default_path(workspace, dt.datetime(2026, 12, 1, 9, 30))
    assert target == workspace.root / "backups" / "namnd-2026-12-01-093000.db"
    backup(workspace, target)
    restored = tmp_path / "återställd"
    restored.mkdir()
    shutil.copy(target, restored / "namnd.db")
    copy = Store.open(resolve(restored))
    assert copy.schedule.meetings() == store.schedule.meetings() and len(copy.members.seats()) == 19
    copy.close()
    with pytest.raises(NamndError, match="finns redan"):
        backup(workspace, target)


def test_nothing_to_copy_is_a_swedish_error(tmp_path):
    with pytest.raises(NamndError, match="Det finns ingen databas att kopiera"):
        backup(resolve(tmp_path / "tom"), tmp_path / "kopia.db")
    assert not (tmp_path / "kopia.db").exists()


def _empty_database_beside(url: str) -> str:
    import psycopg
    from sqlalchemy.engine import make_url

    source = make_url(url)
    name = f"{source.database}_kopia"
    dsn = source.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return source.set(database=name).render_as_string(hide_password=False)


def test_postgres_backup_restores_into_an_empty_database(tmp_path, postgres_url):
    source = resolve(tmp_path / "ws", postgres_url)
    store = Store.open(source)
    load_demo(store)
    dump = backup(source, tmp_path / "namnd.dump")
    target_url = _empty_database_beside(postgres_url)
    pg_restore = pg_tool("pg_restore")
    libpq = "postgresql://" + target_url.split("://", 1)[1]
    subprocess.run([pg_restore, "--no-owner", "--dbname", libpq, str(dump)], check=True)
    copy = Store.open(resolve(tmp_path / "ws2", target_url))
    assert copy.schedule.meetings() == store.schedule.meetings() and len(copy.members.seats()) == 19
    copy.close()
    store.close()


@pytest.mark.usefixtures("demo_workspace")
def test_cli_backup(workspace, capsys):
    ws = ["--workspace", str(workspace.root)]
    assert main([*ws, "backup"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Säkerhetskopian är skriven: ") and "/backups/namnd-" in out
