"""Pilot tests: a change made on one screen shows on the others without a manual refresh."""

from __future__ import annotations

from textual.widgets import DataTable, Markdown

from namnd.tui.screens.agenda import AgendaScreen
from namnd.tui.screens.arende_editor import ArendeEditorScreen
from namnd.tui.screens.meetings import MeetingsScreen
from namnd.tui.screens.schedule import ScheduleScreen
from tests.tui.conftest import cells, settle


def _dates(screen) -> list[str]:
    table = screen.query_one(DataTable)
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


async def test_a_meeting_planned_in_the_year_plan_shows_in_the_meetings_list(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        meetings = app.screen
        assert "torsdag 12 december 2019" not in _dates(meetings)
        await pilot.press("y")
        await settle(app, pilot)
        assert isinstance(app.screen, ScheduleScreen)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+u", *"2019-12-12", "enter")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is meetings
        assert "torsdag 12 december 2019" in _dates(meetings)


async def test_the_list_count_and_preview_follow_the_editor(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        meetings = app.screen
        assert isinstance(meetings, MeetingsScreen)
        count = int(cells(meetings.query_one(DataTable), 0)[5])
        await pilot.press("enter")
        await settle(app, pilot)
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        await pilot.press("enter")  # item 1 in the ärende editor
        await settle(app, pilot)
        assert isinstance(app.screen, ArendeEditorScreen)
        await pilot.press("end", *" (reviderad)", "ctrl+s")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is agenda
        assert "(reviderad)" in agenda.query_one(Markdown).source
        # A new ärende on the list: the meetings list underneath counts it.
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Lokalfrågan", "enter")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert int(cells(meetings.query_one(DataTable), 0)[5]) == count + 1
