"""Pilot tests: typed text survives continuous typing, a conflict and a busy database."""

from __future__ import annotations

import dataclasses

import pytest
from textual.widgets import Label, TextArea

from namnd.domain.changes import ArendeChanges
from namnd.storage.store import Store
from namnd.tui.screens.protocol import ProtocolScreen
from tests.locks import write_lock
from tests.tui.conftest import open_arende_editor, settle, wait_until

DAY = "2019-09-19"


def _state(screen) -> str:
    return str(screen.query_one("#save-state", Label).render())


async def _open_protocol(app, pilot) -> ProtocolScreen:
    """The demo meeting in protocol mode, §§ from 82, the beslut of § 82 in focus."""
    await settle(app, pilot)
    await pilot.press("enter", "p")
    await pilot.pause()
    await pilot.press(*"82", "enter")
    await settle(app, pilot)
    assert isinstance(app.screen, ProtocolScreen)
    return app.screen


def _decision(store, number: int = 82) -> str:
    return (
        store.protocols.get(store.schedule.find_meeting(DAY).id)
        .protocol.paragraph(number)
        .decision_md
    )


async def _type_steadily(pilot, text: str, saved) -> bool:
    """Press one key every 0.2 s; True if ``saved()`` held before the last key."""
    seen = False
    for char in text:
        await pilot.press(char if char != " " else "space")
        await pilot.pause(0.2)
        seen = seen or saved()
    return seen


# --- 4: a steady autosave while typing ------------------------------------------------

STEADY = "abcdefghijklmnopqrst"  # 20 keys, 0.2 s apart: 4 s without a pause


async def test_typing_without_a_pause_is_saved_while_typing_in_the_editor(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        editor = await open_arende_editor(app, pilot)
        editor.query_one("#summary_md", TextArea).focus()
        await pilot.press("end")

        def saved() -> bool:
            return "abcdefgh" in demo_store.agendas.arende(editor.arende_id)[0].summary_md

        assert await _type_steadily(pilot, STEADY, saved), "no save while typing"
        await wait_until(
            pilot, lambda: STEADY in demo_store.agendas.arende(editor.arende_id)[0].summary_md
        )


async def test_typing_without_a_pause_is_saved_while_typing_in_the_protocol(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(140, 44)) as pilot:
        await _open_protocol(app, pilot)
        await pilot.press("e")

        def saved() -> bool:
            return "abcdefgh" in _decision(demo_store)

        assert await _type_steadily(pilot, STEADY, saved), "no save while typing"
        await wait_until(pilot, lambda: _decision(demo_store) == STEADY)


async def test_the_signal_handler_saves_the_editor_and_the_beslut_then_exits(demo_store, make_app):
    """What SIGHUP/SIGTERM run (tests/tui/test_signals.py sends the real signals)."""
    import signal

    app = make_app(demo_store)
    async with app.run_test(size=(140, 44)) as pilot:
        await _open_protocol(app, pilot)
        await pilot.press("e", *"Bifall")
        await pilot.press("ctrl+p")  # the palette over it: the § stays underneath
        await pilot.pause()
        app.save_and_exit(signal.SIGTERM)
        await pilot.pause()
    assert app.return_code == 128 + signal.SIGTERM
    assert _decision(demo_store) == "Bifall"


# --- 3: a Konflikt in the protokoll keeps the text ------------------------------------


def _someone_else_saves(store, text: str, number: int = 82) -> None:
    meeting_id = store.schedule.find_meeting(DAY).id
    view = store.protocols.get(meeting_id)
    paragraph = dataclasses.replace(view.protocol.paragraph(number), decision_md=text)
    store.protocols.save_paragraph(
        meeting_id, paragraph, view.versions[number], paragraph_id=view.ids[number]
    )


async def _conflict(app, pilot, store) -> ProtocolScreen:
    screen = await _open_protocol(app, pilot)
    await pilot.press("e", *"Min", "space", *"text")
    _someone_else_saves(store, "Deras text")
    await pilot.press("escape")  # back to the list: the save meets the other version
    await pilot.pause()
    assert "Konflikt" in _state(screen)
    return screen


async def test_moving_on_after_a_conflict_keeps_the_text(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(140, 44)) as pilot:
        screen = await _conflict(app, pilot, demo_store)
        assert "ctrl+r" in _state(screen) and "ctrl+o" in _state(screen)
        await pilot.press("down", "down")
        await pilot.pause()
        assert screen.number == 82
        assert screen.query_one("#decision", TextArea).text == "Min text"
        assert _decision(demo_store) == "Deras text"
        # The user overwrites deliberately: their text is saved over the other version.
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("shift+tab", "enter")  # from "Avbryt" to "Skriv över"
        await settle(app, pilot)
        assert _decision(demo_store) == "Min text"
        assert "Sparat" in _state(screen)
        await pilot.press("down")
        await pilot.pause()
        assert screen.number == 83


async def test_after_a_conflict_the_other_version_can_be_read_in(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(140, 44)) as pilot:
        screen = await _conflict(app, pilot, demo_store)
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("shift+tab", "enter")  # from "Avbryt" to "Läs in"
        await settle(app, pilot)
        assert screen.query_one("#decision", TextArea).text == "Deras text"
        assert not screen.conflict
        await pilot.press("down")
        await pilot.pause()
        assert screen.number == 83
    assert _decision(demo_store) == "Deras text"


async def test_quitting_in_a_conflict_keeps_the_app_open(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(140, 44)) as pilot:
        screen = await _conflict(app, pilot, demo_store)
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running and app.screen is screen
        assert screen.query_one("#decision", TextArea).text == "Min text"


async def test_after_a_conflict_the_editor_can_overwrite_deliberately(demo_store, make_app):
    from textual.widgets import Input

    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        editor = await open_arende_editor(app, pilot)
        arende, _ = demo_store.agendas.arende(editor.arende_id)
        demo_store.agendas.save_arende(
            editor.arende_id, arende.version, ArendeChanges(title="Deras rubrik"), by="x"
        )
        editor.query_one("#title", Input).value = "Min rubrik"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "ctrl+o" in _state(editor)
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("shift+tab", "enter")  # from "Avbryt" to "Skriv över"
        await settle(app, pilot)
        assert not editor.conflict and _state(editor).startswith("Sparat")
    assert demo_store.agendas.arende(editor.arende_id)[0].title == "Min rubrik"


# --- 5: a busy database -------------------------------------------------------------


@pytest.fixture
def busy_store(workspace, templates, monkeypatch):
    """The demo with a short busy timeout, so a held lock is noticed quickly."""
    monkeypatch.setenv("NAMND_BUSY_TIMEOUT_MS", "150")
    monkeypatch.setattr("namnd.tui.autosave.BUSY_RETRY_DELAY", 0.3)
    templates.sqlite_into("demo", workspace)
    store = Store.open(workspace)
    yield store
    store.close()


async def test_a_busy_database_keeps_the_editors_text_and_saves_it_later(
    busy_store, workspace, make_app
):
    app = make_app(busy_store)
    async with app.run_test(size=(140, 40)) as pilot:
        editor = await open_arende_editor(app, pilot)
        editor.query_one("#summary_md", TextArea).focus()
        with write_lock(workspace):
            await pilot.press("end", *"Tillagd")
            await wait_until(pilot, lambda: "upptagen" in _state(editor), what="busy message")
            assert "texten är kvar" in _state(editor)
            assert app.is_running
            assert "Tillagd" in editor.query_one("#summary_md", TextArea).text
        await wait_until(
            pilot,
            lambda: "Tillagd" in busy_store.agendas.arende(editor.arende_id)[0].summary_md,
            what="the retried save",
        )
        await wait_until(pilot, lambda: _state(editor).startswith("Sparat"))


async def test_a_busy_database_keeps_the_beslut_and_saves_it_later(busy_store, workspace, make_app):
    app = make_app(busy_store)
    async with app.run_test(size=(140, 44)) as pilot:
        screen = await _open_protocol(app, pilot)
        with write_lock(workspace):
            await pilot.press("e", *"Bifall")
            await wait_until(pilot, lambda: "upptagen" in _state(screen), what="busy message")
            assert "texten är kvar" in _state(screen)
            await pilot.press("escape", "down")  # moving on must not lose it either
            # The move waits for its save, which the lock refuses: then the cursor is back.
            await wait_until(
                pilot,
                lambda: not screen._in_flight and "upptagen" in _state(screen),
                what="the move's save refused",
            )
            assert screen.number == 82
            assert screen.query_one("#decision", TextArea).text == "Bifall"
            assert app.is_running
        await wait_until(pilot, lambda: _decision(busy_store) == "Bifall", what="retried save")
        await pilot.press("down")
        await wait_until(pilot, lambda: screen.number == 83)
