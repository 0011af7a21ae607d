"""Pilot tests: the secretary builds a kallelse with keys only; the database follows."""

from __future__ import annotations

from textual.widgets import Input, Label, Markdown, TextArea

from namnd.domain.changes import ArendeChanges
from namnd.domain.kinds import MeetingStatus
from namnd.tui.screens.agenda import AgendaScreen
from namnd.tui.screens.arende_editor import ArendeEditorScreen
from namnd.tui.screens.review import ReviewScreen
from namnd.tui.widgets.dialogs import PickDialog
from tests.tui.conftest import open_arende_editor, settle, wait_until


def _titles(store, date):
    view = store.agendas.agenda(store.schedule.find_meeting(date).id)
    return [entry.arende.title for entry in view.entries]


async def _open_january(app, pilot):
    await settle(app, pilot)
    await pilot.press("down", "enter")  # 2020-01-27, the row after 19 September 2019
    await settle(app, pilot)
    assert isinstance(app.screen, AgendaScreen)


async def test_build_a_kallelse_and_mark_it_granskad(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        await _open_january(app, pilot)
        # A standing item from its template, then a new ärende.
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")  # first template: Information från förvaltningen
        await settle(app, pilot)
        await pilot.press("a")  # the add menu: Nytt ärende is its first way
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Budget 2021")
        await pilot.press("enter")
        await settle(app, pilot)
        assert _titles(demo_store, "2020-01-27") == [
            "Information från förvaltningen",
            "Budget 2021",
        ]
        assert demo_store.schedule.find_meeting("2020-01-27").status == MeetingStatus.DRAFT

        # Move the new ärende up: numbering follows. (The cursor is on it once the list
        # has been read again after the save.)
        await wait_until(
            pilot,
            lambda: (
                (item := app.screen._current()) is not None and item.arende.title == "Budget 2021"
            ),
            what="the cursor on the new ärende",
        )
        await pilot.press("K")
        await settle(app, pilot)
        assert _titles(demo_store, "2020-01-27") == [
            "Budget 2021",
            "Information från förvaltningen",
        ]

        # Edit its proposal; leaving the editor saves.
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ArendeEditorScreen)
        app.screen.query_one("#proposal", TextArea).focus()
        await pilot.press(*"Nämnden antar budgeten.")
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
        view = demo_store.agendas.agenda(demo_store.schedule.find_meeting("2020-01-27").id)
        assert view.entries[0].arende.proposal == ["Nämnden antar budgeten."]

        # The ordförande's review: read-only, then granskad.
        await pilot.press("g")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert "Nämnden antar budgeten." in app.screen.query_one(Markdown).source
        # Granskad av: the ordförande chosen (the presidium, ordförande first), not the login.
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, PickDialog)
        await pilot.press("down", "enter")  # förste vice ordförande reviewed this time
        await settle(app, pilot)
        assert "Granskad av Maria Lindqvist (C)" in app.screen.query_one(Markdown).source
    meeting_id = demo_store.schedule.find_meeting("2020-01-27").id
    assert demo_store.schedule.find_meeting("2020-01-27").status == MeetingStatus.REVIEWED
    history = demo_store.agendas.status_history(meeting_id)
    assert [(h.to_status, h.changed_by) for h in history] == [
        (MeetingStatus.DRAFT, "sekreteraren"),
        (MeetingStatus.REVIEWED, "Maria Lindqvist (C)"),
    ]


async def test_review_shows_both_proposals_where_they_differ(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "g")
        await settle(app, pilot)
        source = app.screen.query_one(Markdown).source
    # Each att-sats on its own numbered line, the kallelse's then the förvaltning's.
    ours = source.index("**Förslag till beslut**\n\n1. ")
    theirs = source.index("**Förvaltningens förslag**\n\n1. ", ours)
    assert "\n2. " in source[ours:theirs]
    assert "besvarad" in source and "avstyrker" in source
    # The seed's IOP remiss wanted the yttrande by 15 September; the meeting is the 19th.
    assert "## Remisstiden går ut före sammanträdet" in source
    assert "svar senast söndag 15 september 2019, fyra dagar före sammanträdet" in source


async def test_remove_after_utskick_is_logged_as_a_late_change(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")  # the demo meeting, already utskickad
        await settle(app, pilot)
        await pilot.press("down", "x")
        await pilot.pause()
        await pilot.press("shift+tab", "enter")  # from "Avbryt" back to "Ta bort"
        await settle(app, pilot)
    titles = _titles(demo_store, "2019-09-19")
    late = demo_store.agendas.late_changes(demo_store.schedule.find_meeting("2019-09-19").id)
    assert len(titles) == 9 and "Delårsrapport 2" not in titles
    assert [(c.label, c.arende_title) for c in late] == [
        ("Ändring efter utskick", "Delårsrapport 2")
    ]


async def test_bad_dnr_is_shown_in_swedish_and_nothing_is_lost(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        editor = await open_arende_editor(app, pilot)
        dnr = editor.query_one("#dnr", Input)
        dnr.value = "von-2019-5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        state = str(app.screen.query_one("#save-state", Label).render())
        assert "Ogiltigt diarienummer" in state
        assert dnr.value == "von-2019-5"  # still on screen
        await pilot.press("escape")  # leaving fails too: the editor stays open
        await pilot.pause()
        assert isinstance(app.screen, ArendeEditorScreen)
    agenda = demo_store.agendas.agenda(demo_store.schedule.find_meeting("2019-09-19").id)
    assert agenda.entries[0].arende.dnr == "von/2019:5"


async def test_someone_elses_save_is_never_overwritten(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        editor = await open_arende_editor(app, pilot)
        # Another secretary saves the same ärende meanwhile.
        arende, _ = demo_store.agendas.arende(editor.arende_id)
        demo_store.agendas.save_arende(
            editor.arende_id, arende.version, ArendeChanges(title="Deras rubrik"), by="x"
        )
        editor.query_one("#title", Input).value = "Min rubrik"
        await pilot.press("ctrl+s")
        await pilot.pause()
        state = str(editor.query_one("#save-state", Label).render())
        assert state.startswith("Konflikt")
        assert editor.query_one("#title", Input).value == "Min rubrik"
        assert demo_store.agendas.arende(editor.arende_id)[0].title == "Deras rubrik"
        # The user chooses to read the saved version; only then is their text replaced.
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("shift+tab", "enter")  # from "Avbryt" to "Läs in"
        await pilot.pause()
        assert editor.query_one("#title", Input).value == "Deras rubrik"
        assert not editor.conflict
        editor.query_one("#title", Input).value = "Vår gemensamma rubrik"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert demo_store.agendas.arende(editor.arende_id)[0].title == "Vår gemensamma rubrik"


async def test_autosave_after_typing_stops(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        editor = await open_arende_editor(app, pilot)
        editor.query_one("#summary_md", TextArea).focus()
        await pilot.press("end", *" Tillagd mening.")
        saved = editor.query_one("#save-state", Label)
        await wait_until(pilot, lambda: str(saved.render()).startswith("Sparat"), what="autosave")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Tillagd mening." in editor.query_one("#preview", Markdown).source
    arende, _ = demo_store.agendas.arende(editor.arende_id)
    assert "Tillagd mening." in arende.summary_md


async def test_the_preview_is_laid_out_once_typing_pauses(demo_store, make_app, monkeypatch):
    """Not on every key: a long tjänsteskrivelse's preview took longer than a keystroke."""
    monkeypatch.setattr("namnd.tui.screens.arende_editor.PREVIEW_DELAY", 2.0)
    layouts: list[str] = []
    update = Markdown.update

    def counted(self, markdown):
        if self.id == "preview":
            layouts.append(markdown)
        return update(self, markdown)

    monkeypatch.setattr(Markdown, "update", counted)
    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        editor = await open_arende_editor(app, pilot)
        shown = len(layouts)
        assert layouts[-1].startswith("Information från"), "shown as the editor opens"
        editor.query_one("#summary_md", TextArea).focus()
        await pilot.press("end", *" Ny mening.", "left", "right")
        assert len(layouts) == shown, "laid out while typing"
        preview = editor.query_one("#preview", Markdown)
        await wait_until(pilot, lambda: "Ny mening." in preview.source, what="the preview")
        assert len(layouts) == shown + 1


async def test_kallelse_details_form_saves_and_refuses_bad_dates(demo_store, make_app):
    from textual.widgets import TextArea as Area

    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        await _open_january(app, pilot)
        await pilot.press("k")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#place", Input).value = "Alytus"
        screen.query_one("#start_time", Input).value = "18.30"
        screen.query_one("#groups", Area).load_text(
            "S, KD, MP, C och L; sammanträdessalen; 2020-01-27; 18:00"
        )
        screen.query_one("#kallelse_date", Input).value = "2020-13-01"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen  # not saved, still open, text kept
        assert "Inte sparat" in str(screen.query_one("#details-state", Label).render())
        screen.query_one("#kallelse_date", Input).value = "2020-01-17"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
    meeting, groups = demo_store.agendas.meeting_details(
        demo_store.schedule.find_meeting("2020-01-27").id
    )
    assert (meeting.place, meeting.start_time.strftime("%H:%M")) == ("Alytus", "18:30")
    assert meeting.kallelse_date.isoformat() == "2020-01-17"
    assert [(g.parties, g.place) for g in groups] == [("S, KD, MP, C och L", "sammanträdessalen")]


async def test_quitting_saves_the_editor_first(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        editor = await open_arende_editor(app, pilot)
        assert "utskickad" in str(editor.query_one("#save-state", Label).render())
        await pilot.press("tab", "tab", "tab")  # rubrik → dnr → typ → sekretess
        assert editor.focused is editor.query_one("#confidential")
        await pilot.press("space", "q")  # quit before the autosave's second has passed
        await pilot.pause()
    assert app.return_code == 0
    assert demo_store.agendas.arende(editor.arende_id)[0].confidential is True
    late = demo_store.agendas.late_changes(demo_store.schedule.find_meeting("2019-09-19").id)
    assert [c.arende_title for c in late] == ["Information från förvaltningen"]


async def test_placing_a_yttrande_after_its_remiss_ran_out_warns_at_once(demo_store, make_app):
    from textual.widgets import OptionList

    from namnd.tui.widgets.dialogs import PickDialog

    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "enter")  # 27 January 2020
        await settle(app, pilot)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, PickDialog)
        options = app.screen.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        iop = next(i for i, label in enumerate(labels) if "Idéburet" in label)
        options.focus()
        await pilot.press(*["down"] * iop, "enter")
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
    assert any("svar senast söndag 15 september 2019, 134 dagar före" in m for m in messages)
