"""Search every ärende and § of every year; Enter opens the list or protokoll it is in."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.markup import escape
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Static

from namnd.rules.search import COLUMNS, Hit, hit_cells
from namnd.rules.swedish_numbers import counted
from namnd.storage.store import Store
from namnd.tui.latest_read import show_if_latest
from namnd.tui.widgets.footer import Footer
from namnd.tui.widgets.plain_table import PlainTable

HINT = (
    "Skriv ord ur rubrik, förslag, beslut eller yrkanden, ett namn, eller ett diarienummer "
    "(von/2019:76). Alla ord måste finnas med; stora och små bokstäver spelar ingen roll."
)
DEBOUNCE_SECONDS = 0.25
TITLE_WIDTH = 40


class SearchScreen(Screen[None]):
    """A search box over a table of hits, newest meeting first among equals."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tillbaka", id="back"),
        Binding("ctrl+f", "focus_query", "Sökfältet", id="focus_query"),
    ]
    HELP_TITLE = "Sök"

    def __init__(self, store: Store, query: str = "") -> None:
        super().__init__()
        self.store, self.initial = store, query
        self.hits: list[Hit] = []
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(self.initial, placeholder="Sök ärenden och paragrafer", id="query")
        yield Static(HINT, id="search-state")
        yield PlainTable(id="hits", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Sök"
        table = self.query_one(DataTable)
        for label in COLUMNS:
            # A long rubrik is cut so the hit's own words stay in view.
            table.add_column(label, width=TITLE_WIDTH if label == "Rubrik" else None)
        table.display = False
        self.query_one(Input).focus()
        if self.initial:
            self._search(self.initial)

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, lambda: self._search(event.value))

    @on(Input.Submitted, "#query")
    def _to_hits(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            table.focus()

    def action_focus_query(self) -> None:
        self.query_one(Input).focus()

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str) -> None:
        hits = self.store.search.find(query) if query.strip() else []
        show_if_latest(self.app, self._show, query, hits)

    def _show(self, query: str, hits: list[Hit]) -> None:
        self.hits = hits
        table = self.query_one(DataTable)
        table.clear()
        for n, hit in enumerate(hits):
            table.add_row(*hit_cells(hit), key=str(n))
        table.display = bool(hits)
        state = self.query_one("#search-state", Static)
        if not query.strip():
            state.update(HINT)
        elif hits:
            found = counted(len(hits), "träff", "träffar")
            state.update(f"{found} för ”{escape(query.strip())}”. Enter öppnar.")
        else:
            state.update(f"Inga träffar för ”{escape(query.strip())}”. {HINT}")

    @on(DataTable.RowSelected, "#hits")
    def _open(self, event: DataTable.RowSelected) -> None:
        from namnd.tui.screens.agenda import AgendaScreen
        from namnd.tui.screens.protocol import ProtocolScreen

        d = self.hits[int(str(event.row_key.value))].document
        if d.meeting_id is None:
            self.notify("Ärendet står inte på någon föredragningslista.", title="Sök")
        elif d.kind == "paragraph":
            today = self.app.today  # type: ignore[attr-defined]
            self.app.push_screen(
                ProtocolScreen(self.store, d.meeting_id, today=today, number=d.number)
            )
        else:
            self.app.push_screen(AgendaScreen(self.store, d.meeting_id, position=d.number or 1))
