"""Anmälningsärenden: the list of anmälda handlingar, edited as lines in the ärende editor."""

from __future__ import annotations

from textual.widgets import TextArea

from namnd.tui.screens.arende_editor import ArendeEditorScreen
from tests.tui.conftest import settle


def _item9(store):
    view = store.agendas.agenda(store.schedule.find_meeting("2019-09-19").id)
    return view.entries[8].arende_id


async def test_add_an_anmald_handling_with_keys(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press(*["down"] * 8, "e")
        await settle(app, pilot)
        editor = app.screen
        assert isinstance(editor, ArendeEditorScreen)
        area = editor.query_one("#announcements", TextArea)
        assert "Redovisning av ej verkställda gynnande beslut enligt LSS" in area.text
        area.focus()
        # A new first line, typed where the cursor starts.
        await pilot.press(*"Lex Maria-anmälan | von/2019:29:18 | IVO [sekretess]", "enter")
        await pilot.press("escape")
        await settle(app, pilot)
    documents = demo_store.agendas.announcements(_item9(demo_store))
    assert len(documents) == 4
    first = documents[0]
    assert (first.title, first.dnr, first.source, first.confidential) == (
        "Lex Maria-anmälan",
        "von/2019:29:18",
        "IVO",
        True,
    )


async def test_place_the_quarters_redovisning_from_the_agenda(demo_store, make_app):
    from namnd.operations.unexecuted_report import import_register
    from tests.storage.test_delegation_import import DATA

    import_register(demo_store, DATA, by="test")
    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "enter")  # 2020-01-27, empty
        await settle(app, pilot)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*"2019Q2", "enter")
        await settle(app, pilot)
        await settle(app, pilot)
    view = demo_store.agendas.agenda(demo_store.schedule.find_meeting("2020-01-27").id)
    (item,) = view.entries
    assert item.arende.title == "Anmälningsärenden"
    assert len(demo_store.agendas.announcements(item.arende_id)) == 2
    assert [a.confidential for a in item.attachments] == [True, True]
