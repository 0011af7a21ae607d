"""Help in Swedish, footers that fit 80 columns, dialogs that say what Enter does."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Button, Input, Label, TextArea

from namnd.domain.protocol import Justering
from namnd.rules.swedish_numbers import counted
from namnd.tui.screens.help import HelpScreen, general_keys, screen_keys
from namnd.tui.screens.protocol import MARKS_LEGEND, ProtocolScreen
from namnd.tui.widgets.dialogs import ConfirmDialog
from namnd.tui.widgets.entry_dialog import EntryDialog
from tests.tui.conftest import open_arende_editor, settle, wait_for_palette
from tests.tui.footer_keys import visible_footer_keys

DAY = "2019-09-19"


async def _open_protocol(app, pilot) -> None:
    await pilot.press("enter", "p")
    await pilot.pause()
    await pilot.press("enter")
    await settle(app, pilot)
    assert isinstance(app.screen, ProtocolScreen)


#: (keys pressed from the meetings list, the keys its footer must show at 80 columns)
MAIN_SCREENS = [
    ((), ["enter", "y", "u", "l", "slash", "q"]),
    (("enter",), ["escape", "e", "a", "p", "w", "g"]),
    (("y",), ["left", "right", "escape", "g"]),
    (("l",), ["escape", "n", "e", "x", "h"]),
    (("u",), ["escape", "p", "a", "s"]),
    (("slash",), ["escape", "ctrl+f"]),
    (("enter", "e"), ["escape", "ctrl+s"]),
    (("enter", "k"), ["escape", "ctrl+s"]),
    (("enter", "g"), ["escape"]),
    (("v",), ["escape"]),
]


@pytest.mark.parametrize(("path", "top"), MAIN_SCREENS)
async def test_each_footer_shows_its_top_keys_and_help_at_80_columns(
    demo_store, make_app, path, top
):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press(*path)
        await settle(app, pilot)
        shown = visible_footer_keys(app.screen)
    assert shown[: len(top)] == top
    assert shown[-1] in ("question_mark", "f1"), "Hjälp stands at the right, never cut"
    assert "ctrl+p" not in shown, "at 80 columns the palette key gives way (Hjälp names it)"


async def test_protocol_footer_follows_its_state(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await _open_protocol(app, pilot)
        shown = visible_footer_keys(app.screen)
        assert shown == ["escape", "e", "y", "v", "r", "question_mark"]
        meeting_id = demo_store.schedule.find_meeting(DAY).id
        view = demo_store.protocols.get(meeting_id)
        justering = Justering(justerare=("Per Ek",), place="Tumba", date=dt.date(2019, 9, 26))
        demo_store.protocols.save_justering(meeting_id, justering, None, view.head_version)
        demo_store.protocols.justera(meeting_id, dt.date(2019, 9, 26), by="sekreteraren")
        app.screen._reload()
        await settle(app, pilot)
        shown = visible_footer_keys(app.screen)
    # P (publicera på anslagstavlan) beside A: at 80 columns rättelse (c) and Word (w)
    # give way to it; they show at 120 columns and Hjälp lists them.
    assert shown == ["escape", "A", "P", "x", "X", "question_mark"]


async def test_question_mark_opens_the_screens_keys_in_swedish(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await _open_protocol(app, pilot)
        protocol = app.screen
        await pilot.press("question_mark")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        lines = screen_keys(protocol)
        general = " ".join(k.description for k in general_keys(protocol))
        more = str(app.screen.query_one("#help-more").render())
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is protocol
        await pilot.press("f1")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
    # Every binding of the screen, even those the footer leaves out, from BINDINGS.
    text = " ".join(k.description for k in lines)
    for binding in ProtocolScreen.BINDINGS:
        assert binding.description in text
    (post,) = [k for k in lines if k.keys == "A"]
    assert not post.available, "a key for another state is marked (inte nu)"
    assert "Focus" not in general and "Nästa fält" in general and "Avsluta" in general
    assert "README.md" in more


def test_snapshot_help_screen(demo_store, make_app, snap_compare):
    async def open_help(pilot):
        await settle(pilot.app, pilot)
        await pilot.press("enter")
        await settle(pilot.app, pilot)
        await pilot.press("question_mark")
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=open_help)


async def test_the_palette_speaks_swedish(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        await pilot.press("ctrl+p")
        await pilot.pause()
        placeholder = app.screen.query_one(Input).placeholder
        await pilot.press(*"xqzxqz")
        await wait_for_palette(pilot)
        options = app.screen.query_one("CommandList")
        last = str(options.get_option_at_index(options.option_count - 1).prompt.renderable)
    assert titles[:3] == ["Hjälp", "Tema", "Avsluta"] and "Skärmbild" in titles
    assert not {"Keys", "Theme", "Quit", "Screenshot"} & set(titles)
    assert placeholder == "Sök kommandon…"
    assert "Inga träffar" in last


async def test_planning_dialog_enter_plans_and_removal_says_how(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        year = app.screen.year
        before = len(demo_store.schedule.meetings(year=year))
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert app.focused is dialog.query_one("#yes", Button)
        assert "Enter = Planera" in str(dialog.query_one("#confirm-hint").render())
        await pilot.press("enter")
        await settle(app, pilot)
        planned = len(demo_store.schedule.meetings(year=year))
        assert planned > before, "Enter planned the proposed dates"

        # Removal destroys: Enter cancels, the dialog says which key removes.
        await pilot.press("end", "x")
        await pilot.pause()
        hint = str(app.screen.query_one("#confirm-hint").render())
        assert hint == "Enter = Avbryt; tryck T för ”Ta bort”."
        await pilot.press("enter")
        await settle(app, pilot)
        assert len(demo_store.schedule.meetings(year=year)) == planned
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("t")
        await settle(app, pilot)
    assert len(demo_store.schedule.meetings(year=year)) == planned - 1


async def test_reservation_offers_only_those_not_reserved(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await _open_protocol(app, pilot)
        await pilot.press("y")  # a yrkande by the first serving member
        await pilot.pause()
        mover = app.screen.query_one("#by").value
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EntryDialog)
        by = dialog.query_one("#by")
        reason = dialog.query_one("#reason", Input)
        assert by.value == mover and reason.value == "till förmån för eget yrkande"
        by.value = dialog.fields[0].options[1][1]  # someone who made no yrkande
        await pilot.pause()
        assert reason.value == ""
        by.value = mover
        await pilot.pause()
        assert reason.value == "till förmån för eget yrkande"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        offered = [value for _label, value in app.screen.fields[0].options]
    assert mover not in offered


async def test_ctrl_a_selects_all_in_a_text_area(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await _open_protocol(app, pilot)
        await pilot.press("e", *"Beslut i två ord")
        await pilot.press("ctrl+a")
        area = app.screen.query_one("#decision", TextArea)
        assert area.selected_text == "Beslut i två ord"


async def test_editor_labels_keep_sekretess_in_brackets(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_arende_editor(app, pilot)
        labels = [str(label.render()) for label in editor.query(Label)]
    assert any("Titel [sekretess] [skickas ut senare] [fil: X]" in text for text in labels)


def test_protocol_marks_are_the_keys_that_record_them():
    letters = {"y2": "y", "v": "v", "r": "r", "j": "j", "o": "o", "s": "s"}
    for mark, key in letters.items():
        assert f" {mark} " in MARKS_LEGEND
        assert any(b.key == key for b in ProtocolScreen.BINDINGS)
    # Capital letters are other keys (J Justera, E Expedieras, A Anslag): none is a mark.
    assert " J " not in MARKS_LEGEND and " Y2 " not in MARKS_LEGEND


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "0 träffar"), (1, "1 träff"), (2, "2 träffar"), (21, "21 träffar")],
)
def test_swedish_plural(n, text):
    assert counted(n, "träff", "träffar") == text
    assert counted(1, "ledamot", "ledamöter") == "1 ledamot"
    assert counted(2, "ledamot", "ledamöter") == "2 ledamöter"


async def test_wide_footer_adds_the_palette_key_and_the_vote_has_help(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert visible_footer_keys(app.screen)[-2:] == ["question_mark", "ctrl+p"]
        await _open_protocol(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        vote = app.screen
        assert "question_mark" in visible_footer_keys(vote)
        await pilot.press("question_mark")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen) and app.screen.for_screen is vote
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is vote
