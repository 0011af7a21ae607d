"""The organ's own rules: how many days before and after the meeting each step falls."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Header, Input, Label

from namnd.domain.changes import OrganRulesChanges
from namnd.domain.models import OrganRules
from namnd.errors import InvalidInput
from namnd.rules.swedish_dates import clock, parse_clock
from namnd.storage.store import Store
from namnd.tui.widgets.footer import Footer
from namnd.tui.widgets.form_screen import FormScreen

_DAYS = {
    "kallelse_days": "Kallelsen skickas ut, dagar före sammanträdet",
    "case_stop_days": "Ärendestopp för tjänsteskrivelser, dagar före",
    "presidium_days": "Presidieberedning, dagar före",
    "justering_days": "Justering senast, dagar efter (högst 14, 5 kap. 69 § KL)",
    "posting_days": "Anslag senast, dagar efter justering (högst 2, 8 kap. 12 § KL)",
    "appeal_weeks": "Överklagandetid från anslag, veckor (3, 13 kap. 5 § KL)",
}


class RulesScreen(FormScreen):
    """Edit and save the organ's deadline rules."""

    def __init__(self, store: Store, rules: OrganRules, organ_code: str | None = None) -> None:
        super().__init__()
        self.store, self.rules, self.organ_code = store, rules, organ_code
        self.sub_title = "Regler för tidsfrister"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="details-form"):
            yield Label("", id="details-state")
            for name, label in _DAYS.items():
                yield Label(label)
                yield Input(str(getattr(self.rules, name)), id=name, type="integer")
            yield Label("Standardtid för nya sammanträden (TT:MM)")
            yield Input(clock(self.rules.default_time), id="default_time")
            yield Label("Standardplats")
            yield Input(self.rules.default_place, id="default_place")
        yield Footer()

    def save(self) -> Callable[[], object]:
        days = {name: self._count(name) for name in _DAYS}  # every field checked first
        time_text = self.query_one("#default_time", Input).value.strip()
        changes = OrganRulesChanges(
            kallelse_days=days["kallelse_days"],
            case_stop_days=days["case_stop_days"],
            presidium_days=days["presidium_days"],
            justering_days=days["justering_days"],
            posting_days=days["posting_days"],
            appeal_weeks=days["appeal_weeks"],
            default_time=parse_clock(time_text) if time_text else None,
            default_place=self.query_one("#default_place", Input).value.strip(),
        )
        return lambda: self.store.schedule.save_rules(changes, self.organ_code)

    def _count(self, name: str) -> int:
        """The whole number typed in the field ``name`` (a Swedish error naming it if not)."""
        text = self.query_one(f"#{name}", Input).value.strip()
        if not text.isdigit():
            raise InvalidInput(f"”{_DAYS[name]}” måste vara ett heltal.")
        return int(text)
