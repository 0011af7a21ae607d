"""The kallelse details: time, place, justering, gruppmöten and the signatures."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Header, Input, Label, TextArea

from namnd.domain.changes import MeetingDetailsChanges
from namnd.domain.models import GroupMeeting, Meeting
from namnd.errors import InvalidInput
from namnd.rules.swedish_dates import clock, parse_clock, parse_iso_date
from namnd.storage.store import Store
from namnd.tui.widgets.footer import Footer
from namnd.tui.widgets.form_screen import FormScreen

_FIELDS = {
    "date": "Sammanträdesdatum (ÅÅÅÅ-MM-DD)",
    "start_time": "Tid (TT:MM)",
    "place": "Plats",
    "kallelse_date": "Kallelsens datum (ÅÅÅÅ-MM-DD)",
    "justering_text": "Justering (vem, när och var)",
    "chair_name": "Ordförande, som under kallelsen (t.ex. Tuva Lund (S))",
    "secretary_name": "Sekreterare",
    "secretary_title": "Sekreterarens titel",
}
GROUPS_HELP = "Gruppmöten – en per rad: partier; plats; datum ÅÅÅÅ-MM-DD; tid TT:MM"


def group_lines(groups: list[GroupMeeting]) -> str:
    """Gruppmöten as editable lines."""
    return "\n".join(
        "; ".join(
            [g.parties, g.place, g.date.isoformat() if g.date else "", clock(g.start_time)]
        ).rstrip("; ")
        for g in groups
    )


def parse_group_lines(text: str) -> list[GroupMeeting]:
    """Read the gruppmöten lines back; a Swedish error names the line."""
    groups = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split(";")] + ["", "", ""]
        if not parts[0] or not parts[1]:
            raise InvalidInput(f"Gruppmöten, rad {number}: ange minst partier och plats.")
        groups.append(
            GroupMeeting(
                meeting_id=0,
                position=number,
                parties=parts[0],
                place=parts[1],
                date=parse_iso_date(parts[2], what=f"datum på rad {number}") if parts[2] else None,
                start_time=parse_clock(parts[3], what=f"tid på rad {number}") if parts[3] else None,
            )
        )
    return groups


class MeetingDetailsScreen(FormScreen):
    """Kallelse details; never saved silently over another person's save."""

    def __init__(self, store: Store, meeting_id: int) -> None:
        super().__init__()
        self.store, self.meeting_id = store, meeting_id
        self.version = 0
        self.sub_title = "Kallelseuppgifter"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="details-form"):
            yield Label("", id="details-state")
            for name, label in _FIELDS.items():
                yield Label(label)
                yield Input(id=name)
            yield Label(GROUPS_HELP)
            yield TextArea(id="groups", classes="editor-area")
        yield Footer()

    def on_mount(self) -> None:
        meeting, groups = self.store.agendas.meeting_details(self.meeting_id)
        self._fill(meeting, groups)
        self.query_one("#date", Input).focus()

    def _fill(self, meeting: Meeting, groups: list[GroupMeeting]) -> None:
        self.version = meeting.version
        for name in _FIELDS:
            value = getattr(meeting, name)
            if name == "start_time":
                value = clock(value)
            elif value is not None and name.endswith("date"):
                value = value.isoformat()
            self.query_one(f"#{name}", Input).value = value or ""
        self.query_one("#groups", TextArea).load_text(group_lines(groups))

    def _changes(self) -> MeetingDetailsChanges:
        raw = {name: self.query_one(f"#{name}", Input).value.strip() for name in _FIELDS}
        return MeetingDetailsChanges(
            date=parse_iso_date(raw["date"], what="sammanträdesdatum"),
            start_time=parse_clock(raw["start_time"]) if raw["start_time"] else None,
            place=raw["place"],
            kallelse_date=(
                parse_iso_date(raw["kallelse_date"], what="kallelsens datum")
                if raw["kallelse_date"]
                else None
            ),
            justering_text=raw["justering_text"],
            chair_name=raw["chair_name"],
            secretary_name=raw["secretary_name"],
            secretary_title=raw["secretary_title"],
        )

    def save(self) -> Callable[[], object]:
        groups = parse_group_lines(self.query_one("#groups", TextArea).text)
        changes, version = self._changes(), self.version
        return lambda: self.store.agendas.save_meeting_details(
            self.meeting_id, version, changes, groups
        )

    def saved(self, result: object) -> None:
        self.version += 1
