"""``w`` on a kallelse holding a control character (stored by an older namnd) keeps the app."""

from __future__ import annotations

from sqlalchemy import text

from namnd.tui.screens.agenda import AgendaScreen
from tests.tui.conftest import settle


async def test_w_with_a_stored_control_character_shows_a_swedish_message(demo_store, make_app):
    with demo_store.engine.begin() as connection:
        connection.execute(text("UPDATE arende SET summary_md = 'Text' || char(27) || '[2J'"))
    app = make_app(demo_store)
    notes: list[str] = []
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
        original = app.screen.notify

        def record(message, *args, **kwargs):
            notes.append(str(message))
            return original(message, *args, **kwargs)

        app.screen.notify = record  # type: ignore[method-assign]
        await pilot.press("w")
        await settle(app, pilot)
        assert app.is_running and isinstance(app.screen, AgendaScreen)
        assert any("kunde inte skrivas som Word" in note for note in notes), notes
    assert not list(app.workspace.agendas.glob("*.docx"))
