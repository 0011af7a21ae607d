"""Start-up's objects are frozen once in a terminal, never in a headless app."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest
from textual.widgets import DataTable

from namnd.storage.meeting_peek import peek_meetings
from namnd.tui import startup_heap
from namnd.tui.app import NamndApp, create_app
from tests.tui.conftest import TODAY, settle, wait_until

FREEZE_ONCE = """
import gc, weakref
from namnd.tui.startup_heap import freeze_once

class Cycle:
    pass

def garbage():
    made = Cycle()
    made.me = made  # only a full collection frees a cycle
    return weakref.ref(made)

before = garbage()
assert freeze_once() is True
assert before() is None, "start-up's garbage is collected, not kept for good"
frozen = gc.get_freeze_count()
assert frozen > 1000, frozen
assert freeze_once() is False and gc.get_freeze_count() == frozen
later = garbage()
gc.collect()
assert later() is None, "what is made later is collected as before"
"""


def test_start_up_is_frozen_once_its_garbage_freed_and_later_garbage_collected() -> None:
    done = subprocess.run([sys.executable, "-c", FREEZE_ONCE], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("peeked", [False, True], ids=["with its store", "list peeked"])
async def test_in_a_terminal_start_up_is_frozen_once_after_the_list_with_the_store_open(
    demo_store, workspace, monkeypatch, peeked
):
    """Both ways namnd starts: with its Store (PostgreSQL), or the list read without the
    ORM and the Store opened after the first paint (SQLite)."""
    seen: list[tuple[int, bool]] = []

    def freeze_once() -> bool:  # what the app would freeze then
        seen.append((app.screen.query_one(DataTable).row_count, app._store is not None))
        return True

    monkeypatch.setattr(NamndApp, "_in_terminal", lambda self: True)
    monkeypatch.setattr(NamndApp, "FREEZE_AFTER", 0.05)
    monkeypatch.setattr(startup_heap, "freeze_once", freeze_once)
    if peeked:
        first = peek_meetings(workspace, TODAY)
        app = create_app(None, workspace=workspace, today=TODAY, first_meetings=first)
    else:
        app = create_app(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await wait_until(pilot, lambda: seen, what="the freeze")
        await pilot.press("r")  # the list read again: start-up is long over
        await settle(app, pilot)
        assert app._freeze_planned, "and not planned again"
    assert seen == [(11, True)]
    if peeked:
        app.store.close()


async def test_a_headless_app_leaves_the_collector_to_its_process(demo_store, make_app):
    frozen = gc.get_freeze_count()
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app._plan_freeze()  # as once start-up is over
        assert not app._freeze_planned, "no freeze is planned"
    # Frozen objects freed since may lower the count; a freeze would raise it by the app.
    assert gc.get_freeze_count() <= frozen
