"""F on the föredragningslista: record a förhinder, see the proposal, call in, withdraw."""

from __future__ import annotations

from email import message_from_bytes, policy

from sqlmodel import select
from textual.widgets import DataTable, Input, OptionList, Static

from namnd.domain.models import Person
from namnd.operations import inkallelse
from namnd.tui.screens.agenda import AgendaScreen
from namnd.tui.screens.forhinder import ForhinderScreen
from namnd.tui.screens.help import HelpScreen
from namnd.tui.widgets.dialogs import PickDialog, TextDialog
from tests.tui.conftest import cells, settle
from tests.tui.footer_keys import visible_footer_keys

DAY = "2019-09-19"


async def _pick(app, pilot, label_start: str) -> None:
    """Move the dialog's option list to the option starting with ``label_start``, choose it."""
    options = app.screen.query_one(OptionList)
    for index in range(options.option_count):
        if str(options.get_option_at_index(index).prompt).startswith(label_start):
            options.highlighted = index
            break
    else:
        raise AssertionError(f"no option {label_start!r}")
    await pilot.press("enter")
    await settle(app, pilot)


async def test_F_records_a_forhinder_and_calls_in_the_proposed_ersattare(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("F")
        await settle(app, pilot)
        assert isinstance(app.screen, ForhinderScreen)
        assert visible_footer_keys(app.screen)[:4] == ["escape", "n", "i", "x"]
        assert "Inga förhinder" in str(app.screen.query_one("#call-in-proposal", Static).content)

        await pilot.press("n")
        await settle(app, pilot)
        assert isinstance(app.screen, PickDialog)
        await _pick(app, pilot, "Per Ek (M)")
        assert isinstance(app.screen, TextDialog)
        app.screen.query_one(Input).value = "sjuk"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ForhinderScreen)
        assert app.screen.query_one(DataTable).row_count == 1
        proposal = str(app.screen.query_one("#call-in-proposal", Static).content)
        assert "Per Ek (M) saknas: kalla in Anna Berg (M)" in proposal

        await pilot.press("i")
        await settle(app, pilot)
        assert isinstance(app.screen, PickDialog)
        await _pick(app, pilot, "Anna Berg (M) (förslag)")
        assert isinstance(app.screen, PickDialog), "how: no mail server, so no e-post"
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert prompts == ["Utkast (.eml) för Outlook", "Ringer själv"]
        await _pick(app, pilot, "Ringer själv")
        assert isinstance(app.screen, ForhinderScreen)
        row = cells(app.screen.query_one(DataTable), 0)
        assert row[4].startswith("Anna Berg: ringer själv")
        assert "Inga förhinder väntar" in str(
            app.screen.query_one("#call-in-proposal", Static).content
        )

        await pilot.press("question_mark")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(app, pilot)

        await pilot.press("x")
        await settle(app, pilot)
        await pilot.press("enter")  # destructive: Enter cancels
        await settle(app, pilot)
        assert [f.name for f in inkallelse.meeting_forhinder(demo_store, DAY).forhinder] == [
            "Per Ek"
        ]
        await pilot.press("x")
        await settle(app, pilot)
        await pilot.press("å")  # Återkalla's own letter
        await settle(app, pilot)
        assert app.screen.query_one(DataTable).row_count == 0
    assert inkallelse.meeting_forhinder(demo_store, DAY).forhinder == []


async def test_an_eml_draft_from_the_screen_carries_the_handlingar(
    demo_store, demo_pdf_cache, make_app, tmp_path
):
    with demo_store.session() as session:
        person = session.exec(select(Person).where(Person.name == "Anna Berg")).one()
        person.email = "anna.berg@example.org"
    inkallelse.report_forhinder(demo_store, DAY, "Per Ek", by="sekr")
    folder = tmp_path / "utkast"
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "F")
        await settle(app, pilot)
        await pilot.press("i")
        await settle(app, pilot)
        await _pick(app, pilot, "Anna Berg (M) (förslag)")
        await _pick(app, pilot, "Utkast (.eml)")
        assert isinstance(app.screen, TextDialog)
        app.screen.query_one(Input).value = str(folder)
        await pilot.press("enter")
        await settle(app, pilot)
        row = cells(app.screen.query_one(DataTable), 0)
        assert row[4].startswith("Anna Berg: e-postutkast (.eml)")
    [eml] = folder.glob("*.eml")
    message = message_from_bytes(eml.read_bytes(), policy=policy.default)
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content()[:5] == b"%PDF-"
