"""Pilot tests: a new kommun's secretary sets up Socialnämnden and its arbetsutskott."""

from __future__ import annotations

from pathlib import Path

import docx
from textual.widgets import Input, Static

from namnd.domain.organ_settings import OrganSettings
from namnd.operations.agenda_files import import_agenda_file
from namnd.operations.kallelse_export import export_kallelse
from namnd.tui.screens.meetings import MeetingsScreen
from namnd.tui.screens.members import MembersScreen
from namnd.tui.screens.organ_form import OrganFormScreen
from namnd.tui.screens.settings import SettingsScreen
from namnd.tui.widgets.entry_dialog import EntryDialog
from tests.tui.conftest import settle, wait_for_palette
from tests.tui.test_organ_picker import names_in, pick

DATA = Path(__file__).parent.parent / "data" / "socialnamnd"


async def _fill(app, pilot, values: dict[str, str]) -> None:
    """Type each value into its field, replacing what was there."""
    for name, text in values.items():
        app.screen.query_one(f"#organ-{name}", Input).focus()
        await pilot.press("end", "ctrl+u", *text)


async def test_from_an_empty_workspace_create_the_namnd_and_its_arbetsutskott(store, make_app):
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, OrganFormScreen)
        assert app.screen.sub_title == f"Ny nämnd · {app.workspace.root}"
        await _fill(
            app,
            pilot,
            {
                "code": "sn",
                "name": "Socialnämnden",
                "diarium_prefix": "SN",
                "dnr_format": "{prefix} {year}/{number}",
                "administration": "Socialförvaltningen",
                "archive_place": "Socialförvaltningens arkiv",
            },
        )
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)

        await pilot.press("ctrl+p", *"Ny nämnd")
        await wait_for_palette(pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, OrganFormScreen)
        typed = {
            "code": "sn-au",
            "name": "Socialnämndens arbetsutskott",
            "diarium_prefix": "sn",  # Socialnämnden's already
            "parent": "sn",
        }
        await _fill(app, pilot, typed)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        # Refused under its field; the form keeps every value as typed.
        assert isinstance(app.screen, OrganFormScreen)
        error = app.screen.query_one("#organ-error-diarium_prefix", Static)
        assert error.display and "används redan" in str(error.render())
        assert not app.screen.query_one("#organ-error-name", Static).display
        for name, text in typed.items():
            assert app.screen.query_one(f"#organ-{name}", Input).value == text
        assert [o.code for o in store.organs.all()] == ["sn"]

        await _fill(app, pilot, {"diarium_prefix": "SNAU"})
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)

        # A seat in each: the ledamöter screen starts on the nämnd, b switches organ.
        await pilot.press("l")
        await settle(app, pilot)
        assert isinstance(app.screen, MembersScreen)
        for organ, person in (
            ("Socialnämnden", "Ulla Sten"),
            ("Socialnämndens arbetsutskott", "Bo Ek"),
        ):
            if organ != app.screen.organ_name:
                await pick(app, pilot, organ)
            assert app.screen.organ_name == organ
            await pilot.press("n")
            await settle(app, pilot)
            assert isinstance(app.screen, EntryDialog)
            await pilot.press(*person, "enter", *"S", "enter")
            app.screen.query_one("#first_day", Input).focus()
            await pilot.press(*"2019-01-01", "ctrl+s")
            await settle(app, pilot)
            assert isinstance(app.screen, MembersScreen)
            assert names_in(app) == [person]
    organs = {o.code: o for o in store.organs.all()}
    assert organs["sn"].dnr_format == "{prefix} {year}/{number}"
    assert organs["sn"].archive_place == "Socialförvaltningens arkiv"
    assert organs["sn-au"].parent == "sn" and organs["sn-au"].diarium_prefix == "SNAU"


async def test_a_new_name_in_the_settings_shows_in_the_next_export(store, make_app, tmp_path):
    store.organs.create(OrganSettings(code="sn", name="Socialnämnden", diarium_prefix="sn"))
    import_agenda_file(store, DATA / "kallelse.md")
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p", *"Inställningar")
        await wait_for_palette(pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, SettingsScreen)
        await _fill(app, pilot, {"name": "Social- och omsorgsnämnden"})
        app.screen.query_one("#pref-user", Input).focus()
        await pilot.press(*"Iris Holm")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
        assert app.user == "Iris Holm"
    path = export_kallelse(store, "2026-03-12", fmt="docx", path=tmp_path / "kallelse.docx")
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "Social- och omsorgsnämnden" in texts and "Socialnämnden" not in texts


async def test_escape_leaves_the_settings_unsaved(store, make_app):
    store.organs.create(OrganSettings(code="sn", name="Socialnämnden"))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p", *"Inställningar")
        await wait_for_palette(pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await _fill(app, pilot, {"name": "Fel namn"})
        await pilot.press("escape")
        await settle(app, pilot)
    assert store.organs.settings("sn").name == "Socialnämnden"


def test_snapshot_new_organ_form(store, make_app, snap_compare, monkeypatch):
    # The app's workspace (shown in the header) at a fixed place; the store is the test's.
    monkeypatch.setenv("NAMND_HOME", "/srv/namnd")

    async def form(pilot):
        await settle(pilot.app, pilot)
        assert isinstance(pilot.app.screen, OrganFormScreen)

    assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=form)


async def test_the_mail_server_and_sender_are_the_users_own_and_checked(store, make_app):
    from namnd.storage import preferences

    store.organs.create(OrganSettings(code="sn", name="Socialnämnden"))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p", *"Inställningar")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#pref-smtp", Input).value = "smtp://sekr:hemligt@smtp.kommun.se"
        app.screen.query_one("#pref-from", Input).value = "Sekreteraren <sekr@kommun.se>"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, SettingsScreen), "a password in the URL is refused"
        assert preferences.load().smtp_url == ""
        app.screen.query_one("#pref-smtp", Input).value = "smtp+starttls://sekr@smtp.kommun.se:587"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
    saved = preferences.load()
    assert saved.smtp_url == "smtp+starttls://sekr@smtp.kommun.se:587"
    assert saved.mail_from == "Sekreteraren <sekr@kommun.se>"
