"""TUI fixtures: the app built by the same factory users get, on a fixed 'today'."""

from __future__ import annotations

import datetime as dt

import pytest

from namnd.tui.app import create_app

# Before the demo meeting, so "upcoming first" puts 19 September 2019 on top.
TODAY = dt.date(2019, 9, 1)


@pytest.fixture
def make_app():
    def factory(store):
        return create_app(store, today=TODAY, user="sekreteraren")

    return factory


async def settle(app, pilot) -> None:
    """Let workers finish and the screen repaint."""
    await app.workers.wait_for_complete()
    await pilot.pause()
