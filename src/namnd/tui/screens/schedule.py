"""The year view: every meeting's deadlines, with what is due this week and what is late."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from namnd.errors import NamndError
from namnd.operations.schedule import YearPlan, add_dates, propose, year_plan
from namnd.rules.deadlines import deadline_state
from namnd.rules.kallelse_flow import status_on
from namnd.rules.meeting_plan import PlanRule, parse_months, proposal_lines
from namnd.rules.swedish_dates import long_date, parse_iso_date
from namnd.rules.swedish_numbers import counted
from namnd.storage.store import Store
from namnd.tui.latest_read import show_if_latest
from namnd.tui.messages import StoreChanged, announce_change
from namnd.tui.organ_choice import PICK_ORGAN, PICK_ORGAN_ENTRY, PerOrganScreen
from namnd.tui.store_writes import write
from namnd.tui.widgets.dialogs import ConfirmDialog, TextDialog
from namnd.tui.widgets.entry_dialog import EntryDialog, Field
from namnd.tui.widgets.footer import Footer
from namnd.tui.widgets.plain_table import PlainTable

STYLES = {
    "late": "bold white on dark_red",
    "due": "bold black on yellow",
    "done": "dim",
    "coming": "",
}
WEEKDAYS = tuple(
    (name, str(n)) for n, name in enumerate(("måndag", "tisdag", "onsdag", "torsdag", "fredag"))
)
NTH = (("första", "1"), ("andra", "2"), ("tredje", "3"), ("fjärde", "4"), ("sista", "-1"))
RULE_FIELDS = [
    Field("weekday", "Veckodag", WEEKDAYS, value="3"),
    Field("nth", "Vilken i månaden", NTH, value="3"),
    Field("skip", "Inga sammanträden i månad (t.ex. 7 för juli)", value="7"),
    Field("twice", "Två sammanträden i månad (t.ex. 9,11)"),
]
LEGEND = (
    "[bold white on dark_red] sen [/] passerad, inte klar   "
    "[bold black on yellow] denna vecka [/]   [dim]klar[/]"
)


#: Below WIDE the headings are short; below NARROW the dates are MM-DD too (80 columns).
WIDE, NARROW = 136, 110
SHORT_LABELS = {
    "case_stop": "Stopp",
    "presidium": "Presid.",
    "kallelse": "Kallelse",
    "adjustment": "Juster.",
    "posting": "Anslag",
    "appeal_ends": "Överkl.",
}


class ScheduleScreen(PerOrganScreen, Screen[None]):
    """One organ's year of the sammanträdesordning; ← → change year, g any year, r the rules."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tillbaka", id="back"),
        # priority: the year changes even with the wide table focused (it would scroll).
        Binding("left", "year(-1)", "Förra året", id="prev_year", priority=True),
        Binding("right", "year(1)", "Nästa år", id="next_year", priority=True),
        Binding("g", "goto_year", "Gå till år", id="goto_year"),
        Binding("n", "new_meeting", "Nytt sammanträde", id="new_meeting"),
        Binding("p", "propose", "Föreslå datum", id="propose"),
        Binding("x,delete", "remove", "Ta bort", id="remove"),
        Binding("r", "rules", "Regler", id="rules"),
        PICK_ORGAN,
    ]
    HELP_TITLE = "Sammanträdesordningen"

    PALETTE = (
        ("Sammanträdesordning: nytt sammanträde", "new_meeting"),
        ("Sammanträdesordning: föreslå årets datum efter en regel", "propose"),
        ("Sammanträdesordning: ta bort markerat planerat sammanträde", "remove"),
        ("Sammanträdesordning: regler för tidsfrister, tid och plats", "rules"),
        PICK_ORGAN_ENTRY,
    )

    def __init__(
        self, store: Store, year: int, *, today: dt.date, organ_code: str | None = None
    ) -> None:
        super().__init__()
        self.store, self.year, self.today = store, year, today
        #: None means the app's current organ (``tui.organ_choice``).
        self.organ_code = organ_code
        self.plan: YearPlan | None = None
        #: (meeting date, deadline key) → late/due/done/coming, as shown.
        self.states: dict[tuple[dt.date, str], str] = {}
        self._shown_fold = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="schedule-heading")
        yield PlainTable(id="schedule", cursor_type="row", zebra_stripes=True)
        yield Static("", id="schedule-warnings")
        yield Footer()

    def on_mount(self) -> None:
        self._load()

    def on_screen_resume(self) -> None:
        self._load()

    def on_store_changed(self, message: StoreChanged) -> None:
        """A status, justering or meeting changed elsewhere: its deadlines may have too."""
        if self.plan is not None:
            self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        try:
            plan = year_plan(self.store, self.year, self.resolve_organ().code)
        except NamndError as err:
            self.app.call_from_thread(self.notify, str(err), severity="error")
            return
        show_if_latest(self.app, self._show, plan)

    def organ_changed(self) -> None:
        self._load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Byt nämnd only shows when there is more than one organ."""
        return self.may_pick_organ() if action == "pick_organ" else True

    @property
    def fold(self) -> int:
        """0: everything in full; 1: short headings; 2: short dates as well."""
        width = self.size.width
        return 0 if width >= WIDE else 1 if width >= NARROW else 2

    def on_resize(self) -> None:
        if self.plan is not None and self._shown_fold != self.fold:
            self._show(self.plan)

    def _show(self, plan: YearPlan) -> None:
        self.plan = plan
        self._shown_fold = fold = self.fold
        narrow = fold == 2
        self.sub_title = f"Sammanträdesordning {plan.year} · {plan.organ_name}"
        self.refresh_bindings()
        today = self.today.isoformat() if narrow else long_date(self.today)
        self.query_one("#schedule-heading", Static).update(
            f"[b]Sammanträdesordning {plan.year}[/b], {escape(plan.organ_name)} · "
            f"idag {today}    {LEGEND}"
        )
        table = self.query_one(DataTable)
        table.clear(columns=True)
        if not plan.meetings:
            self.query_one("#schedule-warnings", Static).update(
                f"Inga sammanträden planerade {plan.year}. Tryck [b]p[/b] för att föreslå "
                "årets datum efter en regel (t.ex. tredje torsdagen i månaden) eller "
                "[b]n[/b] för ett sammanträde i taget."
            )
            return
        labels = [
            SHORT_LABELS[key] if fold else label for key, label, _d, _x in plan.meetings[0].steps()
        ]
        table.add_columns("Sammanträde", "Status", *labels)
        self.states.clear()
        for planned in plan.meetings:
            meeting_day = planned.meeting.date
            cells: list[Text | str] = [
                meeting_day.isoformat() if narrow else long_date(meeting_day),
                status_on(planned.meeting.status, meeting_day, today=self.today).label,
            ]
            for key, _label, day, done in planned.steps():
                state = deadline_state(day, self.today, done=done)
                self.states[(meeting_day, key)] = state
                shown = day.strftime("%m-%d") if narrow and day.year == plan.year else None
                cells.append(Text(shown or day.isoformat(), style=STYLES[state]))
            table.add_row(*cells, key=planned.meeting.date.isoformat())
        lines = [f"Obs: {escape(w)}" for w in plan.warnings]
        lines += [f"[b]Remiss:[/b] {escape(r.text)}" for r in plan.remisser]
        self.query_one("#schedule-warnings", Static).update("\n".join(lines))
        table.focus()

    def action_year(self, delta: int) -> None:
        self.year += delta
        self._load()

    def action_goto_year(self) -> None:
        """Any year, with or without meetings (e.g. to plan one far ahead)."""

        def done(text: str | None) -> None:
            if not text:
                return
            if not (text.isdigit() and 1900 < int(text) < 2200):
                self.notify(
                    f"”{text}” är inget årtal; skriv t.ex. {self.today.year + 1}.",
                    title="Sammanträdesordning",
                    severity="error",
                )
                return
            self.year = int(text)
            self._load()

        self.app.push_screen(TextDialog("Gå till år (ÅÅÅÅ)", value=str(self.year)), done)

    def action_rules(self) -> None:
        from namnd.tui.screens.rules import RulesScreen

        if self.plan is not None:
            self.app.push_screen(RulesScreen(self.store, self.plan.rules, self.plan.organ_code))

    def action_new_meeting(self, typed: str = "") -> None:
        """Plan one meeting on a date, at the organ's usual time and place."""

        def done(text: str | None) -> None:
            if not text:
                return
            try:
                day = parse_iso_date(text, what="sammanträdesdatum")
            except NamndError as err:
                failed(text, err)
                return
            write(
                self,
                lambda: add_dates(self.store, [day], self.organ_code),
                title="Sammanträdesordning",
                done=lambda added: planned(day, added),
                failed=lambda err: failed(text, err),
            )

        def failed(text: str, err: NamndError) -> None:
            self.notify(str(err), title="Sammanträdesordning", severity="error")
            self.action_new_meeting(text)  # back, with what was typed

        def planned(day: dt.date, added: int) -> None:
            announce_change(self)
            what = "är planerat" if added else "fanns redan"
            self.notify(f"Sammanträdet {long_date(day)} {what}.", title="Sammanträdesordning")
            self.year = day.year
            self._load()

        self.app.push_screen(
            TextDialog(
                "Datum för nytt sammanträde (ÅÅÅÅ-MM-DD)", f"t.ex. {self.year}-09-17", value=typed
            ),
            done,
        )

    def action_propose(self) -> None:
        """Dates from a rule, shown with their warnings; saved only when confirmed."""

        def ask(values: dict[str, str] | None) -> None:
            if values is None:
                return
            try:
                rule = PlanRule(
                    weekday=int(values["weekday"]),
                    nth=int(values["nth"]),
                    skip_months=parse_months(values["skip"]),
                    second_in_months=parse_months(values["twice"]),
                )
                dates, warnings = propose(self.store, self.year, rule, self.organ_code)
            except NamndError as err:
                self.notify(str(err), title="Sammanträdesordning", severity="error")
                return
            lines = "\n".join(proposal_lines(dates, warnings))
            question = f"Förslag till sammanträdesordning {self.year}:\n{lines}\n\nPlanera dem?"
            self.app.push_screen(
                ConfirmDialog(question, yes="Planera"),
                lambda yes: self._plan(dates) if yes else None,
            )

        self.app.push_screen(EntryDialog(f"Föreslå datum {self.year}", RULE_FIELDS), ask)

    def _plan(self, dates: list[dt.date]) -> None:
        def done(added: int) -> None:
            announce_change(self)
            self.notify(
                f"{counted(added, 'sammanträde planerat', 'sammanträden planerade')} {self.year}.",
                title="Sammanträdesordning",
            )
            self._load()

        write(
            self,
            lambda: add_dates(self.store, dates, self.organ_code),
            title="Sammanträdesordning",
            done=done,
        )

    def action_remove(self) -> None:
        """Take the highlighted planned meeting off the plan, once confirmed."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        day = dt.date.fromisoformat(str(key))

        def done(yes: bool | None) -> None:
            if yes:
                write(
                    self,
                    lambda: self.store.schedule.remove_planned_meetings([day], self.organ_code),
                    title="Sammanträdesordning",
                    done=removed,
                )

        def removed(_result: object) -> None:
            announce_change(self)
            self.notify(f"Sammanträdet {long_date(day)} är borttaget.", title="Sammanträdesordning")
            self._load()

        question = f"Ta bort det planerade sammanträdet {long_date(day)}?"
        self.app.push_screen(ConfirmDialog(question, yes="Ta bort", destructive=True), done)
