"""A consistent copy of the workspace database, taken while namnd may be running.

SQLite is copied with its online backup API (the WAL's committed pages included) and the
copy is checked with ``PRAGMA integrity_check`` before it is called a backup; a shared
PostgreSQL database is dumped with ``pg_dump --format=custom`` (restore with
``pg_restore``). Restoring is described in the README: it replaces the database, so it is
a deliberate step, never a command.
"""

from __future__ import annotations

import datetime as dt
import glob
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from namnd.atomic_files import write_with
from namnd.errors import NamndError
from namnd.storage.workspace import Workspace


def default_path(workspace: Workspace, now: dt.datetime) -> Path:
    """``backups/namnd-2026-12-01-0930.db`` (``.dump`` for PostgreSQL) in the workspace."""
    suffix = ".db" if workspace.is_sqlite else ".dump"
    return workspace.root / "backups" / f"namnd-{now:%Y-%m-%d-%H%M%S}{suffix}"


def backup(workspace: Workspace, target: Path) -> Path:
    """Write the backup to ``target`` (its folder is created); a Swedish error otherwise."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        raise NamndError(f"{target} finns redan: välj ett annat filnamn.")
    if workspace.is_sqlite:
        return write_with(target, lambda temporary: _sqlite(workspace, temporary))
    return write_with(target, lambda temporary: _postgres(workspace.database_url, temporary))


def _sqlite(workspace: Workspace, target: Path) -> Path:
    source = workspace.sqlite_path
    if source is None or not source.is_file():
        raise NamndError(f"Det finns ingen databas att kopiera i {workspace.root}.")
    try:
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dest:
            src.backup(dest)
            verdict = dest.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            raise sqlite3.DatabaseError(verdict)
    except sqlite3.Error as err:
        raise NamndError(f"Säkerhetskopian kunde inte skrivas: {err}") from err
    return target


def pg_tool(name: str) -> str | None:
    """A PostgreSQL client program: on PATH, else the newest server package's own."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return shutil.which(name) or (found[-1] if found else None)


def _postgres(url: str, target: Path) -> Path:
    pg_dump = pg_tool("pg_dump")
    if pg_dump is None:
        raise NamndError(
            "pg_dump saknas: installera PostgreSQL-klienten (t.ex. paketet postgresql-client) "
            "eller be databasens administratör om en säkerhetskopia."
        )
    libpq_url = "postgresql://" + url.split("://", 1)[1]
    done = subprocess.run(
        [pg_dump, "--format=custom", "--file", str(target), libpq_url],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["okänt fel"])[-1]
        raise NamndError(f"pg_dump misslyckades: {reason}")
    return target
