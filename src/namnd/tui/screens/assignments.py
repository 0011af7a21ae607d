"""The nämnduppdrag board: grouped by status, overdue and due-soon highlighted, history."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Markdown, Select

from namnd.domain.kinds import AssignmentStatus
from namnd.domain.views import AssignmentDetail, AssignmentView
from namnd.errors import NamndError
from namnd.rules.report_back import urgency
from namnd.storage.store import Store
from namnd.tui.latest_read import show_if_latest
from namnd.tui.organ_choice import PICK_ORGAN, PICK_ORGAN_ENTRY, PerOrganScreen
from namnd.tui.store_writes import write
from namnd.tui.widgets.dialogs import PickDialog
from namnd.tui.widgets.footer import Footer
from namnd.tui.widgets.plain_table import PlainTable

GROUPS = ("försenad", *(s.label for s in AssignmentStatus))
STYLES = {"overdue": "bold white on dark_red", "soon": "bold black on yellow", "": ""}


def board_rows(
    assignments: list[AssignmentView], *, assignee: str | None, year: int | None
) -> list[AssignmentView]:
    """The filtered register in board order: by status group, then soonest due."""
    rows = [
        a
        for a in assignments
        if (assignee is None or a.assignee == assignee)
        and (year is None or (a.due_date and a.due_date.year == year))
    ]
    return sorted(
        rows,
        key=lambda a: (GROUPS.index(a.status_label), a.due_date or dt.date.max, a.id),
    )


def detail_markdown(detail: AssignmentDetail) -> str:
    """One uppdrag with its origin, due, återrapportering and history."""
    a = detail.assignment
    lines = [
        f"## {a.status_label.capitalize()}",
        a.text,
        f"**Ges till:** {a.assignee or '–'}  ",
        f"**Ursprung:** {a.origin_label or '–'}  ",
        f"**Återrapporteras:** {a.due_label} till {a.report_to or 'nämnden'}",
    ]
    if detail.report_arende_title:
        lines.append(f"**Återrapportering:** {detail.report_arende_title}")
    if detail.history:
        lines.append("### Historik")
        lines.append(
            "\n".join(
                f"- {h.changed_at.astimezone():%Y-%m-%d %H:%M} {h.changed_by}: {h.field_label} "
                f"{h.old_value or '–'} → {h.new_value or '–'}" + (f" ({h.note})" if h.note else "")
                for h in detail.history
            )
        )
    return "\n\n".join(lines) + "\n"


class AssignmentsScreen(PerOrganScreen, Screen[None]):
    """One organ's nämnduppdrag; filter by förvaltning and year; change status with keys."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tillbaka", id="back"),
        Binding("p", "status('in_progress')", "Pågår", id="in_progress"),
        Binding("a", "status('closed')", "Avslutad", id="closed"),
        Binding("s", "pick_status", "Status …", id="pick_status"),
        PICK_ORGAN,
    ]
    HELP_TITLE = "Nämnduppdrag"

    PALETTE = (PICK_ORGAN_ENTRY,)

    def __init__(
        self, store: Store, *, today: dt.date, user: str, organ_code: str | None = None
    ) -> None:
        super().__init__()
        self.store, self.today, self.user = store, today, user
        self.organ_code = organ_code
        self.all: list[AssignmentView] = []
        self.rows: list[AssignmentView] = []
        self._filters_ready = False
        self.sub_title = "Nämnduppdrag"

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="assignment-filters"):
            yield Select([], prompt="Alla förvaltningar", id="assignee")
            yield Select([], prompt="Alla år", id="year")
        with Horizontal(id="assignment-body"):
            yield PlainTable(id="assignments", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="assignment-detail"):
                yield Markdown("", id="assignment-markdown")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Status", "Uppdrag", "Ges till", "Återrapporteras")
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        try:
            rows = self.store.assignments.find(
                today=self.today, organ_code=self.resolve_organ().code
            )
        except NamndError as err:
            self.app.call_from_thread(self.notify, str(err), severity="error")
            return
        show_if_latest(self.app, self._loaded, rows)

    def organ_changed(self) -> None:
        self._filters_ready = False  # another organ's förvaltningar and years
        self._load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Byt nämnd only shows when there is more than one organ."""
        return self.may_pick_organ() if action == "pick_organ" else True

    def _loaded(self, rows: list[AssignmentView]) -> None:
        self.all = rows
        self.sub_title = f"Nämnduppdrag · {self.organ_name}"
        self.refresh_bindings()
        assignee, year = self.query_one("#assignee", Select), self.query_one("#year", Select)
        if not self._filters_ready:
            self._filters_ready = True
            assignee.set_options(
                (Content(a), a) for a in sorted({r.assignee for r in rows if r.assignee})
            )
            years = sorted({r.due_date.year for r in rows if r.due_date})
            year.set_options((str(y), y) for y in years)
        self._show()

    @on(Select.Changed)
    def _filter(self) -> None:
        self._show()

    def _show(self) -> None:
        assignee = self.query_one("#assignee", Select)
        year = self.query_one("#year", Select)
        self.rows = board_rows(
            self.all,
            assignee=None if assignee.is_blank() else str(assignee.value),
            year=None if year.is_blank() else int(year.value),  # type: ignore[arg-type]
        )
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        for a in self.rows:
            style = STYLES[urgency(a, self.today)]
            text = a.text if len(a.text) <= 60 else a.text[:57] + " …"
            table.add_row(
                Text(a.status_label, style=style),
                text,
                a.assignee,
                Text(a.due_label, style=style),
                key=str(a.id),
            )
        if not self.rows:
            self.query_one(Markdown).update(
                f"*Inga nämnduppdrag för {self.organ_name} här.* Uppdrag registreras från "
                "besluten: tryck **f** på en paragraf i protokollet."
            )
        else:
            table.move_cursor(row=min(cursor, len(self.rows) - 1))
        table.focus()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self._detail(int(event.row_key.value))

    @work(thread=True, exclusive=True, group="detail")
    def _detail(self, assignment_id: int) -> None:
        detail = self.store.assignments.get(assignment_id, today=self.today)
        show_if_latest(self.app, self.query_one(Markdown).update, detail_markdown(detail))

    def _current(self) -> AssignmentView | None:
        if not self.rows:
            return None
        return self.rows[self.query_one(DataTable).cursor_row]

    def action_status(self, value: str) -> None:
        current = self._current()
        if current is None:
            return

        def failed(err: NamndError) -> None:
            self.notify(str(err), title="Status", severity="error")
            self._load()

        def done(_result: object) -> None:
            self.notify(f"Uppdraget är nu {AssignmentStatus(value).label}.", title="Status")
            self._load()

        write(
            self,
            lambda: self.store.assignments.set_status(
                current.id, AssignmentStatus(value), by=self.user, version=current.version
            ),
            title="Status",
            done=done,
            failed=failed,
        )

    def action_pick_status(self) -> None:
        options = [(s.value, s.label) for s in AssignmentStatus]
        self.app.push_screen(
            PickDialog("Ny status för uppdraget", options, ""),
            lambda value: self.action_status(value) if value else None,
        )
