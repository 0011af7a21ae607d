"""A meeting's föredragningslista: read it, and build it (add, move, remove, edit)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Header, Markdown, Static

from namnd.domain.changes import ArendeChanges
from namnd.domain.kinds import ArendeKind
from namnd.operations.exports import EXPORTS
from namnd.operations.standing_items import add_standing_item
from namnd.renderers.item_markdown import item_markdown
from namnd.rules.kallelse_flow import is_late
from namnd.rules.report_back import due_at_meeting, report_back_fields
from namnd.rules.standing_items import STANDING_ITEMS
from namnd.rules.swedish_dates import clock, long_date
from namnd.rules.swedish_numbers import counted
from namnd.storage.store import Store
from namnd.tui.latest_read import show_if_latest
from namnd.tui.messages import StoreChanged, announce_change
from namnd.tui.screens.agenda_documents import AgendaDocuments
from namnd.tui.store_writes import write
from namnd.tui.widgets.dialogs import ConfirmDialog, PickDialog, TextDialog
from namnd.tui.widgets.footer import Footer
from namnd.tui.widgets.plain_table import PlainTable

if TYPE_CHECKING:
    from namnd.domain.agenda import AgendaDocument, AgendaEntry
    from namnd.domain.models import Arende
    from namnd.rules.assignment_extraction import ProposedAssignment


class AgendaScreen(AgendaDocuments, Screen[None]):
    """Föredragningslista of one meeting, read from the Store in a worker."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tillbaka", id="back"),
        Binding("e", "edit", "Redigera", id="edit"),
        Binding("a", "add", "Lägg till", id="add"),
        Binding("n", "new", "Nytt ärende", id="new", show=False),
        Binding("s", "standing", "Stående punkt", id="standing", show=False),
        Binding("l", "place", "Registrerat ärende", id="place", show=False),
        Binding("p", "protocol", "Protokoll", id="protocol"),
        Binding("w", "export_word", "Word", id="export_word"),
        Binding("g", "review", "Granska", id="review"),
        Binding("S", "send_kallelse", "Skicka", id="send_kallelse"),
        Binding("F", "forhinder", "Förhinder", id="forhinder"),
        Binding("delete,x", "remove", "Ta bort", id="remove", show=False),
        Binding("ctrl+up,K", "move(-1)", "Flytta upp", id="move_up", show=False),
        Binding("ctrl+down,J", "move(1)", "Flytta ned", id="move_down", show=False),
        Binding("d", "due_assignments", "Återrapportera uppdrag", id="due_assignments", show=False),
        Binding("b", "decide_report_back", "Beslutad", id="decide_report_back", show=False),
        Binding("i", "import_delegation", "Importera lista", id="import_delegation", show=False),
        Binding("f", "propose_assignments", "Uppdrag i beslutet", id="propose", show=False),
        Binding("k", "details", "Uppgifter", id="details", show=False),
        Binding("H", "handlingar", "Handlingar (PDF)", id="handlingar", show=False),
        Binding("o", "place_unexecuted", "Ej verkställda", id="place_unexecuted", show=False),
    ]
    HELP_TITLE = "Föredragningslistan"
    PALETTE = (
        ("Ärende: redigera markerat", "edit"),
        ("Ärende: lägg till nytt", "new"),
        ("Ärende: lägg till stående punkt", "standing"),
        ("Ärende: lägg till registrerat ärende", "place"),
        ("Ärende: ta bort från listan", "remove"),
        ("Ärende: flytta upp", "move(-1)"),
        ("Ärende: flytta ned", "move(1)"),
        ("Nämnduppdrag: lägg till återrapportering", "due_assignments"),
        ("Nämnduppdrag: markera återrapporteringen beslutad", "decide_report_back"),
        ("Nämnduppdrag: läs uppdragen i förslaget", "propose_assignments"),
        ("Delegationsbeslut: importera lista", "import_delegation"),
        ("Kallelse: uppgifter (tid, plats, justering)", "details"),
        ("Kallelse: granska (ordförandens läge)", "review"),
        *EXPORTS["kallelse"].palette(),
        ("Kallelse: skicka med e-post till sändlistorna", "send_kallelse"),
        ("Kallelse: skicka tillägg (ändringar efter utskick)", "send_tillagg"),
        ("Kallelse med handlingar: en PDF med tjänsteskrivelser och bilagor", "handlingar"),
        ("Kallelse med handlingar: offentlig version (PDF)", "handlingar_public"),
        ("Protokoll: öppna (protokollsläge)", "protocol"),
        ("Förhinder: anmäl, lista och kalla in ersättare", "forhinder"),
        ("Anmälningsärenden: lägg till kvartalets ej verkställda beslut", "place_unexecuted"),
    )

    def __init__(self, store: Store, meeting_id: int, *, position: int = 1) -> None:
        super().__init__()
        self.store = store
        self.meeting_id = meeting_id
        self.view: AgendaDocument | None = None
        self._keep_cursor = position - 1
        #: Where a write puts the cursor (the ärende it added or moved), for the next read
        #: of the list to take; apart from ``_keep_cursor``, which every highlight sets.
        self._cursor_after_write: int | None = None

    @property
    def user(self) -> str:
        return self.app.user  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="agenda-heading")
        with Horizontal(id="agenda-body"):
            yield PlainTable(id="items", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="item-detail"):
                yield Markdown("", id="item-markdown")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Nr", "Ärende", "Dnr", "Typ")
        self._load()

    def on_screen_resume(self) -> None:
        if self.view is not None:
            self._load()

    def on_store_changed(self, message: StoreChanged) -> None:
        """Saved elsewhere (the editor, the protokoll, the year plan): the list and preview."""
        if self.view is not None and message.meeting_id in (None, self.meeting_id):
            self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        view = self.store.agendas.agenda(self.meeting_id)
        show_if_latest(self.app, self._show, view)

    def _show(self, view: AgendaDocument) -> None:
        self.view = view
        m = view.summary
        when = long_date(m.date) + (f" kl {clock(m.start_time)}" if m.start_time else "")
        place = f", {escape(m.place)}" if m.place else ""
        late = " · ändringar loggas som ändring efter utskick" if is_late(m.status) else ""
        self.sub_title = f"{m.organ_name}, {when}"
        self.query_one("#agenda-heading", Static).update(
            f"[b]Föredragningslista[/b] {escape(m.organ_name)}, {when}{place} · "
            f"{m.status.label}{late}"
        )
        table = self.query_one(DataTable)
        table.clear()
        for number, entry in enumerate(view.entries, start=1):
            arende = entry.arende
            table.add_row(
                str(number), arende.title, arende.dnr or "", arende.kind.label, key=str(number)
            )
        if self._cursor_after_write is not None:
            self._keep_cursor, self._cursor_after_write = self._cursor_after_write, None
        if view.entries:
            table.move_cursor(row=min(self._keep_cursor, len(view.entries) - 1))
        else:
            self.query_one(Markdown).update(
                "*Föredragningslistan är tom.*\n\n"
                "Tryck **n** för ett nytt ärende, **s** för en stående punkt "
                "(t.ex. Information från förvaltningen) eller **l** för ett ärende som redan "
                "är registrerat."
            )
        table.focus()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.view is None or event.row_key.value is None:
            return
        number = int(event.row_key.value)
        self._keep_cursor = number - 1
        entry = self.view.entries[number - 1]
        self.query_one(Markdown).update(item_markdown(number, entry, self.view.meeting.date))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    # --- editing -----------------------------------------------------------------------

    def _current(self) -> AgendaEntry | None:
        if self.view is None or not self.view.entries:
            return None
        return self.view.entries[self.query_one(DataTable).cursor_row]

    def _apply(self, change: Callable[[], object], *, cursor: int | None = None) -> None:
        """Run a Store write in a worker; errors become a Swedish notification, then reload."""

        def done(result: object) -> None:
            if self.view is not None and is_late(self.view.meeting.status):
                self.notify(
                    "Ändringen loggas som ändring efter utskick.", title="Utskickad kallelse"
                )
            if cursor is not None:
                self._cursor_after_write = cursor
            elif isinstance(result, int) and result > 0:
                self._cursor_after_write = result - 1
            announce_change(self, self.meeting_id)
            self._load()

        write(self, change, title="Föredragningslistan", done=done)

    def action_edit(self) -> None:
        item = self._current()
        if item is not None:
            from namnd.tui.screens.arende_editor import ArendeEditorScreen

            late = self.view is not None and is_late(self.view.meeting.status)
            self.app.push_screen(
                ArendeEditorScreen(self.store, item.arende_id, user=self.user, late=late)
            )

    def action_add(self) -> None:
        """One key for every way to add: the menu names each way's own key."""
        ways = ("new", "standing", "place", "due_assignments")
        names = {
            b.action: (b.description, b.key)
            for b in self.BINDINGS
            if isinstance(b, Binding) and b.action in ways
        }
        options = [(action, f"{names[action][0]} ({names[action][1]})") for action in ways]

        async def chosen(action: str | None) -> None:
            if action:
                await self.app.run_action(action, self)

        self.app.push_screen(PickDialog("Lägg till på föredragningslistan", options, ""), chosen)

    def action_new(self) -> None:
        def created(title: str | None) -> None:
            if title:
                count = len(self.view.entries) if self.view else 0
                self._apply(
                    lambda: self.store.agendas.add_arende(
                        self.meeting_id, ArendeChanges(title=title), by=self.user
                    ),
                    cursor=count,
                )

        self.app.push_screen(TextDialog("Nytt ärende – rubrik:", "t.ex. Riktlinjer för …"), created)

    def action_standing(self) -> None:
        def chosen(key: str | None) -> None:
            if key:
                count = len(self.view.entries) if self.view else 0
                self._apply(
                    lambda: add_standing_item(self.store, self.meeting_id, key, by=self.user),
                    cursor=count,
                )

        options = [(item.key, item.title) for item in STANDING_ITEMS]
        self.app.push_screen(PickDialog("Lägg till stående punkt", options, ""), chosen)

    def action_place(self) -> None:
        """An ärende already registered here, or one an utskott has berett for the nämnd."""
        from namnd.rules.utskott import offer_label

        arenden = self.store.agendas.undecided_arenden(self.meeting_id)
        proposals = self.store.agendas.utskott_proposals(self.meeting_id)
        options = [
            (f"a{a.id}", f"{a.title}" + (f" ({a.dnr})" if a.dnr else "")) for a in arenden
        ] + [(f"p{p.paragraph_id}", offer_label(p)) for p in proposals]

        def chosen(key: str | None) -> None:
            if not key:
                return
            count = len(self.view.entries) if self.view else 0
            number = int(key[1:])
            if key[0] == "p":
                self._apply(
                    lambda: self.store.agendas.place_from_utskott(
                        self.meeting_id, number, by=self.user
                    ),
                    cursor=count,
                )
                return
            self._apply(
                lambda: self.store.agendas.place_arende(self.meeting_id, number, by=self.user),
                cursor=count,
            )
            self._warn_if_late_reply(next(a for a in arenden if a.id == number))

        empty = (
            "Det finns inga registrerade, obeslutade ärenden som inte redan står på listan, "
            "och inga utskottsbeslut att föra vidare."
        )
        self.app.push_screen(PickDialog("Lägg till registrerat ärende", options, empty), chosen)

    def _warn_if_late_reply(self, arende: Arende) -> None:
        """Placed after its remiss's svar senast: say so now, while there is time to act."""
        from namnd.rules.reply_deadlines import reply_warning

        if self.view is not None:
            warning = reply_warning(arende.title, arende.reply_by, self.view.meeting.date)
            if warning:
                self.notify(warning, title="Remisstid", severity="warning", timeout=12)

    def action_remove(self) -> None:
        item = self._current()
        if item is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._apply(
                    lambda: self.store.agendas.remove_arende(
                        self.meeting_id, item.arende_id, by=self.user
                    )
                )

        question = f"Ta bort ”{item.arende.title}” från föredragningslistan? Ärendet finns kvar."
        self.app.push_screen(ConfirmDialog(question, yes="Ta bort", destructive=True), confirmed)

    def action_move(self, delta: int) -> None:
        item = self._current()
        if item is not None:
            self._apply(
                lambda: self.store.agendas.move_arende(
                    self.meeting_id, item.arende_id, delta, by=self.user
                )
            )

    def action_due_assignments(self) -> None:
        """Uppdrag due at this meeting; choosing one adds its återrapportering ärende."""
        if self.view is None:
            return
        meeting = self.view.summary
        due = due_at_meeting(
            self.store.assignments.find(today=meeting.date, organ_code=meeting.organ_code),
            meeting.date,
        )
        options = [(str(a.id), f"{a.text} ({a.due_label})") for a in due]

        def chosen(key: str | None) -> None:
            if key:
                assignment = next(a for a in due if str(a.id) == key)
                fields = report_back_fields(assignment, meeting.organ_name)

                def add() -> None:
                    arende_id = self.store.agendas.add_arende(self.meeting_id, fields, by=self.user)
                    self.store.assignments.link_report_back(assignment.id, arende_id, by=self.user)

                self._apply(add, cursor=len(self.view.entries) if self.view else 0)

        empty = "Inga nämnduppdrag ska återrapporteras till det här sammanträdet."
        self.app.push_screen(
            PickDialog("Uppdrag att återrapportera – välj för att lägga till", options, empty),
            chosen,
        )

    def action_decide_report_back(self) -> None:
        """Record the återrapportering as decided: its uppdrag become återrapporterade."""
        item = self._current()
        if item is None or item.arende.kind != ArendeKind.REPORT_BACK:
            self.notify("Markera en återrapportering först.", title="Beslut", severity="warning")
            return

        def done(answered: list[int]) -> None:
            text = counted(
                len(answered), "uppdrag är nu återrapporterat", "uppdrag är nu återrapporterade"
            )
            self.notify(f"{text}.", title="Beslut")
            self._load()

        write(
            self,
            lambda: self.store.assignments.decide_report_back(item.arende_id, by=self.user),
            title="Beslut",
            done=done,
        )

    def action_propose_assignments(self) -> None:
        """Read the uppdrag the highlighted proposal gives; confirm them into the register."""
        from namnd.operations.assignments import confirm_proposals, propose_for_arende
        from namnd.tui.widgets.assignment_proposals import AssignmentProposalsDialog

        item = self._current()
        if item is None:
            return
        proposals = propose_for_arende(self.store, item.arende_id, self.meeting_id)
        if not proposals:
            self.notify("Förslaget ger inga nämnduppdrag.", title="Nämnduppdrag")
            return

        def confirmed(chosen: list[ProposedAssignment] | None) -> None:
            if chosen:
                write(
                    self,
                    lambda: confirm_proposals(
                        self.store, item.arende_id, self.meeting_id, chosen, by=self.user
                    ),
                    title="Nämnduppdrag",
                    done=lambda added: self.notify(
                        counted(added, "nämnduppdrag registrerat", "nämnduppdrag registrerade")
                        + ".",
                        title="Nämnduppdrag",
                    ),
                )

        self.app.push_screen(AssignmentProposalsDialog(proposals), confirmed)

    def action_import_delegation(self) -> None:
        from namnd.tui.screens.delegation_import import DelegationImportScreen

        self.app.push_screen(DelegationImportScreen(self.store, self.meeting_id, user=self.user))

    def action_details(self) -> None:
        from namnd.tui.screens.meeting_details import MeetingDetailsScreen

        self.app.push_screen(MeetingDetailsScreen(self.store, self.meeting_id))

    def action_forhinder(self) -> None:
        from namnd.tui.screens.forhinder import ForhinderScreen

        self.app.push_screen(ForhinderScreen(self.store, self.meeting_id, user=self.user))

    def action_review(self) -> None:
        from namnd.tui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen(self.store, self.meeting_id, user=self.user))
