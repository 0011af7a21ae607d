"""Pilot tests: a user opens namnd, loads the demo and reads the föredragningslista."""

from __future__ import annotations

import subprocess
import sys

from textual.widgets import DataTable, Markdown

from namnd.storage.meeting_peek import peek_meetings
from namnd.tui.app import create_app
from namnd.tui.screens.agenda import AgendaScreen
from namnd.tui.screens.meetings import MeetingsScreen
from tests.tui.conftest import TODAY, cells, settle, wait_for_palette


async def test_empty_database_offers_the_demo_and_loads_it(store, make_app):
    """The "Ny nämnd" form opens; "eller läs in demonämnden" beside it loads the demo."""
    from namnd.tui.screens.organ_form import OrganFormScreen

    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, OrganFormScreen)
        await pilot.click("#organ-demo")
        await settle(app, pilot)
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        assert table.display and table.row_count == 11
        assert cells(table, 0)[0] == "torsdag 19 september 2019"
    assert not store.schedule.is_empty()


async def test_as_namnd_starts_the_peeked_list_paints_then_the_store_opens(demo_store, workspace):
    first = peek_meetings(workspace, TODAY)
    app = create_app(None, workspace=workspace, today=TODAY, first_meetings=first[:1])
    async with app.run_test(size=(120, 36)) as pilot:
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1, "what was read without the ORM is painted as it is"
        await settle(app, pilot)
        assert app._store is not None, "opened in the background after the first paint"
        await pilot.press("r")
        await settle(app, pilot)
        assert table.row_count == 11
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
    app.store.close()


async def test_open_meeting_and_read_an_items_proposal(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
        table = app.screen.query_one(DataTable)
        titles = [cells(table, r)[1] for r in range(table.row_count)]
        assert titles[0] == "Information från förvaltningen"
        assert titles[9] == "Delegationsbeslut" and len(titles) == 10
        await pilot.press("down", "down", "down", "down", "down")
        await pilot.pause()
        markdown = app.screen.query_one(Markdown).source
        assert "6. Yttrande över motion" in markdown
        assert "besvarad" in markdown and "Förvaltningens förslag till beslut" in markdown
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingsScreen)


async def test_command_palette_opens_a_meeting(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"19 september 2019")
        await wait_for_palette(pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
        assert app.screen.query_one(DataTable).row_count == 10


async def test_command_palette_loads_the_demo_from_the_empty_state(store, make_app):
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("escape")  # not now: the "Ny nämnd" form gives way to the list
        await settle(app, pilot)
        assert app.screen.query_one("#empty-state").display
        assert "inga sammanträden" in str(app.screen.query_one("#empty-text").render()).lower()
        await pilot.press("ctrl+p", *"demo")
        await wait_for_palette(pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await settle(app, pilot)
        assert app.screen.query_one(DataTable).row_count == 11
    assert not store.schedule.is_empty()


async def test_command_palette_offers_the_screens_own_actions(demo_store, make_app):
    from namnd.tui.screens.review import ReviewScreen

    app = make_app(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("ctrl+p", *"kallelse granska")
        await wait_for_palette(pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)


def test_tui_start_up_path_stays_light():
    heavy = (
        "docx",
        "alembic",
        "openpyxl",
        "pyhanko",  # signing only: `namnd sign` and `namnd verify`
        "markdown_it",
        "namnd.rules.due_phrases",
        "namnd.domain.delegation_tables",
        "namnd.tui.widgets.dialogs",  # TextArea and its themes: not for the first paint
        "namnd.tui.commands",  # the palette's providers: when it first opens
    )
    code = (
        "import sys, namnd.tui.app, namnd.cli.commands; "
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_first_screen_is_shown_without_babel_or_the_orm(demo_store, workspace):
    """``namnd`` as users start it, headless, up to the meetings list being filled."""
    code = (
        "import sys; from namnd.cli.main import main; from namnd.tui.app import NamndApp\n"
        "def loaded(self, message):\n"
        "    assert message.count > 0, 'the demo meeting is listed'\n"
        "    heavy = ('babel', 'sqlalchemy', 'sqlmodel', 'namnd.cli.organ_commands')\n"
        "    print(sorted(m for m in heavy if m in sys.modules))\n"
        "    self.exit()\n"
        "NamndApp.on_meetings_loaded = loaded\n"
        "run = NamndApp.run\n"
        "NamndApp.run = lambda self, **kw: run(self, headless=True)\n"
        f"main(['--workspace', {str(workspace.root)!r}])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]", out.stderr


def test_snapshot_meetings(demo_store, make_app, snap_compare):
    async def ready(pilot):
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(demo_store), terminal_size=(120, 30), run_before=ready)


def test_snapshot_agenda(demo_store, make_app, snap_compare):
    async def open_item(pilot):
        await settle(pilot.app, pilot)
        await pilot.press("enter")
        await settle(pilot.app, pilot)
        await pilot.press("down", "down")
        await pilot.pause()

    assert snap_compare(make_app(demo_store), terminal_size=(120, 36), run_before=open_item)


async def test_backup_from_the_command_palette(demo_store, workspace):
    app = create_app(demo_store, workspace=workspace, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p", *"säkerhetskopiera")
        await wait_for_palette(pilot)
        await pilot.press("enter")
        await settle(app, pilot)
    (copy,) = (workspace.root / "backups").glob("namnd-*.db")
    assert copy.stat().st_size > 0


def test_the_cursor_starts_on_the_next_meeting_else_the_latest_with_arenden():
    import datetime as dt

    from namnd.domain.kinds import MeetingStatus
    from namnd.domain.views import MeetingSummary
    from namnd.tui.screens.meetings import first_to_open, upcoming_first

    def meeting(day, items):
        return MeetingSummary(1, "von", "VON", day, None, "", MeetingStatus.PLANNED, items)

    meetings = [meeting(dt.date(2019, 9, 19), 10), meeting(dt.date(2020, 1, 27), 0)]
    later = upcoming_first(meetings, dt.date(2026, 12, 1))
    assert later[first_to_open(later, dt.date(2026, 12, 1))].date == dt.date(2019, 9, 19)
    before = upcoming_first(meetings, dt.date(2019, 9, 1))
    assert first_to_open(before, dt.date(2019, 9, 1)) == 0
    assert first_to_open([], dt.date(2019, 9, 1)) == 0


async def test_what_is_due_soon_shows_under_the_list(demo_store, make_app):
    app = make_app(demo_store)  # today: 1 September 2019
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        todo = app.screen.query_one("#todo")
        assert todo.display
        text = str(todo.render())
        assert "Att göra snart" in text
        assert "söndag 15 september 2019 (om 14 d): Svar senast: Yttrande angående" in text


async def test_the_demo_is_offered_only_to_an_empty_workspace(demo_store, make_app):
    before = demo_store.schedule.meetings()
    app = make_app(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        shown = [b.binding.description for b in app.screen.active_bindings.values() if b.enabled]
        assert "Läs in demo" not in shown
        await pilot.press("d")
        await settle(app, pilot)
        assert not app.screen.query("#empty-state")
    assert demo_store.schedule.meetings() == before


async def test_an_archive_lists_the_latest_and_reads_the_rest_when_asked(store, make_app):
    from tests.storage.test_meeting_peek import archive

    everything = archive(store)
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(store.schedule.first_meetings(TODAY)) < len(everything)
        oldest_shown = cells(table, table.row_count - 1)[0]
        await pilot.press("ctrl+end")  # to the oldest shown: the older ones are read
        await settle(app, pilot)
        assert table.row_count == len(everything) and app.screen.showing == "all"
        assert cells(table, table.cursor_row)[0] == oldest_shown, "the cursor stays put"
        await pilot.press("ctrl+p", *"visa ett år")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press(*["backspace"] * 4, *"2005", "enter")
        await settle(app, pilot)
        assert app.screen.showing == 2005 and table.row_count == 24
        assert {cells(table, r)[0][-4:] for r in range(table.row_count)} == {"2005"}


async def test_scrolling_to_the_end_reads_the_older_meetings(store, make_app):
    from tests.storage.test_meeting_peek import archive

    everything = archive(store)
    app = make_app(store)
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count < len(everything) and table.max_scroll_y > 0
        table.scroll_end(animate=False)  # as the wheel or the scroll bar does; cursor stays
        await settle(app, pilot)
        assert table.row_count == len(everything)
