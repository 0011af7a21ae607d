"""The ORM-free meetings list for the TUI's first paint: equal to the Store's, or None."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from namnd.storage.meeting_peek import peek_meetings
from namnd.storage.workspace import resolve


def test_equal_to_the_store_on_the_demo(demo_store, workspace):
    peeked = peek_meetings(workspace)
    assert peeked is not None and len(peeked) == 11
    assert peeked == demo_store.meetings()
    demo = peeked[0]
    assert (demo.item_count, demo.start_time.isoformat(), demo.place) == (10, "18:30:00", "Alytus")


def test_empty_workspace_is_an_empty_list(store, workspace):
    assert peek_meetings(workspace) == [] == store.meetings()


def test_none_where_only_the_store_can_answer(tmp_path, workspace, store):
    assert peek_meetings(resolve(tmp_path / "ny")) is None, "no database yet"
    assert peek_meetings(resolve(tmp_path, "postgresql://namnd@localhost/namnd")) is None
    garbage = tmp_path / "trasig" / "namnd.db"
    garbage.parent.mkdir()
    garbage.write_bytes(b"inte en databas" * 100)
    assert peek_meetings(resolve(garbage.parent)) is None
    with sqlite3.connect(workspace.root / "namnd.db") as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    assert peek_meetings(workspace) is None, "an older schema is migrated by the Store"


def test_no_orm_on_the_way_to_the_first_paint(demo_store, workspace):
    code = (
        "import sys; from namnd.storage.meeting_peek import peek_meetings; "
        "from namnd.storage.workspace import resolve; import namnd.tui.app, namnd.cli.commands; "
        f"assert peek_meetings(resolve({str(workspace.root)!r})); "
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
