"""An up-to-date SQLite workspace opened with the standard library's sqlite3.

Importing SQLModel and SQLAlchemy costs more than half a second, as much as a whole
100 000-row delegation list takes to read and write, and the TUI's first paint needs one
query. Those hot paths (``storage.meeting_peek``, ``storage.delegation_direct``) open the
database here, and get None for anything they must leave to the
:class:`~namnd.storage.store.Store` (PostgreSQL, no database yet, a schema the Store would
migrate first, a file that is no database), which then opens it as usual. Nothing here
migrates; the pragmas are the Store's (``storage.database``).
"""

from __future__ import annotations

import os
import sqlite3

from namnd.storage.meeting_ref import no_meeting_with_id, only_meeting_on, parse_meeting_ref
from namnd.storage.schema import HEAD
from namnd.storage.workspace import Workspace

#: How long a write waits for another process's lock before :class:`DatabaseBusy`.
BUSY_TIMEOUT_MS = 5000


def busy_timeout_ms() -> int:
    """The busy timeout; ``NAMND_BUSY_TIMEOUT_MS`` shortens it (tests, slow networks)."""
    value = os.environ.get("NAMND_BUSY_TIMEOUT_MS", "")
    return int(value) if value.isdigit() else BUSY_TIMEOUT_MS


def connect_current(workspace: Workspace, *, writing: bool = False) -> sqlite3.Connection | None:
    """The workspace's SQLite database at this code's schema revision, or None.

    A writing connection is in autocommit mode with foreign keys on; its caller opens
    its own ``BEGIN IMMEDIATE`` transaction.
    """
    path = workspace.sqlite_path
    if path is None or not path.is_file():
        return None
    mode = "rw" if writing else "ro"
    timeout = busy_timeout_ms() / 1000
    try:
        connection = sqlite3.connect(
            f"{path.as_uri()}?mode={mode}", uri=True, timeout=timeout, isolation_level=None
        )
    except sqlite3.Error:
        return None
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != HEAD:
            connection.close()
            return None
        if writing:
            connection.execute("PRAGMA foreign_keys=ON")
    except sqlite3.Error:
        connection.close()
        return None
    return connection


def is_busy(error: BaseException) -> bool:
    """Whether ``error`` is a lock wait that ran out (raise :class:`DatabaseBusy` for it)."""
    text = str(error).lower()
    return "database is locked" in text or "database table is locked" in text


def find_meeting(connection: sqlite3.Connection, ref: str) -> tuple[int, int]:
    """The (id, organ id) of the meeting ``ref`` names, or its Swedish error."""
    named = parse_meeting_ref(ref)
    if isinstance(named, int):
        found = connection.execute(
            "SELECT id, organ_id FROM meeting WHERE id = ?", (named,)
        ).fetchone()
        if found is None:
            raise no_meeting_with_id(named)
        return found
    meetings = dict(
        connection.execute(
            "SELECT id, organ_id FROM meeting WHERE date = ? ORDER BY id", (named.isoformat(),)
        ).fetchall()
    )
    chosen = only_meeting_on(named, list(meetings))
    return chosen, meetings[chosen]
