"""A chart of waiting times per insats over the quarters (ej verkställda beslut)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from namnd.errors import NamndError
from namnd.rules.swedish_numbers import counted
from namnd.rules.waiting_times import (
    WaitingPoint,
    quarters_between,
    register_span,
    waiting_times,
)
from namnd.storage.store import Store
from namnd.tui.organ_choice import PICK_ORGAN, PICK_ORGAN_ENTRY, PerOrganScreen
from namnd.tui.widgets.footer import Footer

BAR_WIDTH = 24


def bar(point: WaitingPoint, longest: float) -> Text:
    """``███▌ 3,5 mån (2)``: the median as a bar, then the value and the count."""
    if point.median_months is None:
        return Text("–", style="dim")
    eighths = round(point.median_months / longest * BAR_WIDTH * 8) if longest else 0
    blocks = "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]
    style = "red" if point.median_months >= 6 else "yellow" if point.median_months >= 3 else "green"
    value = f"{point.median_months:.1f}".replace(".", ",").replace(",0", "")
    return Text.assemble((blocks, style), f" {value} mån ({point.count})")


def chart(series: dict[str, list[WaitingPoint]]) -> Table:
    """One row per insats and quarter: the Rich renderable the screen shows."""
    longest = max(
        (p.median_months for points in series.values() for p in points if p.median_months),
        default=0.0,
    )
    table = Table(expand=True, show_lines=False)
    table.add_column("Insats", ratio=2)
    table.add_column("Kvartal")
    table.add_column("Median väntetid (antal rapporterade)", ratio=3)
    for insats, points in series.items():
        for n, point in enumerate(points):
            table.add_row(Text(insats) if n == 0 else "", str(point.quarter), bar(point, longest))
        table.add_section()
    return table


class WaitingTimesScreen(PerOrganScreen, Screen[None]):
    """Väntetider för ej verkställda gynnande beslut, per insats och kvartal, för en nämnd."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tillbaka", id="back"),
        Binding("i", "import_register", "Läs in register", id="import_register"),
        PICK_ORGAN,
    ]
    HELP_TITLE = "Väntetider"

    PALETTE = (
        ("Ej verkställda beslut: läs in registret från fil (YAML)", "import_register"),
        PICK_ORGAN_ENTRY,
    )

    def __init__(self, store: Store, organ_code: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.organ_code = organ_code
        self.sub_title = "Väntetider, ej verkställda beslut"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static("", id="waiting-chart")
        yield Footer()

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        try:
            decisions = self.store.delegation.unexecuted_decisions(self.resolve_organ().code)
        except NamndError as err:
            self.app.call_from_thread(self.notify, str(err), severity="error")
            return
        span = register_span(decisions)
        if span is None:
            content: str | Table = (
                "Registret över ej verkställda beslut är tomt. Tryck [b]i[/b] för att läsa "
                "in beslut från en fil (se docs/cli.md, ej verkställda beslut)."
            )
        else:
            content = chart(waiting_times(decisions, quarters_between(*span)))
        self.app.call_from_thread(self._show, content)

    def _show(self, content: str | Table) -> None:
        self.sub_title = f"Väntetider, ej verkställda beslut · {self.organ_name}"
        self.query_one("#waiting-chart", Static).update(content)
        self.refresh_bindings()

    def organ_changed(self) -> None:
        self._load()

    def action_import_register(self, path: str = "") -> None:
        """The organ's register of ej verkställda beslut from a file; a mistake keeps the path."""
        from namnd.tui.widgets.entry_dialog import EntryDialog, Field

        def done(answer: dict[str, str] | None) -> None:
            if answer and answer["path"].strip():
                self._import(answer["path"].strip())

        fields = [Field("path", "Fil (YAML)", value=path)]
        self.app.push_screen(EntryDialog("Läs in ej verkställda beslut", fields), done)

    @work(thread=True, exclusive=True, group="import")
    def _import(self, path: str) -> None:
        from pathlib import Path

        from namnd.operations.unexecuted_report import import_register

        user = self.app.user  # type: ignore[attr-defined]
        try:
            result = import_register(
                self.store, Path(path).expanduser(), by=user, organ=self.resolve_organ().code
            )
        except (NamndError, OSError) as err:
            self.app.call_from_thread(
                self.notify, str(err), title="Kunde inte läsa in", severity="error", timeout=12
            )
            self.app.call_from_thread(self.action_import_register, path)
            return
        added = counted(result.added, "nytt beslut", "nya beslut")
        self.app.call_from_thread(self.notify, f"Läste in {added}.", title="Ej verkställda")
        self.app.call_from_thread(self._load)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Byt nämnd only shows when there is more than one organ."""
        return self.may_pick_organ() if action == "pick_organ" else True
