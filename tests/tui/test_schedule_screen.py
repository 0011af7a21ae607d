"""Pilot test: the year view highlights what is due this week and what is late."""

from __future__ import annotations

import datetime as dt

from textual.coordinate import Coordinate
from textual.widgets import DataTable, Input

from namnd.operations.schedule import year_plan
from namnd.tui.app import create_app
from namnd.tui.screens.rules import RulesScreen
from namnd.tui.screens.schedule import ScheduleScreen
from tests.tui.conftest import settle, wait_for_palette

# Wednesday 15 January 2020: the 27 January meeting's ärendestopp (3 Jan) has passed with
# nothing prepared, its presidieberedning (Friday 17 Jan) is this week.
TODAY = dt.date(2020, 1, 15)


async def test_year_view_highlights_due_and_late(demo_store):
    app = create_app(demo_store, today=TODAY, user="sekreteraren")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("y")  # the highlighted meeting is 27 January 2020: year 2020
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ScheduleScreen) and screen.year == 2020
        january = dt.date(2020, 1, 27)
        assert screen.states[(january, "case_stop")] == "late"
        assert screen.states[(january, "presidium")] == "due"
        assert screen.states[(january, "kallelse")] == "coming"
        table = screen.query_one(DataTable)
        assert str(table.get_cell_at(Coordinate(0, 0))) == "måndag 27 januari 2020"
        assert "red" in str(table.get_cell_at(Coordinate(0, 2)).style)
        assert "yellow" in str(table.get_cell_at(Coordinate(0, 3)).style)
        await pilot.press("left")
        await settle(app, pilot)
        assert screen.year == 2019 and table.row_count == 1


async def test_rules_are_edited_in_the_tui(demo_store):
    app = create_app(demo_store, today=TODAY, user="sekreteraren")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RulesScreen)
        field = app.screen.query_one("#kallelse_days", Input)
        field.value = "5"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ScheduleScreen)
    plan = year_plan(demo_store, 2020)
    assert plan.rules.kallelse_days == 5
    assert plan.meetings[0].before.kallelse == dt.date(2020, 1, 22)


async def test_command_palette_opens_the_year_view(demo_store):
    app = create_app(demo_store, today=TODAY, user="sekreteraren")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Sammanträdesordning: visa 2020")
        await wait_for_palette(pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ScheduleScreen) and app.screen.year == 2020
        assert app.screen.query_one(DataTable).row_count == 10


async def test_plan_a_year_from_a_rule_and_add_one_meeting(demo_store):
    from namnd.tui.widgets.dialogs import ConfirmDialog, TextDialog
    from namnd.tui.widgets.entry_dialog import EntryDialog

    app = create_app(demo_store, today=TODAY, user="sekreteraren")
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        await pilot.press("y", "right")  # 2021: nothing planned yet
        await settle(app, pilot)
        screen = app.screen
        assert screen.year == 2021 and "Tryck p" in str(
            screen.query_one("#schedule-warnings").render()
        )
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, EntryDialog)
        await pilot.press("ctrl+s")  # the usual rule: third Thursday, none in July
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one("Label").render())
        assert "torsdag 21 januari 2021" in question and "juli" not in question
        await pilot.press("enter")  # Planera: the action asked for is the default
        await settle(app, pilot)
        assert len(demo_store.schedule.meetings(year=2021)) == 11
        assert screen.query_one(DataTable).row_count == 11

        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*"2021-13-01", "enter")
        await settle(app, pilot)
        assert len(demo_store.schedule.meetings(year=2021)) == 11, "a bad date adds nothing"
        assert app.screen.query_one(Input).value == "2021-13-01", "and loses nothing typed"
        await pilot.press("ctrl+u", *"2022-01-13", "enter")
        await settle(app, pilot)
        assert screen.year == 2022 and screen.query_one(DataTable).row_count == 1

        # Planned on the wrong day: x takes it off again once confirmed.
        await pilot.press("x")
        await pilot.pause()
        assert "13 januari 2022" in str(app.screen.query_one("Label").render())
        await pilot.press("shift+tab", "enter")
        await settle(app, pilot)
        assert demo_store.schedule.meetings(year=2022) == []


async def test_kl_5_69_rules_past_the_law_are_refused_in_the_tui(demo_store):
    from textual.widgets import Label

    app = create_app(demo_store, today=TODAY, user="sekreteraren")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#justering_days", Input).value = "21"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, RulesScreen)
        state = str(app.screen.query_one("#details-state", Label).render())
        assert "Inte sparat" in state and "5 kap. 69 § kommunallagen" in state
    assert demo_store.schedule.rules().justering_days == 14


async def test_kl_13_5_year_view_shows_the_overklagandetid_from_the_recorded_days(demo_store):
    from tests.protocol_sample import draft_protocol

    meeting = demo_store.schedule.find_meeting("2019-09-19").id
    demo_store.protocols.replace(meeting, draft_protocol())
    demo_store.protocols.justera(meeting, dt.date(2019, 10, 9), by="sekreteraren")
    demo_store.protocols.post(meeting, dt.date(2019, 10, 11))
    app = create_app(demo_store, today=dt.date(2019, 10, 28), user="sekreteraren")
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ScheduleScreen(demo_store, 2019, today=dt.date(2019, 10, 28)))
        await settle(app, pilot)
        screen = app.screen
        table = screen.query_one(DataTable)
        cells = [str(table.get_cell_at(Coordinate(0, c))) for c in range(len(table.columns))]
        # Justering senast 3 Oct, anslag senast 11 Oct (from the real justering day),
        # överklagande t.o.m. 1 November: still open on 28 October.
        assert cells[-3:] == ["2019-10-03", "2019-10-11", "2019-11-01"]


async def test_at_80_columns_the_year_keys_reach_2028_and_a_meeting_is_planned_there(demo_store):
    """← → change the year even with the table focused; the table fits the screen."""
    from textual.widgets import Footer

    from namnd.tui.widgets.dialogs import TextDialog

    app = create_app(demo_store, today=TODAY, user="sekreteraren")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        screen = app.screen
        table = screen.query_one(DataTable)
        assert screen.year == 2020 and table.has_focus
        assert table.virtual_size.width <= table.size.width, "no column beyond the screen"
        footer_keys = {k for k, b in screen.active_bindings.items() if b.binding.show}
        assert {"left", "right"} <= footer_keys and screen.query_one(Footer)
        for _ in range(8):
            await pilot.press("right")
            await settle(app, pilot)
        assert screen.year == 2028 and table.row_count == 0
        await pilot.press("left", "left", "right", "right")
        await settle(app, pilot)
        assert screen.year == 2028
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        await pilot.press("ctrl+u", *"2028-03-16", "enter")
        await settle(app, pilot)
        assert screen.year == 2028 and table.row_count == 1
        assert [m.date for m in demo_store.schedule.meetings(year=2028)] == [dt.date(2028, 3, 16)]


async def test_g_goes_straight_to_a_year(demo_store):
    from namnd.tui.widgets.dialogs import TextDialog

    app = create_app(demo_store, today=TODAY, user="sekreteraren")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        await pilot.press("ctrl+u", *"2028", "enter")
        await settle(app, pilot)
        assert app.screen.year == 2028
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("ctrl+u", *"tjugo", "enter")
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any("”tjugo” är inget årtal" in m for m in messages)
