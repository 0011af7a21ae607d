"""Pilot test: search as you type, then open the § the hit is in."""

from __future__ import annotations

from textual.widgets import DataTable

from namnd.tui.screens.agenda import AgendaScreen
from namnd.tui.screens.protocol import ProtocolScreen
from namnd.tui.screens.search import SearchScreen
from tests.protocol_sample import draft_protocol
from tests.tui.conftest import settle


async def _wait_for_hits(pilot) -> None:
    """The search runs once typing pauses; on a busy machine that can take a while."""
    for _ in range(100):
        await pilot.pause(0.05)
        await settle(pilot.app, pilot)
        if pilot.app.screen.hits:
            return


async def test_search_then_open_the_paragraph_and_the_arende(demo_store, make_app):
    demo_store.protocols.replace(
        demo_store.schedule.find_meeting("2019-09-19").id, draft_protocol()
    )
    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"matsvinn")
        await _wait_for_hits(pilot)
        table = app.screen.query_one(DataTable)
        rows = [table.get_row_at(r)[1] for r in range(table.row_count)]
        assert rows[:2] == ["ärende 6", "§ 90"]
        await pilot.press("enter", "down", "enter")  # to the hits, the §, open it
        await settle(app, pilot)
        assert isinstance(app.screen, ProtocolScreen) and app.screen.number == 90
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("up", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
        agenda = app.screen.query_one(DataTable)
        assert agenda.cursor_row == 5, "the list opens on the ärende found"


def test_snapshot_search(demo_store, make_app, snap_compare):
    async def search(pilot):
        await settle(pilot.app, pilot)
        await pilot.press("slash", *"boendestöd")
        await _wait_for_hits(pilot)

    assert snap_compare(make_app(demo_store), terminal_size=(130, 24), run_before=search)
