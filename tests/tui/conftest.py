"""TUI fixtures: the app built by the same factory users get, on a fixed 'today'."""

from __future__ import annotations

import datetime as dt

import pytest

from namnd.services.swedish_dates import long_date
from namnd.tui.app import create_app

# Before the demo meeting, so "upcoming first" puts 19 September 2019 on top.
TODAY = dt.date(2019, 9, 1)


@pytest.fixture
def make_app():
    def factory(store, today: dt.date = TODAY):
        return create_app(store, today=today, user="sekreteraren")

    return factory


async def highlight_meeting(app, pilot, day: str) -> None:
    """Move the meetings list's cursor to the meeting on ``day`` with the arrow keys."""
    table = app.screen.query_one("#meetings")
    for _ in range(table.row_count):
        if table.get_row_at(table.cursor_row)[0] == long_date(dt.date.fromisoformat(day)):
            return
        await pilot.press("down")
    raise AssertionError(f"no meeting on {day} in the list")


async def settle(app, pilot) -> None:
    """Let workers finish and the screen repaint (DataTable sizes its columns when idle,
    which a loaded machine can delay: wait for that too)."""
    # Twice: a worker may start another after the next refresh (the meetings list's
    # "att göra" once the list has painted).
    for _ in range(2):
        await app.workers.wait_for_complete()
        await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    for table in app.screen.query("DataTable"):
        while table._require_update_dimensions:
            await pilot.pause(0.05)
    await pilot.pause()
