"""The first screen: the nämnd's meetings, upcoming first, or a way to begin when empty.

It reads what it shows: the coming meetings and each organ's latest
(``storage.meeting_peek.FIRST_SCREEN``), so opening namnd costs the same after twenty
years. Moving to the last row reads the older ones; "visa ett år" reads one year.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.markup import escape
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, ProgressBar, Static

from namnd.domain.views import MeetingSummary
from namnd.rules.kallelse_flow import status_on
from namnd.rules.swedish_dates import clock, long_date
from namnd.tui.messages import StoreChanged
from namnd.tui.organ_choice import PICK_ORGAN, PICK_ORGAN_ENTRY, pick_organ
from namnd.tui.widgets.footer import Footer
from namnd.tui.widgets.plain_table import PlainTable

if TYPE_CHECKING:
    from namnd.storage.store import Store

EMPTY_TEXT = (
    "[b]Det finns inga sammanträden ännu.[/b]\n\n"
    "Tryck [b]y[/b] för årsplanen och planera nämndens sammanträden där, eller "
    "[b]d[/b] för att läsa in demonämnden: Vård- och omsorgsnämndens kallelse "
    "torsdag 19 september 2019 och sammanträdesordningen 2020.\n\n"
    "Nämndens uppgifter ändrar du under [b]Inställningar[/b] i kommandopaletten "
    "([b]ctrl+p[/b]); där finns också [b]Ny nämnd[/b] för ett utskott."
)

#: The picker's row that lifts the organ filter.
ALL_ORGANS = ("*", "Alla nämnder")


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


def organs_of(meetings: list[MeetingSummary]) -> list[tuple[str, str]]:
    """The (kod, name) of every organ with a meeting listed, by name."""
    return sorted({(m.organ_code, m.organ_name) for m in meetings}, key=lambda o: (o[1], o[0]))


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
        Binding("y", "year_plan", "Årsplan", id="year_plan"),
        Binding("u", "assignments", "Uppdrag", id="assignments"),
        Binding("l", "members", "Ledamöter", id="members"),
        Binding("slash,ctrl+f", "search", "Sök", id="search"),
        PICK_ORGAN,
        Binding("v", "waiting_times", "Väntetider", id="waiting_times", show=False),
        Binding("r", "refresh", "Uppdatera", id="refresh", show=False),
        Binding("q", "app.quit", "Avsluta", id="quit"),
    ]
    HELP_TITLE = "Sammanträden"

    PALETTE = (
        ("Demo: läs in demonämnden", "load_demo"),
        ("Sammanträden: uppdatera listan", "refresh"),
        ("Sammanträden: visa ett år", "pick_year"),
        ("Sammanträden: visa alla år", "show_all"),
        ("Sammanträdesordning: visa årsplanen för markerat sammanträde", "year_plan"),
        ("Nämnduppdrag: visa alla uppdrag", "assignments"),
        ("Ej verkställda beslut: visa väntetider", "waiting_times"),
        ("Delegationsordning: visa och ändra", "delegation_codes"),
        ("Ledamöter: visa ledamöter och ersättare", "members"),
        ("Sök: ärenden och paragrafer i alla år", "search"),
        PICK_ORGAN_ENTRY,
        ("Sammanträden: visa en nämnds sammanträden eller alla", "pick_organ"),
        ("Databas: säkerhetskopiera nu (backups/ i arbetsmappen)", "backup"),
        ("Inställningar: nämndens uppgifter och dina egna", "settings"),
        ("Ny nämnd: lägg till en nämnd eller ett utskott", "new_organ"),
    )

    def __init__(self, *, today: dt.date, first: list[MeetingSummary] | None = None) -> None:
        super().__init__()
        self.today = today
        self._first = first
        #: Every meeting read, and those shown (of ``organ_filter``'s organ, else all).
        self._all: list[MeetingSummary] = []
        self._meetings: list[MeetingSummary] = []
        #: The organ whose meetings are shown; None for all. Starts on the app's organ.
        self.organ_filter: str | None = None
        self._filter_from_app = True
        #: The "Ny nämnd" form is offered once, when the workspace has no organ at all.
        self._offered_new_organ = False
        #: What the table lists: "first" (coming and latest), "all", or one year.
        self.showing: str | int = "first"

    @property
    def store(self) -> Store:
        """The app's Store: opened lazily when ``namnd`` painted this list without it."""
        return self.app.store  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="meetings-body"):
            yield PlainTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Static("", id="todo")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Datum", "Tid", "Nämnd", "Plats", "Status", "Ärenden")
        self.watch(table, "scroll_y", self._scrolled, init=False)
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

    def action_show_all(self) -> None:
        self.showing = "all"
        self._load()

    def on_store_changed(self, message: StoreChanged) -> None:
        """A meeting planned, a status or an ärende changed on another screen."""
        self._load()

    def action_pick_year(self) -> None:
        from namnd.tui.widgets.entry_dialog import EntryDialog, Field

        def chosen(values: dict[str, str] | None) -> None:
            year = (values or {}).get("year", "")
            if year.isdigit() and len(year) == 4:
                self.showing = int(year)
                self._load()
            elif values is not None:
                self.notify(f"”{year}” är inget årtal (ÅÅÅÅ).", severity="error")

        field = Field("year", "År (ÅÅÅÅ)", value=str(self.today.year))
        self.app.push_screen(EntryDialog("Visa sammanträden ett år", [field]), chosen)

    @on(DataTable.RowHighlighted, "#meetings")
    def _at_row(self, event: DataTable.RowHighlighted) -> None:
        """At the last row of the first screen's list, read the older meetings too."""
        if event.cursor_row == event.data_table.row_count - 1 > 0:
            self._read_older()

    def _scrolled(self, y: float) -> None:
        """Scrolled (wheel, scroll bar) to the end of the first screen's list: the same."""
        table = self.query_one(DataTable)
        if table.max_scroll_y > 0 and y >= table.max_scroll_y:
            self._read_older()

    def _read_older(self) -> None:
        if self.showing == "first":
            self.showing = "all"
            table = self.query_one(DataTable)
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self._load(keep=str(key.value))

    @work(thread=True, exclusive=True, group="load")
    def _load(self, keep: str | None = None) -> None:
        if self.showing == "first":
            found = self.store.schedule.first_meetings(self.today)
        else:
            year = self.showing if isinstance(self.showing, int) else None  # or "all"
            found = self.store.schedule.meetings(year=year)
        self.app.call_from_thread(self._show, upcoming_first(found, self.today), keep)

    def _show(self, meetings: list[MeetingSummary], keep: str | None = None) -> None:
        self._all = meetings
        codes = {m.organ_code for m in meetings}
        if self._filter_from_app:
            # The organ last chosen (saved per workspace), when it is one of several here.
            wanted = getattr(self.app, "organ_code", None)
            self.organ_filter = wanted if len(codes) > 1 and wanted in codes else None
        elif self.organ_filter not in codes:
            self.organ_filter = None
        if self.organ_filter is not None:
            meetings = [m for m in meetings if m.organ_code == self.organ_filter]
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
            rows = [str(m.id) for m in meetings]
            start = rows.index(keep) if keep in rows else first_to_open(meetings, self.today)
            table.move_cursor(row=start)
            table.focus()
            self.query("#empty-state").remove()
            self.call_after_refresh(self._load_todo)
        else:
            self._empty_state()
            if not self._offered_new_organ:
                self._offered_new_organ = True
                self._offer_new_organ()
        self.post_message(MeetingsLoaded(len(meetings)))

    @work(thread=True, exclusive=True, group="organs")
    def _offer_new_organ(self) -> None:
        """An empty workspace (no organ either) opens on the "Ny nämnd" form."""
        if not self.store.organs.all():
            self.app.call_from_thread(self._new_organ_form, True)

    def _new_organ_form(self, offer_demo: bool = False) -> None:
        from namnd.tui.app import workspace_label
        from namnd.tui.screens.organ_form import DEMO, OrganFormScreen

        def done(result) -> None:
            if result == DEMO:
                self.action_load_demo()
            elif result is not None:
                self._load()

        where = workspace_label(self.app.workspace)  # type: ignore[attr-defined]
        form = OrganFormScreen(self.store, offer_demo=offer_demo, where=where)
        self.app.push_screen(form, done)

    def action_new_organ(self) -> None:
        self._new_organ_form()

    def action_settings(self) -> None:
        """The current organ's settings (else the highlighted meeting's) and the user's own."""
        from namnd.tui.app import workspace_label
        from namnd.tui.screens.settings import SettingsScreen

        organs = {organ.code: organ for organ in self.store.organs.all()}
        if not organs:
            self._new_organ_form()
            return
        table = self.query_one(DataTable)
        code = getattr(self.app, "organ_code", None)
        if code not in organs and table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            code = next(m.organ_code for m in self._meetings if str(m.id) == key.value)
        if code not in organs:
            code = next(iter(organs))
        where = workspace_label(self.app.workspace)  # type: ignore[attr-defined]
        screen = SettingsScreen(self.store, organs[code], where=where)

        def closed(saved: bool | None) -> None:
            if saved:
                self._load()

        self.app.push_screen(screen, closed)

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
        todo.update("[b]Att göra snart[/b]\n" + escape("\n".join(lines)) if lines else "")
        todo.display = bool(lines)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Öppna is shown once there is something to open; the demo is for an empty workspace.

        (``namnd demo`` on the command line still loads it anywhere, on purpose.)
        """
        if action == "open":
            return bool(self._meetings)
        if action == "load_demo":
            return not self._meetings
        if action == "pick_organ":
            return len(organs_of(self._all)) > 1
        return True

    def on_screen_resume(self) -> None:
        """Another organ chosen on a per-organ screen: a filtered list follows it."""
        wanted = getattr(self.app, "organ_code", None)
        if self.organ_filter not in (None, wanted) and wanted in {m.organ_code for m in self._all}:
            self.organ_filter = wanted
            self._show(self._all)

    def action_pick_organ(self) -> None:
        """Show one organ's meetings (remembered as the current organ), or all of them."""

        def chosen(code: str) -> None:
            self._filter_from_app = False
            self.organ_filter = None if code == ALL_ORGANS[0] else code
            if self.organ_filter is not None:
                self.app.choose_organ(self.organ_filter)  # type: ignore[attr-defined]
            self._show(self._all)

        pick_organ(self, organs_of(self._all), self.organ_filter, chosen, extra=[ALL_ORGANS])

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            if key.value is not None:
                self.app.open_meeting(int(key.value))  # type: ignore[attr-defined]

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
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

    def action_delegation_codes(self) -> None:
        from namnd.tui.screens.delegation_codes import DelegationCodesScreen

        self.app.push_screen(DelegationCodesScreen(self.store))

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
