"""Pilot test: search as you type, then open the § the hit is in."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from namnd.tui.screens.agenda import AgendaScreen
from namnd.tui.screens.protocol import ProtocolScreen
from namnd.tui.screens.search import SearchScreen
from tests.protocol_sample import draft_protocol
from tests.tui.conftest import cells, settle, wait_until


async def _wait_for_hits(pilot, query: str) -> None:
    """The search runs once typing pauses; on a busy machine that can take a while, and
    typing can pause before the last letter: wait for the hits of the whole ``query``."""

    def answered() -> bool:
        state = pilot.app.screen.query_one("#search-state", Static)
        return bool(pilot.app.screen.hits) and f"för ”{query}”" in str(state.render())

    await wait_until(pilot, answered, what=f"the hits for {query}")
    await settle(pilot.app, pilot)


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
        await _wait_for_hits(pilot, "matsvinn")
        table = app.screen.query_one(DataTable)
        rows = [cells(table, r)[1] for r in range(table.row_count)]
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
        await _wait_for_hits(pilot, "boendestöd")

    assert snap_compare(make_app(demo_store), terminal_size=(130, 24), run_before=search)


async def test_a_slow_search_never_shows_its_hits_after_a_newer_ones(
    demo_store, make_app, monkeypatch
):
    """Typing on while a search runs (a large archive, a busy server): the older
    search's hits, arriving last, are dropped, and the newer query's stay shown."""
    import threading

    release, started = threading.Event(), threading.Event()
    find = demo_store.search.find

    def slow_for_the_first(query: str):
        if query == "matsvinn":
            started.set()
            release.wait(timeout=20)
        return find(query)

    monkeypatch.setattr(demo_store.search, "find", slow_for_the_first)
    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        # A pause in the typing (a slow machine, a thinking user) shows the hits of
        # "mats" before the slow search for "matsvinn" starts.
        await pilot.press("slash", *"mats")
        screen = app.screen
        await wait_until(pilot, lambda: bool(screen.hits), what="the hits of 'mats'")
        await pilot.press(*"vinn")
        await wait_until(pilot, started.is_set, what="the slow search")
        await pilot.press("ctrl+u", *"boendestöd")
        state = screen.query_one("#search-state", Static)
        await wait_until(
            pilot, lambda: "för ”boendestöd”" in str(state.content), what="the newer hits"
        )
        newer = list(screen.hits)
        release.set()
        await app.workers.wait_for_complete()
        await settle(app, pilot)
        assert screen.hits == newer
        assert all("matsvinn" not in str(hit).casefold() for hit in screen.hits)
