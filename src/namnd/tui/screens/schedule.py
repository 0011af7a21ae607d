"""The year view: every meeting's deadlines, with what is due this week and what is late."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from namnd.errors import NamndError
from namnd.operations.schedule import YearPlan, year_plan
from namnd.services.deadlines import deadline_state
from namnd.services.swedish_dates import long_date
from namnd.storage.store import Store

STYLES = {
    "late": "bold white on dark_red",
    "due": "bold black on yellow",
    "done": "dim",
    "coming": "",
}
LEGEND = (
    "[bold white on dark_red] sen [/] passerad, inte klar   "
    "[bold black on yellow] denna vecka [/]   [dim]klar[/]"
)


class ScheduleScreen(Screen[None]):
    """One year of the sammanträdesordning; ← → change year, r edits the rules."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tillbaka", id="back"),
        Binding("left", "year(-1)", "Föregående år", id="prev_year"),
        Binding("right", "year(1)", "Nästa år", id="next_year"),
        Binding("r", "rules", "Regler", id="rules"),
    ]

    def __init__(
        self, store: Store, year: int, *, today: dt.date, organ_code: str | None = None
    ) -> None:
        super().__init__()
        self.store, self.year, self.today = store, year, today
        #: None means the only organ there is (several organs: name one).
        self.organ_code = organ_code
        self.plan: YearPlan | None = None
        #: (meeting date, deadline key) → late/due/done/coming, as shown.
        self.states: dict[tuple[dt.date, str], str] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="schedule-heading")
        yield DataTable(id="schedule", cursor_type="row", zebra_stripes=True)
        yield Static("", id="schedule-warnings")
        yield Footer()

    def on_mount(self) -> None:
        self._load()

    def on_screen_resume(self) -> None:
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        try:
            plan = year_plan(self.store, self.year, self.organ_code)
        except NamndError as err:
            self.app.call_from_thread(self.notify, str(err), severity="error")
            return
        self.app.call_from_thread(self._show, plan)

    def _show(self, plan: YearPlan) -> None:
        self.plan = plan
        self.sub_title = f"Sammanträdesordning {plan.year}"
        self.query_one("#schedule-heading", Static).update(
            f"[b]Sammanträdesordning {plan.year}[/b], {plan.organ_name} · "
            f"idag {long_date(self.today)}    {LEGEND}"
        )
        table = self.query_one(DataTable)
        table.clear(columns=True)
        if not plan.meetings:
            self.query_one("#schedule-warnings", Static).update(
                f"Inga sammanträden planerade {plan.year}. Planera med "
                f"[i]namnd schedule {plan.year} --propose torsdag[/i] och --add."
            )
            return
        table.add_columns(
            "Sammanträde", "Status", *[label for _k, label, _d, _x in plan.meetings[0].steps()]
        )
        self.states.clear()
        for planned in plan.meetings:
            cells: list[Text | str] = [
                long_date(planned.meeting.date),
                planned.meeting.status.label,
            ]
            for key, _label, day, done in planned.steps():
                state = deadline_state(day, self.today, done=done)
                self.states[(planned.meeting.date, key)] = state
                cells.append(Text(day.isoformat(), style=STYLES[state]))
            table.add_row(*cells)
        self.query_one("#schedule-warnings", Static).update(
            "\n".join(f"Obs: {w}" for w in plan.warnings)
        )
        table.focus()

    def action_year(self, delta: int) -> None:
        self.year += delta
        self._load()

    def action_rules(self) -> None:
        from namnd.tui.screens.rules import RulesScreen

        if self.plan is not None:
            self.app.push_screen(RulesScreen(self.store, self.plan.rules, self.plan.organ_code))
