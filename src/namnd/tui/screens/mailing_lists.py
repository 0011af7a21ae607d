"""Sändlistor: an organ's lists, which version each receives, and their addresses.

Opened with ``u`` from Ledamöter och ersättare (whose e-post the ledamöter and ersättare
lists are drawn from). ``n`` adds a list of the organ's own, ``e`` its addresses (one
field, separated by semicolons), ``v`` switches the version it receives, ``x`` removes
a list of the organ's own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from namnd.errors import NamndError
from namnd.operations import mailing_lists as ops
from namnd.rules.mailing import FREE, FROM_SEATS, ListView, version_label
from namnd.storage.store import Store
from namnd.tui.store_writes import write
from namnd.tui.widgets.dialogs import ConfirmDialog
from namnd.tui.widgets.entry_dialog import EntryDialog, Field
from namnd.tui.widgets.footer import Footer
from namnd.tui.widgets.plain_table import PlainTable

COLUMNS = ("Sändlista", "Får", "Mottagare")
VERSIONS = (("kallelse med handlingar", "intern"), ("offentlig kallelse", "offentlig"))


class MailingListsScreen(Screen[None]):
    """The organ's sändlistor as a table; each change is saved at once."""

    HELP_TITLE = "Sändlistor"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tillbaka", id="back"),
        Binding("n", "new", "Ny lista", id="new"),
        Binding("e", "edit", "Adresser", id="edit"),
        Binding("v", "switch_version", "Byt version", id="switch_version"),
        Binding("x", "remove", "Ta bort", id="remove"),
    ]
    PALETTE = (
        ("Sändlistor: ny egen lista", "new"),
        ("Sändlistor: ändra markerad listas adresser", "edit"),
        ("Sändlistor: byt version (med handlingar / offentlig)", "switch_version"),
        ("Sändlistor: ta bort markerad egen lista", "remove"),
    )

    def __init__(self, store: Store, organ_code: str, organ_name: str, *, today: dt.date) -> None:
        super().__init__()
        self.store, self.organ_code, self.today = store, organ_code, today
        self.organ_name = organ_name
        self.lists: list[ListView] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="lists-heading")
        yield PlainTable(id="lists", cursor_type="row", zebra_stripes=True)
        yield Static("", id="lists-note")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Sändlistor · {self.organ_name}"
        self.query_one(DataTable).add_columns(*COLUMNS)
        self._load()

    @work(thread=True, exclusive=True, group="lists")
    def _load(self, focus: str | None = None) -> None:
        try:
            lists = ops.lists(self.store, self.organ_code)
            reached = ops.members_of(self.store, self.organ_code, self.today)
        except NamndError as err:
            self.app.call_from_thread(self.notify, str(err), severity="error")
            return
        self.app.call_from_thread(self._show, lists, reached, focus)

    def _show(self, lists: list[ListView], reached, focus: str | None) -> None:
        self.lists = lists
        counts: dict[str, int] = {}
        for recipient in reached.recipients:
            counts[recipient.list_name] = counts.get(recipient.list_name, 0) + 1
        table = self.query_one(DataTable)
        table.clear()
        for view in lists:
            source = "ur ledamotsregistret" if view.kind in FROM_SEATS else "egna adresser"
            table.add_row(
                view.name, version_label(view.public), f"{counts.get(view.name, 0)} ({source})"
            )
        self.query_one("#lists-heading", Static).update(
            f"[b]Sändlistor[/b], {escape(self.organ_name)} · {len(reached.recipients)} mottagare"
        )
        missing = reached.without_address
        self.query_one("#lists-note", Static).update(
            Content("Saknar e-post: " + ", ".join(missing)) if missing else ""
        )
        names = [v.name for v in lists]
        if focus in names:
            table.move_cursor(row=names.index(focus))
        table.focus()

    def _selected(self) -> ListView | None:
        table = self.query_one(DataTable)
        if not self.lists:
            return None
        return self.lists[table.cursor_coordinate.row]

    def _run(self, change: Callable[[], object], done: str, focus: str | None) -> None:
        """Write in a worker; then say ``done`` and show the list ``focus``."""

        def failed(err: NamndError) -> None:
            self.notify(str(err), title="Sändlistor", severity="error", timeout=12)

        def changed(_result: object) -> None:
            self.notify(done, title="Sändlistor")
            self._load(focus)

        write(self, change, title="Sändlistor", done=changed, failed=failed)

    def action_new(self) -> None:
        fields = [Field("name", "Namn, t.ex. Pensionärsrådet"), Field("version", "Får", VERSIONS)]

        def done(answer: dict[str, str] | None) -> None:
            if answer:
                name = answer["name"].strip()
                public = answer["version"] == "offentlig"
                self._run(
                    lambda: ops.add_list(self.store, self.organ_code, name, public=public),
                    f"Sändlistan {name} är tillagd.",
                    name,
                )

        self.app.push_screen(EntryDialog("Ny sändlista", fields), done)

    def action_edit(self) -> None:
        view = self._selected()
        if view is None:
            return
        if view.kind in FROM_SEATS:
            self.notify(
                f"{view.name} hämtas ur ledamotsregistret: ändra e-post under Ledamöter och "
                "ersättare.",
                title="Sändlistor",
            )
            return
        fields = [
            Field(
                "addresses",
                "Adresser, åtskilda med ; (Namn <a@b.se>)",
                value="; ".join(view.addresses),
            )
        ]

        def done(answer: dict[str, str] | None) -> None:
            if answer is not None:
                texts = [t for t in answer["addresses"].split(";") if t.strip()]
                self._run(
                    lambda: ops.change_addresses(
                        self.store, self.organ_code, view.name, replace=texts
                    ),
                    f"{view.name}: {len(texts)} adresser sparade.",
                    view.name,
                )

        self.app.push_screen(EntryDialog(f"Adresser i {view.name}", fields), done)

    def action_switch_version(self) -> None:
        view = self._selected()
        if view is not None:
            public = not view.public
            self._run(
                lambda: ops.set_public(self.store, self.organ_code, view.name, public=public),
                f"{view.name} får nu {version_label(public)}.",
                view.name,
            )

    def action_remove(self) -> None:
        view = self._selected()
        if view is None:
            return
        if view.kind != FREE:
            self.notify(
                f"{view.name} är en av nämndens fasta sändlistor; töm den i stället (e).",
                title="Sändlistor",
            )
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._run(
                    lambda: ops.remove_list(self.store, self.organ_code, view.name),
                    f"Sändlistan {view.name} är borttagen.",
                    None,
                )

        self.app.push_screen(
            ConfirmDialog(f"Ta bort sändlistan {view.name}?", "Ta bort", destructive=True),
            answered,
        )
