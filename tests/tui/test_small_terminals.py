"""Pilot tests at an ordinary laptop's 80×24: nothing needed is out of sight."""

from __future__ import annotations

from textual.widgets import DataTable, Label

from namnd.domain.kinds import VoteChoice
from namnd.tui.screens.protocol import ProtocolScreen
from namnd.tui.screens.vote import VoteScreen
from namnd.tui.widgets.entry_dialog import EntryDialog
from tests.protocol_sample import draft_protocol
from tests.tui.conftest import settle

DAY = "2019-09-19"


def _in_view(widget) -> bool:
    """The widget lies wholly inside its screen and inside the dialog that holds it."""
    screen = widget.screen
    dialog = widget.parent
    while dialog is not None and "dialog" not in dialog.classes:
        dialog = dialog.parent
    inside = dialog is None or dialog.region.contains_region(widget.region)
    return inside and screen.region.contains_region(widget.region) and widget.region.height > 0


def _cursor_in_view(table: DataTable) -> bool:
    rows = table.size.height - table.header_height
    return table.scroll_y <= table.cursor_row < table.scroll_y + rows


async def test_vote_all_thirteen_members_at_80x24_and_read_the_totals(demo_store, make_app):
    meeting = demo_store.schedule.find_meeting(DAY).id
    demo_store.protocols.replace(meeting, draft_protocol())
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "p")
        await settle(app, pilot)
        assert isinstance(app.screen, ProtocolScreen)
        await pilot.press(*["down"] * 8, "v")  # § 90
        await settle(app, pilot)
        vote = app.screen
        assert isinstance(vote, VoteScreen)
        table = vote.query_one("#ballots", DataTable)
        totals = vote.query_one("#vote-totals", Label)
        assert table.row_count == 13
        keys = ["j"] * 10 + ["a", "n", "j"]
        for key in keys:
            assert _cursor_in_view(table), f"row {table.cursor_row} is out of sight"
            await pilot.press(key)
            await pilot.pause()
            assert _in_view(totals), "the running totals must stay visible"
        assert _cursor_in_view(table)
        text = str(totals.render())
        assert "Ja 11 · Nej 1 · Avstår 1 · 13 av 13 har röstat · utfall: Ja" in text
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ProtocolScreen)
    ballots = demo_store.protocols.get(meeting).protocol.paragraph(90).vote.ballots
    choices = [b.choice for b in ballots]
    assert choices.count(VoteChoice.YES) == 11 and choices.count(VoteChoice.ABSTAIN) == 1


async def test_the_new_seat_dialog_fits_with_its_title_and_keys_in_view(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("l")
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, EntryDialog)
        title = dialog.query_one(".dialog-title", Label)
        assert "ctrl+s sparar" in str(title.render())
        await pilot.press(*"Ulla Ek", "tab", *"L")
        for _ in range(5):  # down to the last field, Inkallelseordning
            await pilot.press("tab")
            await pilot.pause()
            assert _in_view(title) and _in_view(dialog.focused)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, EntryDialog), [n.message for n in app._notifications]
    assert any(s.name == "Ulla Ek" and s.party == "L" for s in demo_store.members.seats())
