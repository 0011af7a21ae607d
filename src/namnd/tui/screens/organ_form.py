"""The organ form: a new nämnd or utskott, or the current one's settings.

An empty workspace opens here ("Ny nämnd", with "eller läs in demonämnden" beside the
save button); "Ny nämnd" in the palette adds another organ (an arbetsutskott with the
nämnd as its överordnat organ). ``ctrl+s`` saves, ``esc`` cancels; a refused value is
named under its field and the form keeps what was typed.
"""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Static

from namnd.domain.changes import OrganChanges
from namnd.domain.organ_settings import InvalidOrgan, OrganSettings
from namnd.errors import NamndError
from namnd.storage.store import Store
from namnd.tui.store_writes import write
from namnd.tui.widgets.footer import Footer
from namnd.tui.widgets.organ_fields import OrganFields

#: What the form gives back when the user chose the demo nämnd instead.
DEMO: Literal["demo"] = "demo"


def save_organ(store: Store, original: OrganSettings | None, typed: OrganSettings) -> OrganSettings:
    """Create or change the organ (InvalidOrgan by field; nothing saved then)."""
    if original is None:
        return store.organs.create(typed)
    return store.organs.edit(original.code, OrganChanges.every_field_of(typed))


class OrganFormScreen(Screen["OrganSettings | Literal['demo'] | None"]):
    """One organ's settings; dismissed with what was saved (None on esc)."""

    HELP_TITLE = "Ny nämnd"
    BINDINGS = [
        Binding("ctrl+s", "save", "Spara", id="save"),
        Binding("escape", "cancel", "Avbryt", id="cancel"),
    ]
    PALETTE = (("Nämnd: spara", "save"), ("Nämnd: avbryt utan att spara", "cancel"))

    def __init__(
        self,
        store: Store,
        settings: OrganSettings | None = None,
        *,
        offer_demo: bool = False,
        where: str = "",
    ) -> None:
        super().__init__()
        self.store, self.settings, self.offer_demo = store, settings, offer_demo
        #: Where the workspace is, for the header (``tui.app.workspace_label``).
        self.where = where

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="organ-form"):
            if self.offer_demo:
                yield Static(
                    "[b]Välkommen![/b] Börja med att lägga upp nämnden. Utskott (t.ex. "
                    "arbetsutskottet) lägger du till sedan, med nämnden som överordnat organ.",
                    id="organ-welcome",
                )
            yield OrganFields(self.settings)
            with Horizontal(id="organ-buttons"):
                yield Button("Spara (ctrl+s)", id="organ-save", variant="primary")
                if self.offer_demo:
                    yield Button("eller läs in demonämnden", id="organ-demo")
        yield Footer()

    def on_mount(self) -> None:
        title = f"Nämnd: {self.settings.name}" if self.settings else "Ny nämnd"
        self.sub_title = f"{title} · {self.where}" if self.where else title
        first = "#organ-name" if self.settings else "#organ-code"
        self.query_one(first).focus()

    def action_save(self) -> None:
        fields = self.query_one(OrganFields)
        typed = fields.values()

        def failed(err: NamndError) -> None:
            if isinstance(err, InvalidOrgan):
                fields.show_problems(err.problems)
                self.notify("Nämnden sparades inte; se felen i formuläret.", severity="error")
            else:
                self.notify(str(err), title="Nämnden", severity="error")

        def done(saved: OrganSettings) -> None:
            self.notify(f"{saved.name} är sparad.", title="Nämnden")
            self.dismiss(saved)

        write(
            self,
            lambda: save_organ(self.store, self.settings, typed),
            title="Nämnden",
            done=done,
            failed=failed,
        )

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#organ-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#organ-demo")
    def _demo_pressed(self) -> None:
        self.dismiss(DEMO)
