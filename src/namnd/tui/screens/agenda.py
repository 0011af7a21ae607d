"""A meeting's föredragningslista: the ärenden beside the highlighted one's proposal."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Markdown, Static

from namnd.domain.views import AgendaView
from namnd.renderers.item_markdown import item_markdown
from namnd.services.swedish_dates import clock, long_date
from namnd.storage.store import Store


class AgendaScreen(Screen[None]):
    """Föredragningslista of one meeting, read from the Store in a worker."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tillbaka", id="back"),
    ]

    def __init__(self, store: Store, meeting_id: int) -> None:
        super().__init__()
        self.store = store
        self.meeting_id = meeting_id
        self.view: AgendaView | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="agenda-heading")
        with Horizontal(id="agenda-body"):
            yield DataTable(id="items", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="item-detail"):
                yield Markdown("", id="item-markdown")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Nr", "Ärende", "Dnr", "Typ")
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        view = self.store.agenda(self.meeting_id)
        self.app.call_from_thread(self._show, view)

    def _show(self, view: AgendaView) -> None:
        self.view = view
        m = view.meeting
        when = long_date(m.date) + (f" kl {clock(m.start_time)}" if m.start_time else "")
        place = f", {m.place}" if m.place else ""
        self.sub_title = f"{m.organ_name}, {when}"
        self.query_one("#agenda-heading", Static).update(
            f"[b]Föredragningslista[/b] {m.organ_name}, {when}{place} · {m.status.label}"
        )
        table = self.query_one(DataTable)
        table.clear()
        for item in view.items:
            table.add_row(
                str(item.position),
                item.title,
                item.dnr or "",
                item.kind.label,
                key=str(item.position),
            )
        if not view.items:
            self.query_one(Markdown).update(
                "*Föredragningslistan är tom.* Ärenden läggs till i kallelsen."
            )
        table.focus()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.view is None or event.row_key.value is None:
            return
        item = self.view.items[int(event.row_key.value) - 1]
        self.query_one(Markdown).update(item_markdown(item))
