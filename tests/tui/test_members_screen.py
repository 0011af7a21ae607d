"""Pilot test: the secretary registers a new ersättare with keys only, then ends the seat."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Input

from namnd.domain.kinds import MemberRole
from namnd.tui.screens.members import MembersScreen
from namnd.tui.widgets.entry_dialog import EntryDialog
from tests.tui.conftest import cells, settle


async def test_register_an_ersattare_fix_a_typo_and_end_the_seat(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(app, pilot)
        await pilot.press("l")
        await settle(app, pilot)
        assert isinstance(app.screen, MembersScreen)
        assert app.screen.query_one(DataTable).row_count == 19

        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EntryDialog)
        await pilot.press(*"Lina Ek", "enter", *"MP", "enter")
        await pilot.press("enter", "down", "enter")  # Roll: ersättare
        await pilot.press("tab", "tab", "ctrl+u", *"1 sept", "ctrl+s")
        await settle(app, pilot)
        # The mistake is shown and the form is back with everything typed.
        assert isinstance(app.screen, EntryDialog)
        assert app.screen.query_one("#name", Input).value == "Lina Ek"
        assert app.screen.values()["role"] == "substitute"
        await pilot.press("tab", "tab", "tab", "tab", "ctrl+u", *"2019-08-01", "ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MembersScreen)
        lina = next(s for s in demo_store.members.seats() if s.name == "Lina Ek")
        assert (lina.role, lina.party, lina.order) == (MemberRole.SUBSTITUTE, "MP", 7)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 20
        assert cells(table, table.cursor_row)[2] == "Lina Ek", "the new seat is selected"

        await pilot.press("x")
        await pilot.pause()
        await pilot.press("ctrl+u", *"2019-08-31", "enter")
        await settle(app, pilot)
        assert table.row_count == 19, "ended before today: no longer listed"
        shown = [b.binding.description for b in app.screen.active_bindings.values() if b.enabled]
        assert "Visa avslutade" in shown and "Dölj avslutade" not in shown
        await pilot.press("h")
        await settle(app, pilot)
        assert table.row_count == 20 and "även avslutade" in str(
            app.screen.query_one("#members-heading").render()
        )
        await pilot.press("h")
        await settle(app, pilot)
        assert table.row_count == 19
    lina = next(s for s in demo_store.members.seats() if s.name == "Lina Ek")
    assert lina.last_day == dt.date(2019, 8, 31)


async def test_a_mandate_period_is_read_from_a_spreadsheet(demo_store, make_app, tmp_path):
    table = tmp_path / "ledamöter 2023.csv"
    table.write_text("Namn;Parti;Roll\nSofia Ahl;S;ledamot\nLina Ek;MP;ersättare\n", "cp1252")
    app = make_app(demo_store)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(app, pilot)
        await pilot.press("l")
        await settle(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*str(tmp_path / "saknas.csv"), "enter", "enter", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, EntryDialog), "the form is back after the mistake"
        assert app.screen.query_one("#path", Input).value.endswith("saknas.csv")
        await pilot.press("ctrl+u", *str(table), "enter", *"2023-01-01", "enter", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, MembersScreen)
    new = {s.name: s for s in demo_store.members.seats() if s.first_day == dt.date(2023, 1, 1)}
    assert set(new) == {"Sofia Ahl", "Lina Ek"} and new["Lina Ek"].order == 1


def test_snapshot_members(demo_store, make_app, snap_compare):
    async def members(pilot):
        await settle(pilot.app, pilot)
        await pilot.press("l")
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(demo_store), terminal_size=(110, 30), run_before=members)
