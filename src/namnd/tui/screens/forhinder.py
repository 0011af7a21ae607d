"""Förhinder for one meeting: record who cannot come, call in the ersättare namnd proposes.

The proposal is the roster's inkallelseordning (``rules.inkallelse``); the secretary
confirms it or picks another ersättare, then chooses how: e-mail with the handlingar (when
a mail server is set), an ``.eml`` draft for Outlook, or "ringer själv" with the number
shown. Sending builds the handlingar PDF, so it runs in a worker.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from namnd.errors import NamndError
from namnd.operations import inkallelse
from namnd.rules.inkallelse import local
from namnd.rules.roster import call_in_text
from namnd.rules.swedish_dates import long_date
from namnd.storage.store import Store
from namnd.tui.latest_read import show_if_latest
from namnd.tui.messages import announce_change
from namnd.tui.store_writes import write
from namnd.tui.widgets.dialogs import ConfirmDialog, PickDialog, TextDialog
from namnd.tui.widgets.footer import Footer
from namnd.tui.widgets.plain_table import PlainTable

_HOW = (
    ("email", "E-post med handlingar"),
    ("draft", "Utkast (.eml) för Outlook"),
    ("phone", "Ringer själv"),
)


class ForhinderScreen(Screen[None]):
    """The meeting's förhinder, each with its inkallelse, and who to call in next."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tillbaka", id="back"),
        Binding("n", "report", "Nytt förhinder", id="report"),
        Binding("i", "call_in", "Kalla in", id="call_in"),
        Binding("x,delete", "withdraw", "Återkalla", id="withdraw"),
    ]
    HELP_TITLE = "Förhinder och inkallelse"
    PALETTE = (
        ("Förhinder: anmäl för en ledamot eller ersättare", "report"),
        ("Förhinder: kalla in ersättare för markerad ledamot", "call_in"),
        ("Förhinder: återkalla markerat förhinder", "withdraw"),
    )

    def __init__(self, store: Store, meeting_id: int, *, user: str) -> None:
        super().__init__()
        self.store, self.meeting_id, self.user = store, meeting_id, user
        self.state: inkallelse.MeetingForhinder | None = None

    @property
    def ref(self) -> str:
        return str(self.meeting_id)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="forhinder-heading")
        yield PlainTable(id="forhinder", cursor_type="row", zebra_stripes=True)
        yield Static("", id="call-in-proposal")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Namn", "Roll", "Anmält", "Anteckning", "Inkallelse")
        self._load()

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        state = inkallelse.meeting_forhinder(self.store, self.ref)
        show_if_latest(self.app, self._show, state)

    def _show(self, state: inkallelse.MeetingForhinder) -> None:
        self.state = state
        meeting = state.meeting
        self.sub_title = f"Förhinder, {meeting.organ_name} {meeting.date.isoformat()}"
        self.query_one("#forhinder-heading", Static).update(
            f"[b]Förhinder[/b] {escape(meeting.organ_name)}, {long_date(meeting.date)}"
        )
        table = self.query_one(DataTable)
        table.clear()
        for entry in state.forhinder:
            last = entry.called_in or (entry.call_ins[-1] if entry.call_ins else None)
            table.add_row(
                entry.display,
                entry.role.label,
                f"{local(entry.reported_at):%m-%d %H:%M}",
                entry.note,
                f"{last.substitute}: {last.status}" if last else "",
                key=entry.name,
            )
        text = call_in_text(state.proposals)
        proposal = self.query_one("#call-in-proposal", Static)
        proposal.update(
            f"[b]Förslag:[/b] {escape(text)}" if text else "Inga förhinder väntar på inkallelse."
        )
        table.focus()

    def _current(self) -> inkallelse.Forhinder | None:
        if self.state is None or not self.state.forhinder:
            return None
        return self.state.forhinder[self.query_one(DataTable).cursor_row]

    def _changed(self, text: str, *, error: bool = False) -> None:
        self.notify(text, title="Förhinder", severity="error" if error else "information")
        announce_change(self, self.meeting_id)
        self._load()

    def action_report(self) -> None:
        if self.state is None:
            return
        taken = {f.name for f in self.state.forhinder}
        options = [(s.name, f"{s.display}, {s.role.label}") for s in self.state.seats]
        options = [(key, label) for key, label in options if key not in taken]

        def noted(name: str, note: str | None) -> None:
            if note is not None:
                write(
                    self,
                    lambda: inkallelse.report_forhinder(
                        self.store, self.ref, name, note=note, by=self.user
                    ),
                    title="Förhinder",
                    done=lambda seat: self._changed(f"Förhinder registrerat för {seat.display}."),
                )

        def chosen(name: str | None) -> None:
            if name:
                self.app.push_screen(
                    TextDialog("Anteckning (frivillig):", "t.ex. sjuk", allow_empty=True),
                    lambda note: noted(name, note),
                )

        empty = "Alla med plats i nämnden har redan anmält förhinder."
        self.app.push_screen(PickDialog("Vem har förhinder?", options, empty), chosen)

    def action_call_in(self) -> None:
        entry = self._current()
        if self.state is None or entry is None:
            return
        proposal = next((p for p in self.state.proposals if p[0].name == entry.name), None)
        if proposal is None:
            self.notify(f"{entry.display} väntar inte på någon inkallelse.", title="Förhinder")
            return
        member, order = proposal
        options = [
            (s.name, s.display + (" (förslag)" if i == 0 else "")) for i, s in enumerate(order)
        ]

        def chosen(substitute: str | None) -> None:
            if substitute:
                self._ask_how(member.name, substitute)

        empty = f"Det finns ingen ersättare kvar att kalla in för {member.display}."
        self.app.push_screen(PickDialog(f"Kalla in för {member.display}", options, empty), chosen)

    def _ask_how(self, member: str, substitute: str) -> None:
        from namnd.operations.mail_transport import configured_server

        try:
            server = configured_server()
        except NamndError as err:
            self.notify(str(err), title="E-postserver", severity="error")
            server = None
        options = [(k, label) for k, label in _HOW if k != "email" or server is not None]

        def chosen(how: str | None) -> None:
            if how == "draft":
                app = self.app
                default = str(app.export_path(app.workspace.root / "inkallelser"))  # type: ignore[attr-defined]

                def draft_to(folder: str | None) -> None:
                    if folder:
                        self._send(member, substitute, "draft", folder=folder)

                self.app.push_screen(
                    TextDialog("Mapp för utkastet (.eml):", value=default), draft_to
                )
            elif how:
                self._send(member, substitute, how, server=server)

        title = f"Hur kallas {substitute} in?" + (
            "" if server else " (ingen e-postserver inställd)"
        )
        self.app.push_screen(PickDialog(title, options, ""), chosen)

    def _send(self, member: str, substitute: str, how: str, *, server=None, folder=None) -> None:
        """Kalla in (and send, or write the draft) in a worker: mail takes its time."""
        write(
            self,
            lambda: inkallelse.call_in(
                self.store,
                self.ref,
                member,
                substitute,
                mode=how,  # type: ignore[arg-type]
                by=self.user,
                server=server,
                folder=Path(folder).expanduser() if folder else None,
            ),
            title="Inkallelse",
            done=lambda outcome: self._changed(outcome.message(), error=bool(outcome.error)),
        )

    def action_withdraw(self) -> None:
        entry = self._current()
        if entry is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                write(
                    self,
                    lambda: inkallelse.withdraw_forhinder(self.store, self.ref, entry.name),
                    title="Förhinder",
                    done=lambda _r: self._changed(f"Förhindret för {entry.display} är återkallat."),
                )

        called = entry.called_in
        extra = f" {called.substitute} är inkallad: meddela ersättaren." if called else ""
        self.app.push_screen(
            ConfirmDialog(
                f"Återkalla förhindret för {entry.display}?{extra}",
                yes="Återkalla",
                destructive=True,
            ),
            confirmed,
        )
