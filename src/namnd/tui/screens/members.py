"""Ledamöter och ersättare: the seats register, as of today or with its history.

The närvaro of a new protokoll is drawn from here, so keeping it current is part of the
secretary's work after every fyllnadsval and entledigande.
"""

from __future__ import annotations

import datetime as dt

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from namnd.domain.kinds import MemberRole, Position
from namnd.errors import NamndError
from namnd.rules.roster import COLUMNS, Seat, seat_cells, seat_from_fields
from namnd.rules.swedish_dates import long_date, parse_iso_date
from namnd.rules.swedish_numbers import counted
from namnd.storage.store import Store
from namnd.tui.organ_choice import PICK_ORGAN, PICK_ORGAN_ENTRY, PerOrganScreen
from namnd.tui.store_writes import write
from namnd.tui.widgets.dialogs import TextDialog
from namnd.tui.widgets.entry_dialog import EntryDialog, Field
from namnd.tui.widgets.footer import Footer
from namnd.tui.widgets.plain_table import PlainTable

ROLES = tuple((role.label, role.value) for role in MemberRole)
POSITIONS = (("–", ""), *((p.label, p.value) for p in Position))


def seat_fields(seat: Seat | None, values: dict[str, str] | None = None) -> list[Field]:
    """The form for a seat: filled from ``values`` (a failed try) or the seat."""
    if values is None:
        values = (
            {}
            if seat is None
            else {
                "name": seat.name,
                "party": seat.party,
                "role": seat.role.value,
                "position": seat.position.value if seat.position else "",
                "first_day": seat.first_day.isoformat(),
                "last_day": seat.last_day.isoformat() if seat.last_day else "",
                "order": str(seat.order) if seat.order is not None else "",
                "email": seat.email,
                "phone": seat.phone,
            }
        )
    return [
        Field("name", "Namn", value=values.get("name", "")),
        Field("party", "Parti (förkortning, t.ex. S eller MP)", value=values.get("party", "")),
        Field("role", "Roll", ROLES, value=values.get("role", "")),
        Field("position", "Funktion", POSITIONS, value=values.get("position", "")),
        Field("first_day", "Första dag (ÅÅÅÅ-MM-DD)", value=values.get("first_day", "")),
        Field("last_day", "Sista dag (tomt = tills vidare)", value=values.get("last_day", "")),
        Field(
            "order",
            "Inkallelseordning för ersättare (tomt = sist)",
            value=values.get("order", ""),
        ),
        Field("email", "E-post (dit kallelsen skickas)", value=values.get("email", "")),
        Field("phone", "Telefon", value=values.get("phone", "")),
    ]


class MembersScreen(PerOrganScreen, Screen[None]):
    """The seats holding today (h: all, ended ones too); n adds, e edits, x ends a seat.

    One organ's seats at a time: ``b`` shows another's (a nämnd and its arbetsutskott).
    """

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tillbaka", id="back"),
        Binding("n", "new", "Ny plats", id="new"),
        Binding("e", "edit", "Ändra", id="edit"),
        Binding("x", "end", "Avsluta plats", id="end"),
        Binding("h", "history(True)", "Visa avslutade", id="history_on"),
        Binding("h", "history(False)", "Dölj avslutade", id="history_off"),
        PICK_ORGAN,
        Binding("i", "import_roster", "Läs in fil", id="import_roster", show=False),
        Binding("u", "mailing_lists", "Sändlistor", id="mailing_lists", show=False),
    ]
    HELP_TITLE = "Ledamöter och ersättare"

    PALETTE = (
        ("Ledamöter: ny ledamot eller ersättare", "new"),
        ("Ledamöter: ändra markerad plats", "edit"),
        ("Ledamöter: avsluta markerat uppdrag (entledigande, avgång)", "end"),
        ("Ledamöter: läs in en mandatperiod från fil (Excel, CSV eller YAML)", "import_roster"),
        ("Ledamöter: visa även avslutade uppdrag", "history(True)"),
        ("Ledamöter: visa bara de som har en plats i dag", "history(False)"),
        ("Sändlistor: vilka som får kallelsen, och vilken version", "mailing_lists"),
        PICK_ORGAN_ENTRY,
    )

    def __init__(self, store: Store, *, today: dt.date, organ_code: str | None = None) -> None:
        super().__init__()
        self.store, self.today = store, today
        self.organ_code = organ_code
        self.show_all = False
        self.seats: list[Seat] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="members-heading")
        yield PlainTable(id="members", cursor_type="row", zebra_stripes=True)
        yield Static("", id="members-empty")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Ledamöter och ersättare"
        self.query_one(DataTable).add_columns(*COLUMNS)
        self._load()

    @work(thread=True, exclusive=True, group="members")
    def _load(self, focus: int | None = None) -> None:
        try:
            seats = self.store.members.seats(self.resolve_organ().code)
        except NamndError as err:
            self.app.call_from_thread(self.notify, str(err), severity="error")
            return
        self.app.call_from_thread(self._show, seats, focus)

    def organ_changed(self) -> None:
        self._load()

    def _show(self, seats: list[Seat], focus: int | None) -> None:
        self.sub_title = f"Ledamöter och ersättare · {self.organ_name}"
        shown = seats if self.show_all else [s for s in seats if s.holds_on(self.today)]
        self.seats = shown
        table = self.query_one(DataTable)
        table.clear()
        for seat in shown:
            table.add_row(*seat_cells(seat), key=str(seat.id))
        members = sum(s.role is MemberRole.MEMBER for s in shown)
        scope = "alla uppdrag, även avslutade" if self.show_all else long_date(self.today)
        self.query_one("#members-heading", Static).update(
            f"[b]Ledamöter och ersättare[/b], {escape(self.organ_name)} · {scope} · "
            f"{counted(members, 'ledamot', 'ledamöter')}, {len(shown) - members} ersättare"
        )
        empty = self.query_one("#members-empty", Static)
        empty.display = not shown
        if not shown:
            empty.update(
                f"Ingen har en plats i {escape(self.organ_name)} {long_date(self.today)}.\n\n"
                "Tryck [b]n[/b] för en ny ledamot eller ersättare, [b]h[/b] för att visa "
                "avslutade uppdrag eller [b]i[/b] för att läsa in en hel mandatperiod från "
                "en fil (se docs/roster-format.md)."
            )
        table.display = bool(shown)
        ids = [s.id for s in shown]
        if focus in ids:
            table.move_cursor(row=ids.index(focus))
        table.focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Ändra and Avsluta are dimmed while no seat is listed; h shows what it will do."""
        if action == "history":
            return parameters[0] != self.show_all
        if action == "pick_organ":
            return self.may_pick_organ()
        return (True if self.seats else None) if action in ("edit", "end") else True

    def _selected(self) -> Seat | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next(s for s in self.seats if str(s.id) == key)

    def action_history(self, show_all: bool) -> None:
        self.show_all = show_all
        self._load()

    def action_new(self) -> None:
        self._ask(None, {"first_day": self.today.isoformat()})

    def action_edit(self) -> None:
        seat = self._selected()
        if seat is not None:
            self._ask(seat, None)

    def _ask(self, seat: Seat | None, values: dict[str, str] | None) -> None:
        """The seat form; a mistake is shown and the form comes back with what was typed."""
        title = f"Ny plats i {self.organ_name}" if seat is None else f"Ändra {seat.display}"

        def done(answer: dict[str, str] | None) -> None:
            if answer is None:
                return

            def failed(err: NamndError) -> None:
                self.notify(str(err), title="Kunde inte spara", severity="error")
                self._ask(seat, answer)

            write(
                self,
                lambda: self.store.members.save_seat(
                    seat_from_fields(answer, seat_id=seat.id if seat else None),
                    self.organ_code,
                    expected=seat,
                ),
                title="Kunde inte spara",
                done=saved,
                failed=failed,
            )

        def saved(seat: Seat) -> None:
            self.notify(f"{seat.display} är sparad som {seat.role.label}.", title="Ledamöter")
            self._load(seat.id)

        self.app.push_screen(EntryDialog(title, seat_fields(seat, values)), done)

    def action_import_roster(self, values: dict[str, str] | None = None) -> None:
        """A whole mandate period from a file; a mistake brings the form back as typed."""
        values = values or {}
        fields = [
            Field("path", "Fil (XLSX, CSV eller YAML)", value=values.get("path", "")),
            Field(
                "first_day", "Första dag, om filen saknar Från", value=values.get("first_day", "")
            ),
            Field("last_day", "Sista dag, om filen saknar Till", value=values.get("last_day", "")),
        ]

        def done(answer: dict[str, str] | None) -> None:
            if not answer:
                return
            from pathlib import Path

            from namnd.operations.roster_import import read_roster

            def read_and_import() -> tuple[int, int]:
                first, last = (
                    parse_iso_date(answer[k], what="datum") if answer[k] else None
                    for k in ("first_day", "last_day")
                )
                seats = read_roster(
                    Path(answer["path"]).expanduser(), first_day=first, last_day=last
                )
                return self.store.members.import_seats(seats, self.organ_code), len(seats)

            def failed(err: NamndError) -> None:
                self.notify(str(err), title="Kunde inte läsa in", severity="error", timeout=12)
                self.action_import_roster(answer)

            write(self, read_and_import, title="Kunde inte läsa in", done=imported, failed=failed)

        def imported(counts: tuple[int, int]) -> None:
            added, read = counts
            self.notify(
                f"Läste in {added} av {counted(read, 'plats', 'platser')}.", title="Ledamöter"
            )
            self._load()

        self.app.push_screen(EntryDialog("Läs in ledamöter och ersättare", fields), done)

    def action_mailing_lists(self) -> None:
        from namnd.tui.screens.mailing_lists import MailingListsScreen

        if self.organ_code:
            screen = MailingListsScreen(
                self.store, self.organ_code, self.organ_name, today=self.today
            )
            self.app.push_screen(screen)

    def action_end(self) -> None:
        seat = self._selected()
        if seat is None:
            return

        def done(text: str | None) -> None:
            if not text:
                return
            seat_id = seat.id
            assert seat_id is not None, "a listed seat is stored"
            write(
                self,
                lambda: self.store.members.end_seat(
                    seat_id, parse_iso_date(text, what="sista dag"), self.organ_code
                ),
                title="Kunde inte avsluta",
                done=ended_it,
            )

        def ended_it(ended: Seat) -> None:
            assert ended.last_day is not None, "the day just set"
            self.notify(
                f"{ended.display}s uppdrag slutar {long_date(ended.last_day)}.", title="Ledamöter"
            )
            self._load(ended.id)

        prompt = f"Sista dag för {seat.display} som {seat.role.label} (ÅÅÅÅ-MM-DD)"
        self.app.push_screen(TextDialog(prompt, value=self.today.isoformat()), done)
