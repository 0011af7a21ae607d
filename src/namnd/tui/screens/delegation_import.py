"""Import a delegationsbeslut list from the verksamhetssystem, with a progress bar.

All or nothing: a file with mistakes is reported line by line and nothing is stored;
the same file twice changes nothing. Repaired rows are listed as warnings.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Label, ProgressBar, Static

from namnd.storage.store import Store
from namnd.tui.store_writes import write
from namnd.tui.widgets.footer import Footer


class DelegationImportScreen(Screen[None]):
    """File, list name and period for one meeting's Delegationsbeslut ärende."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Tillbaka", id="back")]
    HELP_TITLE = "Importera delegationsbeslut"

    def __init__(self, store: Store, meeting_id: int, *, user: str) -> None:
        super().__init__()
        self.store, self.meeting_id, self.user = store, meeting_id, user
        self.sub_title = "Importera delegationsbeslut"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="details-form"):
            yield Label("Fil (TSV, CSV eller XLSX från verksamhetssystemet)")
            yield Input(placeholder="t.ex. /home/kerstin/beslut-augusti.xlsx", id="file")
            yield Label("Listans namn (t.ex. Beslut LSS SFB)")
            yield Input(id="list_name")
            yield Label("Period (ÅÅÅÅ-MM; tomt = läses ur besluten)")
            yield Input(id="period")
            yield Button("Importera", variant="primary", id="import")
            yield ProgressBar(id="import-progress", show_eta=False)
            yield Static("", id="import-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#file", Input).focus()

    def on_input_submitted(self) -> None:
        self._start()

    def on_button_pressed(self) -> None:
        self._start()

    def _start(self) -> None:
        path = self.query_one("#file", Input).value.strip()
        if not path:
            self.query_one("#import-status", Static).update("Ange en fil.")
            return
        self.query_one("#import", Button).disabled = True
        self._import(
            Path(path).expanduser(),
            self.query_one("#list_name", Input).value.strip() or None,
            self.query_one("#period", Input).value.strip() or None,
        )

    def _import(self, path: Path, list_name: str | None, period: str | None) -> None:
        """Read and store the list in a worker, the progress bar following it."""
        from namnd.operations.delegation_import import ImportResult, import_delegation_list

        def progress(done: int, total: int, text: str = "") -> None:
            self.app.call_from_thread(self._progress, done, total, text)

        def imported(result: ImportResult) -> None:
            self._done("\n".join([result.message, *result.warnings]), error=False)

        write(
            self,
            lambda: import_delegation_list(
                self.store.delegation,
                path,
                meeting=str(self.meeting_id),
                by=self.user,
                period=period,
                list_name=list_name,
                progress=progress,
            ),
            title="Import",
            done=imported,
            failed=lambda err: self._done(str(err), error=True),
        )

    def _progress(self, done: int, total: int, text: str) -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        if text:
            self.query_one("#import-status", Static).update(Content(text))

    def _done(self, text: str, *, error: bool) -> None:
        """Say how the import ended; ``text`` (a file name, a refusal) is shown as written."""
        shown = (
            Content.from_markup("[b]Inte inläst:[/b] $text", text=text) if error else Content(text)
        )
        self.query_one("#import-status", Static).update(shown)
        self.query_one("#import", Button).disabled = False
        first = text.splitlines()[0]
        self.notify(
            f"Inte inläst: {first}" if error else first,
            title="Import",
            severity="error" if error else "information",
        )
