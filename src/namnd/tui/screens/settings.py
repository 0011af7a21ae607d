"""Inställningar: the current organ's form and the user's own settings on one screen.

The organ's settings are the nämnd's, in the shared database; the name recorded in
logs, the default export folder, the mail server and the sender of e-mail are this
user's, in ``storage.preferences`` (never in the database, so two secretaries on one
server keep their own; the mail password is in neither). ``ctrl+s`` saves both; a
refused value is named and nothing is saved.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Header, Input, Label, Static

from namnd.domain.organ_settings import InvalidOrgan, OrganSettings
from namnd.errors import NamndError
from namnd.formats.smtp_url import parse_smtp_url
from namnd.renderers.kallelse_mail import checked_sender
from namnd.storage import preferences
from namnd.storage.store import Store
from namnd.tui.screens.organ_form import save_organ
from namnd.tui.store_writes import write
from namnd.tui.widgets.footer import Footer
from namnd.tui.widgets.organ_fields import OrganFields

FOLDER_HINT = "annars agendas/ och protocols/ i arbetsmappen"
SMTP_HINT = "smtp+starttls://namn@smtp.kommun.se:587"
SENDER_HINT = "Nämndsekreterare <sekreterare@kommun.se>"


class SettingsScreen(Screen[bool]):
    """The organ form for ``settings`` plus the user's name in logs and export folder."""

    HELP_TITLE = "Inställningar"
    BINDINGS = [
        Binding("ctrl+s", "save", "Spara", id="save"),
        Binding("escape", "cancel", "Avbryt", id="cancel"),
    ]
    PALETTE = (("Inställningar: spara", "save"), ("Inställningar: avbryt", "cancel"))

    def __init__(self, store: Store, settings: OrganSettings, *, where: str) -> None:
        super().__init__()
        self.store, self.settings, self.where = store, settings, where
        self.preferences = preferences.load()

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="settings-form"):
            yield Static(f"[b]{escape(self.settings.name)}[/b]", classes="settings-heading")
            yield OrganFields(self.settings)
            yield Static("[b]Dina egna inställningar[/b]", classes="settings-heading")
            prefs = self.preferences
            for label, value, hint, name in (
                ("Ditt namn i loggarna", prefs.user_name, "annars inloggningsnamnet", "user"),
                ("Mapp för exporter", prefs.export_folder, FOLDER_HINT, "folder"),
                ("E-postserver (SMTP)", prefs.smtp_url, SMTP_HINT, "smtp"),
                ("Avsändare för e-post", prefs.mail_from, SENDER_HINT, "from"),
            ):
                with Horizontal(classes="organ-row"):
                    yield Label(label)
                    yield Input(value, placeholder=hint, id=f"pref-{name}", compact=True)
            yield Static(
                "Lösenordet till e-postservern sparas aldrig här: ange det i "
                "NAMND_SMTP_PASSWORD eller i datorns nyckelring.",
                id="settings-password",
            )
            yield Static(
                f"Databasen och arbetsmappen: {self.where}", id="settings-where", markup=False
            )
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Inställningar · {self.where}"
        self.query_one("#organ-name", Input).focus()

    def action_save(self) -> None:
        fields = self.query_one(OrganFields)
        smtp = self.query_one("#pref-smtp", Input).value.strip()
        sender = self.query_one("#pref-from", Input).value.strip()
        try:  # the user's own settings first: a bad one saves nothing at all
            if smtp:
                parse_smtp_url(smtp)
            if sender:
                checked_sender(sender)
        except NamndError as err:
            self.notify(str(err), title="Inställningar", severity="error", timeout=12)
            return
        typed = fields.values()

        def failed(err: NamndError) -> None:
            if isinstance(err, InvalidOrgan):
                fields.show_problems(err.problems)
                self.notify("Inget sparades; se felen i formuläret.", severity="error")
            else:
                self.notify(str(err), title="Inställningar", severity="error")

        write(
            self,
            lambda: save_organ(self.store, self.settings, typed),
            title="Inställningar",
            done=lambda saved: self._saved(saved, smtp, sender),
            failed=failed,
        )

    def _saved(self, settings: OrganSettings, smtp: str, sender: str) -> None:
        """The organ is saved: now the user's own settings (checked already), in the file."""
        self.settings = settings
        self.query_one(OrganFields).show_problems({})
        user = self.query_one("#pref-user", Input).value.strip()
        folder = self.query_one("#pref-folder", Input).value.strip()
        self.preferences = dataclasses.replace(
            self.preferences,
            user_name=user,
            export_folder=str(Path(folder).expanduser()) if folder else "",
            smtp_url=smtp,
            mail_from=sender,
        )
        preferences.save(self.preferences)
        self.app.user = preferences.current_user(self.preferences)  # type: ignore[attr-defined]
        self.notify("Inställningarna är sparade.", title="Inställningar")
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
