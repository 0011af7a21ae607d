"""TUI fixtures: the app built by the same factory users get, on a fixed 'today'."""

from __future__ import annotations

import datetime as dt
import time

import pytest
import textual._wait
from textual.command import CommandList, CommandPalette
from textual.worker import WorkerCancelled

from namnd.rules.swedish_dates import long_date
from namnd.tui.app import create_app

#: How long Pilot sleeps at a time while it waits for the app to go idle (Textual's is 20 ms).
IDLE_SLICE = 0.005


def _shorter_idle_slices() -> None:
    """Let Pilot notice sooner that the app is idle after a key press.

    ``pilot.press`` waits for idleness twice a key, in slices of at least
    ``textual._wait.SLEEP_GRANULARITY``: 40 ms a key, so typing a 300-character beslut
    slept 12 s, most of the TUI tests' time. In 5 ms slices the app still runs each
    key's work before the wait ends (idle means the same: under a twentieth of a slice
    spent on the CPU). Fails loudly should a Textual release rename the setting.
    """
    for setting in ("SLEEP_GRANULARITY", "SLEEP_IDLE"):
        assert hasattr(textual._wait, setting), f"Textual moved its idle wait ({setting})"
    textual._wait.SLEEP_GRANULARITY = IDLE_SLICE
    textual._wait.SLEEP_IDLE = IDLE_SLICE / 20


_shorter_idle_slices()

# Before the demo meeting, so "upcoming first" puts 19 September 2019 on top.
TODAY = dt.date(2019, 9, 1)


@pytest.fixture
def make_app():
    def factory(store, today: dt.date = TODAY):
        return create_app(store, today=today, user="sekreteraren")

    return factory


async def _workers_done(app) -> None:
    """Wait for the app's workers; an exclusive one replaced by a newer one (a list read
    again) is cancelled, and then it is the newer one that the screen shows."""
    for _ in range(10):
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            continue


def cells(table, row: int) -> list[str]:
    """The row's cells as the list shows them (a cell is a ``Text``, see ``PlainTable``)."""
    return [str(cell) for cell in table.get_row_at(row)]


async def highlight_meeting(app, pilot, day: str) -> None:
    """Move the meetings list's cursor to the meeting on ``day`` with the arrow keys."""
    table = app.screen.query_one("#meetings")
    for _ in range(table.row_count):
        if cells(table, table.cursor_row)[0] == long_date(dt.date.fromisoformat(day)):
            return
        await pilot.press("down")
    raise AssertionError(f"no meeting on {day} in the list")


async def settle(app, pilot) -> None:
    """Let workers finish and the screen repaint (DataTable sizes its columns when idle,
    which a loaded machine can delay: wait for that too)."""
    # At least twice, and until none is left: a worker may start another after the next
    # refresh (the meetings list's "att göra" once the list has painted; a write's result
    # reads the list again).
    for round in range(20):
        await _workers_done(app)
        await pilot.pause()
        if round >= 1 and not any(not w.is_finished for w in app.workers):
            break
    await pilot.wait_for_scheduled_animations()
    # A blinking cursor is on or off depending on when the picture is taken: hold it on.
    for field in app.screen.query("Input, TextArea"):
        field.cursor_blink = False
    for table in app.screen.query("DataTable"):
        while table._require_update_dimensions:
            await pilot.pause(0.05)
    await pilot.pause()


async def wait_until(pilot, condition, *, timeout: float = 10.0, what: str = "") -> None:
    """Poll ``condition`` while the app runs; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what or condition}")
        await pilot.pause(0.05)


async def wait_for_palette(pilot) -> None:
    """Wait until the command palette has searched what was typed and lists the hits."""

    def listed() -> bool:
        palette = pilot.app.screen
        if not isinstance(palette, CommandPalette):
            return False
        searching = any(
            worker.group == CommandPalette._GATHER_COMMANDS_GROUP and not worker.is_finished
            for worker in pilot.app.workers
        )
        return not searching and palette.query_one(CommandList).option_count > 0

    await wait_until(pilot, listed, what="the command palette's hits")


async def open_arende_editor(app, pilot):
    """From the meetings list: the demo meeting's first ärende in the editor."""
    from namnd.tui.screens.arende_editor import ArendeEditorScreen

    await settle(app, pilot)
    await pilot.press("enter", "e")
    await settle(app, pilot)
    assert isinstance(app.screen, ArendeEditorScreen)
    return app.screen
