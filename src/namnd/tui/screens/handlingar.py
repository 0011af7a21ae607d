"""Building the kallelse med handlingar (one PDF) from the föredragningslista, with progress.

Converting a few hundred pages through LibreOffice takes a while, so the build runs in a
worker and a progress bar follows it step by step, as the delegation import does.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Header, Label, ProgressBar, Static

from namnd.errors import NamndError, PublicationRefused
from namnd.storage.store import Store
from namnd.tui.widgets.dialogs import show_refusal


class HandlingarScreen(Screen[None]):
    """One meeting's package: internal, or the public version through the gate."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Tillbaka", id="back")]

    def __init__(self, store: Store, meeting_id: int, *, public: bool = False) -> None:
        super().__init__()
        self.store, self.meeting_id, self.public = store, meeting_id, public
        self.sub_title = "Kallelse med handlingar (PDF)"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="details-form"):
            yield Label(
                "Kallelsen med föredragningslistan, varje ärendes tjänsteskrivelse och "
                "bilagor i en PDF/A med bokmärken och sidnummer."
            )
            yield Checkbox(
                "Offentlig version (sekretessbilagor utelämnas)", self.public, id="public"
            )
            yield Button("Skapa PDF", variant="primary", id="build")
            yield ProgressBar(id="build-progress", show_eta=False)
            yield Static("", id="build-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#build", Button).focus()

    def on_button_pressed(self) -> None:
        self.query_one("#build", Button).disabled = True
        self._build(self.query_one("#public", Checkbox).value)

    @work(thread=True, exclusive=True, group="handlingar")
    def _build(self, public: bool) -> None:
        from namnd.operations.handlingar_export import default_path, export_handlingar

        def progress(done: int, total: int, text: str) -> None:
            self.app.call_from_thread(self._progress, done, total, text)

        ref = str(self.meeting_id)
        try:
            workspace = self.store.workspace or self.app.workspace  # type: ignore[attr-defined]
            path = default_path(workspace, self.store, ref, public)
            result = export_handlingar(self.store, ref, path, public=public, progress=progress)
        except PublicationRefused as err:
            self.app.call_from_thread(show_refusal, self.app, err)
            self.app.call_from_thread(self._done, "spärren fann fynd.", True)
            return
        except NamndError as err:
            self.app.call_from_thread(self._done, str(err), True)
            return
        lines = [f"Skrev {result.path} ({result.pages} sidor).", *result.warnings]
        self.app.call_from_thread(self._done, "\n".join(lines), False)

    def _progress(self, done: int, total: int, text: str) -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        self.query_one("#build-status", Static).update(Content(text))

    def _done(self, text: str, error: bool) -> None:
        """Say how the build ended; ``text`` (file names, a refusal) is shown as written."""
        shown = (
            Content.from_markup("[b]Inte skriven:[/b] $text", text=text) if error else Content(text)
        )
        self.query_one("#build-status", Static).update(shown)
        self.query_one("#build", Button).disabled = False
        first = text.splitlines()[0]
        self.notify(
            f"Inte skriven: {first}" if error else first,
            title="Handlingar",
            severity="error" if error else "information",
        )
