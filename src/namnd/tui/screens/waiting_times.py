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
from namnd.services.waiting_times import (
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
            table.add_row(insats if n == 0 else "", str(point.quarter), bar(point, longest))
        table.add_section()
    return table


class WaitingTimesScreen(PerOrganScreen, Screen[None]):
    """Väntetider för ej verkställda gynnande beslut, per insats och kvartal, för en nämnd."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Tillbaka", id="back"), PICK_ORGAN]
    HELP_TITLE = "Väntetider"

    PALETTE = (PICK_ORGAN_ENTRY,)

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
            cases = self.store.ej_verkstallda(self.resolve_organ().code)
        except NamndError as err:
            self.app.call_from_thread(self.notify, str(err), severity="error")
            return
        span = register_span(cases)
        if span is None:
            content: object = (
                "Registret över ej verkställda beslut är tomt. Läs in beslut med "
                "[i]namnd import ej-verkstallda FIL[/i]."
            )
        else:
            content = chart(waiting_times(cases, quarters_between(*span)))
        self.app.call_from_thread(self._show, content)

    def _show(self, content: object) -> None:
        self.sub_title = f"Väntetider, ej verkställda beslut · {self.organ_name}"
        self.query_one("#waiting-chart", Static).update(content)
        self.refresh_bindings()

    def organ_changed(self) -> None:
        self._load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Byt nämnd only shows when there is more than one organ."""
        return self.may_pick_organ() if action == "pick_organ" else True
