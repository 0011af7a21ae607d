"""The first screen: the nämnd's meetings, upcoming first, or a way to begin when empty."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static

from namnd.domain.views import MeetingSummary
from namnd.services.kallelse_flow import status_on
from namnd.services.swedish_dates import clock, long_date
from namnd.tui.messages import StoreChanged

if TYPE_CHECKING:
    from namnd.storage.store import Store

EMPTY_TEXT = (
    "[b]Det finns inga sammanträden ännu.[/b]\n\n"
    "Tryck [b]d[/b] för att läsa in demonämnden: Vård- och omsorgsnämndens kallelse "
    "torsdag 19 september 2019 och sammanträdesordningen 2020.\n\n"
    "Egna sammanträden läser du in med [i]namnd import agenda FIL[/i] "
    "(se docs/agenda-format.md)."
)


class MeetingsLoaded(Message):
    """The table shows fresh data (the bench and the tests wait for this)."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count


def upcoming_first(meetings: list[MeetingSummary], today: dt.date) -> list[MeetingSummary]:
    """Coming meetings in date order, then past ones newest first."""
    coming = [m for m in meetings if m.date >= today]
    past = [m for m in meetings if m.date < today]
    return coming + sorted(past, key=lambda m: m.date, reverse=True)


def first_to_open(meetings: list[MeetingSummary], today: dt.date) -> int:
    """The row to start on: the next meeting, else the latest with ärenden (not a bare date)."""
    if meetings and meetings[0].date >= today:
        return 0
    return next((row for row, m in enumerate(meetings) if m.item_count), 0)


class MeetingsScreen(Screen[None]):
    """All meetings in one table; Enter opens the föredragningslista."""

    BINDINGS = [
        # priority: shown in the footer and taken before the table's own (silent) Enter.
        Binding("enter", "open", "Öppna", id="open", priority=True),
        Binding("d", "load_demo", "Läs in demo", id="load_demo"),
        Binding("r", "refresh", "Uppdatera", id="refresh"),
        Binding("y", "year_plan", "Årsplan", id="year_plan"),
        Binding("u", "assignments", "Uppdrag", id="assignments"),
        Binding("v", "waiting_times", "Väntetider", id="waiting_times"),
        Binding("l", "members", "Ledamöter", id="members"),
        Binding("slash,ctrl+f", "search", "Sök", id="search"),
    ]

    PALETTE = (
        ("Demo: läs in demonämnden", "load_demo"),
        ("Sammanträden: uppdatera listan", "refresh"),
        ("Sammanträdesordning: visa årsplanen för markerat sammanträde", "year_plan"),
        ("Nämnduppdrag: visa alla uppdrag", "assignments"),
        ("Ej verkställda beslut: visa väntetider", "waiting_times"),
        ("Ledamöter: visa ledamöter och ersättare", "members"),
        ("Sök: ärenden och paragrafer i alla år", "search"),
        ("Databas: säkerhetskopiera nu (backups/ i arbetsmappen)", "backup"),
    )

    def __init__(self, *, today: dt.date, first: list[MeetingSummary] | None = None) -> None:
        super().__init__()
        self.today = today
        self._first = first
        self._meetings: list[MeetingSummary] = []

    @property
    def store(self) -> Store:
        """The app's Store: opened lazily when ``namnd`` painted this list without it."""
        return self.app.store  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="meetings-body"):
            yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Static("", id="todo")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Datum", "Tid", "Nämnd", "Plats", "Status", "Ärenden")
        if self._first is None:
            self.action_refresh()
        else:
            # Read without the ORM: show it now, open the Store once this has painted.
            self._show(upcoming_first(self._first, self.today))
            self.call_after_refresh(self.app.open_store_in_background)  # type: ignore[attr-defined]

    def _empty_state(self) -> Vertical:
        """The empty state, mounted only when needed (keeps the usual first paint light)."""
        found = self.query("#empty-state")
        if found:
            return found.first(Vertical)
        progress = ProgressBar(id="demo-progress", show_eta=False)
        progress.display = False
        state = Vertical(
            Static(EMPTY_TEXT, id="empty-text"),
            progress,
            Static("", id="demo-status"),
            id="empty-state",
        )
        self.query_one("#meetings-body").mount(state)
        return state

    def action_refresh(self) -> None:
        self._load()

    def on_store_changed(self, message: StoreChanged) -> None:
        """A meeting planned, a status or an ärende changed on another screen."""
        self._load()

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        meetings = upcoming_first(self.store.meetings(), self.today)
        self.app.call_from_thread(self._show, meetings)

    def _show(self, meetings: list[MeetingSummary]) -> None:
        self._meetings = meetings
        # The organ(s) once known; until then the header shows the app's workspace.
        organs = sorted({m.organ_name for m in meetings})
        self.sub_title = " · ".join(organs) if organs else None
        self.refresh_bindings()
        table = self.query_one(DataTable)
        table.clear()
        for m in meetings:
            table.add_row(
                long_date(m.date),
                clock(m.start_time),
                m.organ_name,
                m.place,
                status_on(m.status, m.date, today=self.today).label,
                str(m.item_count),
                key=str(m.id),
            )
        table.display = bool(meetings)
        if meetings:
            table.move_cursor(row=first_to_open(meetings, self.today))
            table.focus()
            self.query("#empty-state").remove()
            self.call_after_refresh(self._load_todo)
        else:
            self._empty_state()
        self.post_message(MeetingsLoaded(len(meetings)))

    @work(thread=True, exclusive=True, group="todo")
    def _load_todo(self) -> None:
        """What is due soon, once the first screen is up (it needs the Store and rules)."""
        from namnd.errors import NamndError

        # The Store first: it waits for the worker importing the ORM, and two threads
        # importing SQLAlchemy at once can see it half-initialised.
        store = self.store
        from namnd.operations.todo import todo_lines

        try:
            lines = todo_lines(store, self.today)
        except NamndError:
            lines = []
        self.app.call_from_thread(self._show_todo, lines)

    def _show_todo(self, lines: list[str]) -> None:
        todo = self.query_one("#todo", Static)
        todo.update("[b]Att göra snart[/b]\n" + "\n".join(lines) if lines else "")
        todo.display = bool(lines)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Öppna is dimmed while there is nothing to open; the demo is for an empty workspace.

        (``namnd demo`` on the command line still loads it anywhere, on purpose.)
        """
        if action == "open":
            return True if self._meetings else None
        if action == "load_demo":
            return not self._meetings
        return True

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self.app.open_meeting(int(key.value))  # type: ignore[attr-defined]

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_meeting(int(event.row_key.value))  # type: ignore[attr-defined]

    def action_year_plan(self) -> None:
        """The sammanträdesordning of the highlighted meeting's year (else this year)."""
        from namnd.tui.screens.schedule import ScheduleScreen

        table = self.query_one(DataTable)
        year, organ = self.today.year, None
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            meeting = next(m for m in self._meetings if str(m.id) == key.value)
            year, organ = meeting.date.year, meeting.organ_code
        self.app.push_screen(ScheduleScreen(self.store, year, today=self.today, organ_code=organ))

    def action_assignments(self) -> None:
        from namnd.tui.screens.assignments import AssignmentsScreen

        user = self.app.user  # type: ignore[attr-defined]
        self.app.push_screen(AssignmentsScreen(self.store, today=self.today, user=user))

    def action_waiting_times(self) -> None:
        from namnd.tui.screens.waiting_times import WaitingTimesScreen

        self.app.push_screen(WaitingTimesScreen(self.store))

    @work(thread=True, exclusive=True, group="backup")
    def action_backup(self) -> None:
        """A consistent copy of the database, taken while everything stays open."""
        from namnd.errors import NamndError
        from namnd.operations.backup import backup, default_path

        workspace = self.app.workspace  # type: ignore[attr-defined]
        try:
            path = backup(workspace, default_path(workspace, dt.datetime.now()))
        except NamndError as err:
            self.app.call_from_thread(
                self.notify, str(err), title="Säkerhetskopia", severity="error"
            )
            return
        self.app.call_from_thread(self.notify, f"Skrev {path}", title="Säkerhetskopia")

    def action_search(self) -> None:
        from namnd.tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.store))

    def action_members(self) -> None:
        from namnd.tui.screens.members import MembersScreen

        self.app.push_screen(MembersScreen(self.store, today=self.today))

    def action_load_demo(self) -> None:
        self._empty_state().query_one(ProgressBar).display = True
        self._load_demo()

    @work(thread=True, exclusive=True, group="demo")
    def _load_demo(self) -> None:
        from namnd.operations.demo import load_demo

        def progress(done: int, total: int, message: str) -> None:
            self.app.call_from_thread(self._progress, done, total, message)

        report = load_demo(self.store, progress)
        text = (
            "Demonämnden är inläst."
            if report.changed
            else "Demonämnden fanns redan; inget ändrades."
        )
        self.app.call_from_thread(self.notify, text, title="Demo")
        self.app.call_from_thread(self._load)

    def _progress(self, done: int, total: int, message: str) -> None:
        # query, not query_one: a refresh may already have replaced the empty state
        for bar in self.query(ProgressBar):
            bar.update(total=total, progress=done)
        for status in self.query("#demo-status").results(Static):
            status.update(message)
