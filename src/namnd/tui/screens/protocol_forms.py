"""The protokoll's two forms: the närvaro as printed lines, and justering and anslag."""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.widgets import Header, Input, Label, Static, TextArea

from namnd.domain.protocol import Justering
from namnd.domain.views import ProtocolView
from namnd.errors import InvalidInput, NamndError
from namnd.formats.attendance_lines import BOXES, boxes, parse_boxes
from namnd.rules.roster import Seat, call_in, call_in_text
from namnd.rules.swedish_dates import clock, parse_clock, parse_iso_date
from namnd.storage.store import Store
from namnd.tui.widgets.footer import Footer
from namnd.tui.widgets.form_screen import FormScreen


class AttendanceScreen(FormScreen):
    """Beslutande, ersättare and övriga närvarande, one person per line as printed."""

    def __init__(self, store: Store, view: ProtocolView) -> None:
        super().__init__()
        self.store, self.view = store, view
        self.seats: list[Seat] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(
            "En person per rad, som i protokollet: ”Tuva Lund (S), ordförande”, "
            "”Anna Berg (M) för Per Ek (M), §§ 14–20”, ”Tuire Hattula, enhetschef, § 85”.",
            classes="form-help",
        )
        yield Label("", id="details-state")
        yield Static("", id="call-in")
        texts = boxes(self.view.protocol)
        with VerticalScroll():
            for key, label in BOXES:
                yield Label(label)
                yield TextArea(texts[key], id=key, classes="attendance-box")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Närvaro"
        self.query_one("#deciding", TextArea).focus()
        self._load_seats()

    @work(thread=True, exclusive=True, group="seats")
    def _load_seats(self) -> None:
        try:
            seats = self.store.members.seats(self.view.protocol.organ_code)
        except NamndError:
            return  # no register: nothing to suggest
        self.app.call_from_thread(self._seats_loaded, seats)

    def _seats_loaded(self, seats: list[Seat]) -> None:
        self.seats = seats
        self._suggest()

    @on(TextArea.Changed)
    def _suggest(self) -> None:
        """Who is missing among the ledamöter, and which ersättare is next to call in."""
        if not self.seats:
            return
        texts = {key: self.query_one(f"#{key}", TextArea).text for key, _ in BOXES}
        try:
            people = parse_boxes(texts)
        except InvalidInput:
            return  # a line being typed: keep the last suggestion
        present = {p.name for p in people}
        replaced = {p.replaces for p in people if p.replaces}
        text = call_in_text(call_in(self.seats, self.view.protocol.date, present, replaced))
        hint = self.query_one("#call-in", Static)
        hint.update(f"[b]Inkallelse:[/b] {escape(text)}" if text else "")
        hint.display = bool(text)

    def save(self) -> Callable[[], object]:
        texts = {key: self.query_one(f"#{key}", TextArea).text for key, _ in BOXES}
        attendees = parse_boxes(texts)
        return lambda: self.store.protocols.save_attendance(self.view.meeting_id, attendees)


_JUSTERING_FIELDS = (
    ("justerare", "Justerare (namn, åtskilda med komma)"),
    ("place", "Justeringens plats"),
    ("date", "Justeringens datum (ÅÅÅÅ-MM-DD)"),
    ("time", "Justeringens tid, kl. (HH:MM)"),
    ("archive", "Förvaringsplats för protokollet"),
    ("end_time", "Sammanträdet slutade kl. (HH:MM)"),
)


class JusteringScreen(FormScreen):
    """Who justerar, where and when; where the protokoll is kept; when the meeting ended."""

    def __init__(self, store: Store, view: ProtocolView) -> None:
        super().__init__()
        self.store, self.view = store, view
        self.version = view.head_version

    def compose(self) -> ComposeResult:
        protocol = self.view.protocol
        justering = protocol.justering
        values = {
            "justerare": ", ".join(justering.justerare),
            "place": justering.place,
            "date": justering.date.isoformat() if justering.date else "",
            "time": clock(justering.time) if justering.time else "",
            "archive": justering.archive,
            "end_time": clock(protocol.end_time) if protocol.end_time else "",
        }
        yield Header()
        yield Label("", id="details-state")
        with VerticalScroll():
            for key, label in _JUSTERING_FIELDS:
                yield Label(label)
                yield Input(values[key], id=key)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Justering"
        self.query_one("#justerare", Input).focus()

    def save(self) -> Callable[[], object]:
        value = {
            key: self.query_one(f"#{key}", Input).value.strip() for key, _ in _JUSTERING_FIELDS
        }
        names = tuple(n.strip() for n in value["justerare"].split(",") if n.strip())
        for name in names:
            if self.view.protocol.attendee(name) is None:
                raise InvalidInput(f"{name} finns inte i närvaron (skriv namnet utan parti).")
        date = parse_iso_date(value["date"], what="justeringens datum") if value["date"] else None
        time = parse_clock(value["time"], what="justeringens tid") if value["time"] else None
        end = parse_clock(value["end_time"], what="sluttid") if value["end_time"] else None
        justering = Justering(
            justerare=names, place=value["place"], date=date, time=time, archive=value["archive"]
        )
        version = self.version
        return lambda: self.store.protocols.save_justering(
            self.view.meeting_id, justering, end, version
        )

    def saved(self, result: object) -> None:
        assert isinstance(result, int), "save_adjustment returns the new version"
        self.version = result
