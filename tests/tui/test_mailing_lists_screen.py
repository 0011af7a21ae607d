"""Pilot: the sändlistor of the organ, from Ledamöter och ersättare (u), at 80×24."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from namnd.operations import mailing_lists
from namnd.tui.screens.mailing_lists import MailingListsScreen
from tests.tui.conftest import settle, wait_until


async def _open(app, pilot) -> None:
    await settle(app, pilot)
    await pilot.press("l")
    await settle(app, pilot)
    await pilot.press("u")
    await settle(app, pilot)
    assert isinstance(app.screen, MailingListsScreen)
    table = app.screen.query_one(DataTable)
    # The columns widen to the rows the worker added on a later refresh: wait for it.
    widest = len("Förvaltningens ledning")
    await wait_until(
        pilot,
        lambda: table.row_count and table.ordered_columns[0].content_width >= widest,
        what="the lists' columns sized to their rows",
    )


async def test_u_shows_the_lists_and_e_v_n_change_them(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot)
        table = app.screen.query_one(DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[0] == ["Ledamöter", "kallelse med handlingar", "13 (ur ledamotsregistret)"]
        assert rows[4] == ["Press och allmänhet", "offentlig kallelse", "2 (egna adresser)"]
        heading = str(app.screen.query_one("#lists-heading", Static).render())
        assert "23 mottagare" in heading
        for _ in range(4):
            await pilot.press("down")
        await pilot.press("e")
        await settle(app, pilot)
        field = app.screen.query_one(Input)
        field.value = "Lokaltidningen <redaktion@example.org>; tv@example.org"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("up", "v")  # Revisorer: the public version from now on
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        app.screen.query_one(Input).value = "Pensionärsrådet"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert table.row_count == 6
    views = {v.name: v for v in mailing_lists.lists(demo_store, "von")}
    assert views["Press och allmänhet"].addresses == (
        "Lokaltidningen <redaktion@example.org>",
        "tv@example.org",
    )
    assert views["Revisorer"].public and not views["Pensionärsrådet"].public


async def test_a_bad_address_is_named_and_nothing_saved(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot)
        for _ in range(4):
            await pilot.press("down")
        await pilot.press("e")
        await settle(app, pilot)
        app.screen.query_one(Input).value = "redaktion@example.org; nyheter(at)example.org"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert any(
            "”nyheter(at)example.org” är ingen e-postadress" in str(n.message)
            for n in app._notifications
        )
    views = {v.name: v for v in mailing_lists.lists(demo_store, "von")}
    assert len(views["Press och allmänhet"].addresses) == 2


def test_snapshot_mailing_lists(demo_store, make_app, snap_compare):
    async def lists(pilot):
        await _open(pilot.app, pilot)

    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=lists)
