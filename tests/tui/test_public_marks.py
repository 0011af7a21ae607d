"""Pilot tests: a personnummer is marked where it is typed; a refused export says why."""

from __future__ import annotations

from textual.widgets import OptionList, TextArea

from namnd.tui.screens.agenda import AgendaScreen
from namnd.tui.screens.arende_editor import ArendeEditorScreen
from namnd.tui.screens.protocol import ProtocolScreen
from namnd.tui.widgets.dialogs import FindingsDialog
from namnd.tui.widgets.personnummer_warning import PersonnummerWarning
from tests.tui.conftest import settle


def _warning(app) -> PersonnummerWarning:
    return app.screen.query_one(PersonnummerWarning)


async def test_a_personnummer_typed_in_a_public_arende_is_marked(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("e")
        await settle(app, pilot)
        assert isinstance(app.screen, ArendeEditorScreen)
        assert not _warning(app).has_class("shown")
        app.screen.query_one("#summary_md", TextArea).focus()
        await pilot.press("end", *" Ring om 19780312-4564.")
        await settle(app, pilot)
        warning = _warning(app)
        assert warning.has_class("shown") and warning.display
        assert "Personnummer i offentlig text: 19780312-XXXX" in str(warning.render())
        await pilot.press(*["backspace"] * 23)
        await settle(app, pilot)
        assert not _warning(app).has_class("shown")


async def test_a_personnummer_in_a_beslut_is_marked_unless_the_paragraph_is_secret(
    demo_store, make_app
):
    from tests.protocol_sample import draft_protocol

    demo_store.protocols.replace(
        demo_store.schedule.find_meeting("2019-09-19").id, draft_protocol()
    )
    app = make_app(demo_store)
    async with app.run_test(size=(160, 44)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "p")
        await settle(app, pilot)
        assert isinstance(app.screen, ProtocolScreen)
        await pilot.press("e", "end", *" 780312-4564")
        await settle(app, pilot)
        assert _warning(app).has_class("shown")
        await pilot.press("escape", *["down"] * 12)  # § 94, sekretess
        await settle(app, pilot)
        assert app.screen.number == 94
        await pilot.press("e", "end", *" 780312-4564")
        await settle(app, pilot)
        assert not _warning(app).has_class("shown")


async def test_a_refused_public_export_lists_each_finding(demo_store, make_app, monkeypatch):
    """What the gate refuses is shown as a dialog, one line per finding."""
    import docx

    from namnd.errors import PublicationRefused
    from namnd.operations import kallelse_export
    from namnd.operations.public_gate import check_public_file

    def refused(store, ref, *, fmt, path, public=False, template=None):
        # A Word file from the kommun's own template with a personnummer in its header:
        # what the real gate finds there is what the dialog must show.
        document = docx.Document()
        document.sections[0].header.paragraphs[0].text = "Handläggare 19780312-4564"
        path.parent.mkdir(parents=True, exist_ok=True)
        document.save(str(path))
        raise PublicationRefused(str(path), check_public_file(path))

    monkeypatch.setattr(kallelse_export, "export_kallelse", refused)
    app = make_app(demo_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        app.screen.action_export_public()
        await settle(app, pilot)
        assert isinstance(app.screen, FindingsDialog)
        lines = app.screen.query_one("#findings", OptionList)
        assert lines.option_count == 1
        assert "personnummer 19780312-XXXX" in str(lines.get_option_at_index(0).prompt)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
