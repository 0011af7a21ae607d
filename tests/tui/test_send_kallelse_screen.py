"""Pilot: S on the föredragningslista confirms who gets which version, then sends."""

from __future__ import annotations

from textual.widgets import Static

from namnd.storage import preferences
from namnd.tui.screens.send_kallelse import SendScreen
from namnd.tui.widgets.dialogs import ConfirmDialog
from tests.renderers.docx_helpers import require_libreoffice
from tests.tui.conftest import settle, wait_until


async def test_s_asks_then_sends_and_names_each_recipient(
    demo_store, demo_pdf_cache, make_app, smtp_server, monkeypatch
):
    require_libreoffice()
    monkeypatch.setenv("NAMND_SMTP_URL", smtp_server.url)
    preferences.save(preferences.Preferences(mail_from="Sekreteraren <sekr@example.org>"))
    smtp_server.sink.refuse.add("nina.aberg@example.org")
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")  # 19 September 2019, on top
        await settle(app, pilot)
        await pilot.press("S")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question == (
            "Skicka kallelsen till 23 mottagare: 21 får kallelse med handlingar och "
            "2 får offentlig kallelse."
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SendScreen)
        screen = app.screen
        await wait_until(pilot, lambda: screen.outcome is not None, timeout=600, what="utskick")
        status = str(screen.query_one("#send-status", Static).render())
        assert "Skickat till 22 mottagare, 1 nåddes inte." in status
        assert "✗ Nina Åberg (SD): servern svarade 550" in status
        assert "✓ Radio Sörmland – offentlig kallelse" in status
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("S")
        await settle(app, pilot)
        assert app.screen.question.startswith("Skicka kallelsen till 1 mottagare: 1 får kallelse")
        assert "22 mottagare har redan fått den." in app.screen.question
    assert len(smtp_server.sink.received) == 22


async def test_s_without_a_mail_server_sends_nothing_and_says_so(demo_store, make_app):
    preferences.save(preferences.Preferences(mail_from="Sekreteraren <sekr@example.org>"))
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("S", "enter")
        await settle(app, pilot)
        status = str(app.screen.query_one("#send-status", Static).render())
        assert "Inget skickades: Ingen e-postserver angiven" in status
