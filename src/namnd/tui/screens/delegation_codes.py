"""Delegationsordningen: one organ's codes, what each covers and who the delegat is.

A delegationsbeslut list is checked against it, so a code missing here shows up as an
unknown code; ``n`` adds one and ``e`` changes the highlighted code's ärende or delegat.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from namnd.domain.models import DelegationCode
from namnd.errors import NamndError
from namnd.storage.store import Store
from namnd.tui.organ_choice import PICK_ORGAN, PICK_ORGAN_ENTRY, PerOrganScreen
from namnd.tui.store_writes import write
from namnd.tui.widgets.entry_dialog import EntryDialog, Field
from namnd.tui.widgets.footer import Footer
from namnd.tui.widgets.plain_table import PlainTable


class DelegationCodesScreen(PerOrganScreen, Screen[None]):
    """The delegationsordning of the current organ; n new code, e change, b another organ."""

    HELP_TITLE = "Delegationsordning"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tillbaka", id="back"),
        Binding("n", "edit(False)", "Ny kod", id="new_code"),
        Binding("e", "edit(True)", "Ändra", id="edit_code"),
        PICK_ORGAN,
    ]

    PALETTE = (
        ("Delegationsordning: ny delegationskod", "edit(False)"),
        ("Delegationsordning: ändra markerad kod", "edit(True)"),
        PICK_ORGAN_ENTRY,
    )

    def __init__(self, store: Store, organ_code: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.organ_code = organ_code
        self.codes: list[DelegationCode] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="codes-heading")
        yield PlainTable(id="codes", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Kod", "Ärende", "Delegat")
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self, focus: str | None = None) -> None:
        try:
            codes = self.store.delegation.codes(self.resolve_organ().code)
            unknown = self.store.delegation.unknown_codes(self.organ_code)
        except NamndError as err:
            self.app.call_from_thread(self.notify, str(err), severity="error")
            return
        self.app.call_from_thread(self._show, codes, unknown, focus)

    def _show(self, codes: list[DelegationCode], unknown: list[str], focus: str | None) -> None:
        self.codes = codes
        self.sub_title = f"Delegationsordning · {self.organ_name}"
        missing = f" · saknas men används: {escape(', '.join(unknown))}" if unknown else ""
        self.query_one("#codes-heading", Static).update(
            f"[b]Delegationsordning[/b], {escape(self.organ_name)} · {len(codes)} koder{missing}"
        )
        table = self.query_one(DataTable)
        table.clear()
        for c in codes:
            table.add_row(c.code, c.subject, c.delegate, key=c.code)
        keys = [c.code for c in codes]
        if focus in keys:
            table.move_cursor(row=keys.index(focus))
        table.focus()
        self.refresh_bindings()

    def organ_changed(self) -> None:
        self._load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Ändra is dimmed while there is no code; Byt nämnd needs more than one organ."""
        if action == "pick_organ":
            return self.may_pick_organ()
        if action == "edit" and parameters and parameters[0]:
            return True if self.codes else None
        return True

    def action_edit(self, existing: bool, values: dict[str, str] | None = None) -> None:
        """The code form; a mistake is shown and the form comes back as typed."""
        table = self.query_one(DataTable)
        code = self.codes[table.cursor_row] if existing and self.codes else None
        if values is None:
            values = (
                {"code": code.code, "subject": code.subject, "delegate": code.delegate}
                if code
                else {}
            )
        fields = [
            Field("code", "Kod (t.ex. D2)", value=values.get("code", "")),
            Field("subject", "Ärende", value=values.get("subject", "")),
            Field("delegate", "Delegat", value=values.get("delegate", "")),
        ]

        def done(answer: dict[str, str] | None) -> None:
            if answer is None:
                return

            def failed(err: NamndError) -> None:
                self.notify(str(err), title="Kunde inte spara", severity="error")
                self.action_edit(existing, answer)

            write(
                self,
                lambda: self.store.delegation.save_code(
                    answer["code"], answer["subject"], answer["delegate"], self.organ_code
                ),
                title="Kunde inte spara",
                done=saved,
                failed=failed,
            )

        def saved(code: str) -> None:
            self.notify(f"Kod {code} är sparad.", title="Delegationsordning")
            self._load(code)

        title = f"Ändra {code.code}" if code else f"Ny delegationskod, {self.organ_name}"
        self.app.push_screen(EntryDialog(title, fields), done)
