"""The protokoll in the meeting room: the current § in focus, one key per event.

The list of §§ has focus; letters record what happens (y yrkande, v votering, r
reservation …) and Enter writes the beslut. The beslut is saved a second after typing
stops, at the latest two seconds after the first unsaved key, whenever the § changes and
when the app quits or the terminal closes. Text that could not be saved (someone else
saved the § first, a busy database) stays on screen and the cursor stays on its §.
After justering the §§ are read-only and a change is a logged rättelse (c).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Header, Label, Markdown, Static, TextArea

from namnd.domain.protocol import ProtocolParagraph
from namnd.domain.views import ProtocolView
from namnd.errors import DatabaseBusy, NamndError, StaleEdit
from namnd.operations.exports import EXPORTS
from namnd.renderers.paragraph_markdown import paragraph_markdown
from namnd.rules.deadlines import AfterMeeting, ImmediateParagraph
from namnd.rules.dispatch import may_go_out
from namnd.rules.protocol_rules import quorum_warning, serving
from namnd.rules.swedish_dates import long_date
from namnd.storage.store import Store
from namnd.tui.autosave import BUSY_MESSAGE, AutosaveClock
from namnd.tui.messages import announce_change
from namnd.tui.screens.protocol_closing import Closing
from namnd.tui.screens.protocol_events import MeetingEvents
from namnd.tui.store_writes import write, write_now
from namnd.tui.widgets.dialogs import ConfirmDialog
from namnd.tui.widgets.footer import Footer
from namnd.tui.widgets.personnummer_warning import PersonnummerWarning
from namnd.tui.widgets.plain_table import PlainTable

if TYPE_CHECKING:
    from namnd.tui.screens.protocol_host import Changes

T = TypeVar("T")


class ProtocolScreen(MeetingEvents, Closing, Screen[None]):
    """Minute a meeting § by §; justera; rätta afterwards."""

    # The footer shows what applies now, most used first: in a conflict its two ways out,
    # while open the meeting-room keys, after justering anslag, utdrag and expediering.
    BINDINGS = [
        Binding("ctrl+r", "reload_paragraph", "Deras version", id="reload"),
        Binding("ctrl+o", "overwrite", "Skriv över", id="overwrite"),
        Binding("escape", "leave", "Tillbaka", id="back"),
        Binding("e", "write", "Skriv beslut", id="write"),
        Binding("y", "yrkande", "Yrkande", id="yrkande"),
        Binding("v", "vote", "Votering", id="vote"),
        Binding("r", "reservation", "Reservation", id="reservation"),
        Binding("A", "post", "Anslag", id="post"),
        Binding("P", "publish", "Publicera", id="publish"),
        Binding("x", "export_extract", "Utdrag", id="export_extract"),
        Binding("X", "export_dispatch", "Expediera", id="export_dispatch"),
        Binding("c", "correct", "Rättelse", id="correct"),
        Binding("a", "attendance", "Närvaro", id="attendance"),
        Binding("J", "justera", "Justera", id="justera"),
        Binding("w", "export_word", "Word", id="export_word"),
        Binding("n", "next", "Nästa §", id="next", show=False),
        Binding("t", "note", "Anteckning", id="note", show=False),
        Binding("j", "recusal", "Jäv", id="recusal", show=False),
        Binding("o", "immediate", "Omedelbar justering", id="immediate", show=False),
        Binding("s", "confidential", "Sekretess", id="confidential", show=False),
        Binding("E", "dispatch", "Expedieras till", id="dispatch", show=False),
        Binding("g", "process", "Beslutsgång", id="process", show=False),
        Binding("f", "propose_assignments", "Uppdrag i beslutet", id="propose", show=False),
        Binding("plus", "add_paragraph", "Ny §", id="add_paragraph", show=False),
        Binding("minus", "remove_paragraph", "Ta bort §", id="remove_paragraph", show=False),
        Binding("N", "attendance_change", "Närvaroändring", id="attendance_change", show=False),
        Binding("u", "justering", "Justeringsuppgifter", id="justering", show=False),
        Binding("ctrl+s", "save_now", "Spara", id="save", show=False),
    ]
    HELP_TITLE = "Protokollet"
    PALETTE = (
        ("Protokoll: skriv beslut i markerad §", "write"),
        ("Protokoll: nästa §", "next"),
        ("Protokoll: lägg till yrkande", "yrkande"),
        ("Protokoll: votering", "vote"),
        ("Protokoll: reservation", "reservation"),
        ("Protokoll: protokollsanteckning", "note"),
        ("Protokoll: jäv", "recusal"),
        ("Protokoll: omedelbar justering av §", "immediate"),
        ("Protokoll: sekretess för § (av/på)", "confidential"),
        ("Protokoll: expedieras till", "dispatch"),
        ("Protokoll: redigera beslutsgången", "process"),
        ("Nämnduppdrag: läs uppdragen i beslutet", "propose_assignments"),
        ("Protokoll: ny § efter markerad", "add_paragraph"),
        ("Protokoll: ta bort markerad §", "remove_paragraph"),
        ("Protokoll: närvaro", "attendance"),
        (
            "Protokoll: närvaroändring vid markerad § (lämnar, kommer, ersättare går in)",
            "attendance_change",
        ),
        ("Protokoll: justeringsuppgifter", "justering"),
        ("Protokoll: justera", "justera"),
        ("Protokoll: anslag", "post"),
        (
            "Protokoll: publicera på anslagstavlan (tillkännagivande som HTML och PDF/A, "
            "offentligt protokoll, startsida)",
            "publish",
        ),
        ("Protokoll: rättelse efter justering", "correct"),
        ("Protokoll: läs in den andra versionen av § (vid konflikt)", "reload_paragraph"),
        ("Protokoll: skriv över den andra versionen med din text (vid konflikt)", "overwrite"),
        *EXPORTS["protokoll"].palette(),
        ("Protokoll: protokollsutdrag av markerad § (Word)", "export_extract"),
        ("Protokoll: expediera – utdrag till alla mottagare, med lista", "export_dispatch"),
    )

    def __init__(
        self,
        store: Store,
        meeting_id: int,
        *,
        today: dt.date | None = None,
        number: int | None = None,
    ) -> None:
        super().__init__()
        self.store, self.meeting_id = store, meeting_id
        self.today = today or dt.date.today()
        self.view: ProtocolView | None = None
        #: The meeting's dates after it, as every screen and export has them.
        self.after: AfterMeeting | None = None
        #: The § in focus (``number`` opens the screen on it).
        self.number: int | None = number
        self.dirty = False
        #: Someone else saved the § in focus first; the text typed here is kept unsaved.
        self.conflict = False
        self.correcting = False
        self._autosave_clock = AutosaveClock(self, self._flush)
        self._loading = False
        #: Saves of §§ in line, the first one on its way (see :meth:`_save`).
        self._pending: list[_PendingSave] = []
        self._in_flight = False
        #: The last § and version each save wrote, by § id, set in the worker itself.
        self._written: dict[int, tuple[ProtocolParagraph, int]] = {}

    @property
    def user(self) -> str:
        return self.app.user  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="protocol-heading")
        with Horizontal(id="protocol-body"):
            with Vertical(id="paragraph-list"):
                yield PlainTable(id="paragraphs", cursor_type="row", zebra_stripes=True)
                yield Static(MARKS_LEGEND, id="marks-legend")
            with VerticalScroll(id="paragraph-detail"):
                yield Label("", id="save-state")
                yield PersonnummerWarning(id="personnummer")
                # The whole rubrik, which the list cuts at a narrow width.
                yield Static("", id="paragraph-title")
                yield Label("Beslut", classes="field-label")
                yield TextArea(id="decision", soft_wrap=True, language="markdown")
                yield Markdown("", id="paragraph-parts")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("§", "Läge", "Rubrik", "Dnr")
        self._reload()
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        # Text that cannot be saved yet stays as it is (the palette, a dialog came between).
        if self.view is not None:
            self._flush(then=self._reload)

    # --- showing ------------------------------------------------------------------

    def _reload(self) -> None:
        view = self.store.protocols.get(self.meeting_id)
        if view is None:
            self.dismiss()
            return
        self.view = view
        self.after = self.store.schedule.meeting_deadlines(self.meeting_id)
        protocol = view.protocol
        table = self.query_one(DataTable)
        keep = self.number
        table.clear()
        for p in protocol.paragraphs:
            table.add_row(str(p.number), _marks(p), p.title, p.dnr or "", key=str(p.number))
        numbers = [p.number for p in protocol.paragraphs]
        if numbers:
            row = numbers.index(keep) if keep in numbers else 0
            table.move_cursor(row=row)
            self._show(numbers[row])
        self._heading()
        self.query_one("#decision", TextArea).read_only = protocol.is_justerat
        self.refresh_bindings()

    def _heading(self) -> None:
        assert self.view is not None
        protocol = self.view.protocol
        span = protocol.numbers.text if protocol.numbers else "inga §§"
        parts = [f"{escape(protocol.organ_name)} {long_date(protocol.date)}", span]
        if self.number is not None:
            count = len(serving(protocol, self.number))
            parts.append(f"{count} tjänstgörande av {self.view.seats}")
            warning = quorum_warning(protocol, self.number, self.view.seats)
            if warning:
                parts.append(f"[b red]{escape(warning)}[/]")
        parts.append(self._deadline_text())
        self.query_one("#protocol-heading", Static).update(" · ".join(parts))
        self.sub_title = f"Protokoll {protocol.organ_name}, {long_date(protocol.date)}"

    def _deadline_text(self) -> str:
        """Justering, anslag, överklagande as ``storage.schedule.meeting_deadlines`` has them.

        A day recorded past the law's last day is named in red.
        """
        assert self.after is not None
        after = self.after
        if after.justerat_on is None:
            late = " [b red](passerad)[/]" if after.justering_deadline < self.today else ""
            text = f"Justeras senast {long_date(after.justering_deadline)}{late}"
        elif after.posted_on is None:
            text = (
                f"Justerat {long_date(after.justerat_on)} · anslås senast "
                f"{long_date(after.posting_deadline)}"
            )
        else:
            text = (
                f"Anslaget {long_date(after.posted_on)} · överklagandetid t.o.m. "
                f"{long_date(after.appeal_ends)} · tas ned {long_date(after.notice_down)}"
            )
        return " · ".join([text, *(f"[b red]{escape(w)}[/]" for w in after.warnings)])

    def _show(self, number: int) -> None:
        assert self.view is not None
        self.number = number
        paragraph = self.view.protocol.paragraph(number)
        area = self.query_one("#decision", TextArea)
        self._loading = True
        area.load_text(paragraph.decision_md)
        self.query_one(PersonnummerWarning).check(
            [paragraph.decision_md], secret=paragraph.confidential
        )
        self.call_after_refresh(self._loaded)
        self.dirty = self.conflict = False
        self._autosave_clock.stop()
        self.refresh_bindings()
        justerat = self.view.protocol.is_justerat
        self._set_state("Justerat – skrivskyddat" if justerat else "Sparat")
        self.query_one("#paragraph-title", Static).update(
            Text(f"§ {paragraph.number} {paragraph.title}")
        )
        self._show_parts(paragraph)
        self._heading()

    def _show_parts(self, paragraph: ProtocolParagraph) -> None:
        """The §'s yrkanden, votering … below the beslut, rebuilt only when they changed."""
        assert self.view is not None
        parts = self.query_one("#paragraph-parts", Markdown)
        text = paragraph_markdown(self.view.protocol, paragraph, self._immediate(paragraph))
        if text != parts.source:  # a save of the beslut alone leaves them as they are
            parts.update(text)

    def _immediate(self, paragraph: ProtocolParagraph) -> ImmediateParagraph | None:
        """The §'s own anslag and överklagande dates when omedelbart justerad."""
        if not paragraph.immediate or self.after is None:
            return None
        return self.after.for_paragraph(paragraph.number)

    def _loaded(self) -> None:
        self._loading = False

    @on(DataTable.RowHighlighted, "#paragraphs")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is None or self.view is None:
            return
        if int(event.row_key.value) == self.number and not self._pending:
            return

        def not_saved() -> None:
            # The text typed in this § could not be saved: stay with it, never drop it.
            self._return_cursor()
            self.notify(
                f"§ {self.number} har text som inte är sparad; den finns kvar. "
                + self._unsaved_hint(),
                title="Inte sparat",
                severity="warning",
            )

        self._flush(then=self._show_cursor, otherwise=not_saved)

    def _show_cursor(self) -> None:
        """Show the § under the cursor (once the § left behind is saved)."""
        table = self.query_one(DataTable)
        if self.view is None or not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is not None and int(key) != self.number:
            self._show(int(key))

    def _return_cursor(self) -> None:
        assert self.view is not None
        numbers = [p.number for p in self.view.protocol.paragraphs]
        if self.number in numbers:
            self.query_one(DataTable).move_cursor(row=numbers.index(self.number))

    def _unsaved_hint(self) -> str:
        if self.conflict:
            return "ctrl+r läser in den andra versionen, ctrl+o skriver över den med din text."
        return "Den sparas när databasen är ledig igen."

    @on(DataTable.RowSelected, "#paragraphs")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.action_write()

    # --- the beslut, saved as typed ---------------------------------------------------

    @on(TextArea.Changed, "#decision")
    def _typed(self, event: TextArea.Changed) -> None:
        if self._loading or self.view is None or self.number is None:
            return
        self.query_one(PersonnummerWarning).check(
            [event.text_area.text], secret=self._current().confidential
        )
        if self.correcting:
            return
        self.dirty = event.text_area.text != self._current().decision_md
        if not self.dirty or self.conflict:
            return
        self._set_state("Osparade ändringar …")
        self._autosave_clock.changed()

    def _flush(
        self,
        then: Callable[[], object] | None = None,
        otherwise: Callable[[], object] | None = None,
    ) -> None:
        """Save the beslut being typed, if any, then ``then()``; on failure ``otherwise()``.

        The save runs in a worker, after any save already on its way; with nothing to
        save ``then`` runs once those are done (at once if none is). In a conflict
        nothing is tried: only ctrl+r or ctrl+o end it, and ``otherwise`` runs at once.
        """
        self._autosave_clock.stop()
        if self.conflict and self.dirty and not self.correcting:
            if otherwise is not None:
                otherwise()
            return
        if not self._pending and (not self.dirty or self.correcting):
            if then is not None:
                then()
            return
        self._save(None, then=then, otherwise=otherwise)

    def _save(
        self,
        changes: Changes | None,
        *,
        then: Callable[[], object] | None = None,
        otherwise: Callable[[], object] | None = None,
    ) -> None:
        """Save the § in focus with ``changes`` (of the § as saved) and the beslut as typed.

        Saves take turns: each is built when its turn comes, from what the one before
        it wrote, so two quick events at one § never meet as a conflict.
        """
        assert self.number is not None
        self._pending.append(_PendingSave(self.number, changes, then, otherwise))
        self._next_save()

    def _next_save(self) -> None:
        """Start the first save in line (or skip it, when there is nothing left to save)."""
        if self._in_flight:
            return
        while self._pending:
            pending = self._pending[0]
            assert self.view is not None
            saved = self.view.protocol.paragraph(pending.number)
            typed = (
                self.query_one("#decision", TextArea).text
                if pending.number == self.number and not self.correcting
                else saved.decision_md
            )
            changes = pending.changes(saved) if pending.changes is not None else {}
            if changes or typed != saved.decision_md:
                break
            self._pending.pop(0)  # saved already, by the save before it
            if pending.then is not None:
                pending.then()
        else:
            return
        paragraph = dataclasses.replace(saved, decision_md=typed, **changes)
        version = self.view.versions[pending.number]
        paragraph_id = self.view.ids[pending.number]
        dates_change = paragraph.immediate != saved.immediate
        if pending.changes is None:
            self._set_state("Sparar …")
        self._in_flight = True

        def change() -> tuple[int, AfterMeeting | None]:
            written = self.store.protocols.save_paragraph(
                self.meeting_id, paragraph, version, paragraph_id=paragraph_id
            )
            # Known at once to a save when the app ends, before ``saved`` runs here.
            self._written[paragraph_id] = (paragraph, written)
            after = self.store.schedule.meeting_deadlines(self.meeting_id) if dates_change else None
            return written, after

        def saved_it(result: tuple[int, AfterMeeting | None]) -> None:
            self._in_flight = False
            if self._pending:  # (none when the app's last save took them over)
                self._pending.pop(0)
            written, after = result
            if after is not None:
                self.after = after
            self._replace(paragraph, written)
            if pending.number == self.number and not self.correcting:
                self.dirty = self.query_one("#decision", TextArea).text != paragraph.decision_md
                if self.dirty:  # typed while the save ran
                    self._set_state("Osparade ändringar …")
                    self._autosave_clock.changed()
                else:
                    self._set_state(f"Sparat {dt.datetime.now():%H:%M:%S}")
            if pending.then is not None:
                pending.then()
            self._next_save()

        def not_saved(err: NamndError) -> None:
            # What waited for this save is not done (one of them says so), the cursor
            # goes back to the § on screen, and the text typed there stays.
            self._in_flight = False
            waiting = [p.otherwise for p in self._pending if p.otherwise is not None]
            self._pending.clear()
            self._return_cursor()
            if isinstance(err, StaleEdit):
                self.conflict = True
                self.refresh_bindings()
                self._set_state(f"Konflikt – inte sparat: {err} {self._unsaved_hint()}", error=True)
            elif isinstance(err, DatabaseBusy):
                # The beslut typed is kept and tried again; an event (a yrkande …) is not.
                self._set_state(
                    BUSY_MESSAGE if pending.changes is None else f"Inte sparat: {err}", error=True
                )
                if self.dirty:
                    self._autosave_clock.retry()
            else:
                self._set_state(f"Inte sparat: {err}", error=True)
            if waiting:
                waiting[0]()

        write(self, change, title="Protokoll", done=saved_it, failed=not_saved)

    def _replace(self, paragraph: ProtocolParagraph, version: int) -> None:
        """Keep the local copy in step with what was saved (no reload while typing)."""
        assert self.view is not None
        protocol = self.view.protocol
        paragraphs = tuple(
            paragraph if p.number == paragraph.number else p for p in protocol.paragraphs
        )
        self.view = dataclasses.replace(
            self.view,
            protocol=dataclasses.replace(protocol, paragraphs=paragraphs),
            versions={**self.view.versions, paragraph.number: version},
        )
        table = self.query_one(DataTable)
        table.update_cell(str(paragraph.number), table.ordered_columns[1].key, _marks(paragraph))
        if paragraph.number == self.number:
            self._show_parts(paragraph)
        self.refresh_bindings()  # omedelbar justering makes utdrag possible

    def _set_state(self, text: str, *, error: bool = False) -> None:
        label = self.query_one("#save-state", Label)
        label.update(Content(text))
        label.set_class(error, "error")

    def save_before_quit(self) -> bool:
        """Quitting the app saves the beslut being typed first, at once: the app ends.

        A save still on its way is waited for; this one starts from what it wrote.
        """
        self._autosave_clock.stop()
        if not self.dirty or self.correcting:
            return True
        if self.conflict or self.view is None or self.number is None:
            return False
        number, view = self.number, self.view
        paragraph_id = view.ids[number]
        typed = self.query_one("#decision", TextArea).text

        def change() -> tuple[ProtocolParagraph, int]:
            # Under the write lock: a save on its way has finished and said what it wrote.
            saved, version = self._written.get(
                paragraph_id, (view.protocol.paragraph(number), view.versions[number])
            )
            if version < view.versions[number]:
                saved, version = view.protocol.paragraph(number), view.versions[number]
            paragraph = dataclasses.replace(saved, decision_md=typed)
            return paragraph, self.store.protocols.save_paragraph(
                self.meeting_id, paragraph, version, paragraph_id=paragraph_id
            )

        try:
            paragraph, version = write_now(change)
        except StaleEdit as err:
            self.conflict = True
            self._set_state(f"Konflikt – inte sparat: {err} {self._unsaved_hint()}", error=True)
            return False
        except NamndError as err:
            self._set_state(f"Inte sparat: {err}", error=True)
            return False
        self._pending.clear()
        self.dirty = False
        self._replace(paragraph, version)
        self._set_state(f"Sparat {dt.datetime.now():%H:%M:%S}")
        return True

    def action_reload_paragraph(self) -> None:
        """After a conflict: show the other version of the §, once the user agrees."""

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.conflict = self.dirty = False
                self._reload()

        question = (
            f"Ersätta din text i § {self.number} med den version som sparades? Det du "
            "skrivit försvinner – kopiera det först om du vill behålla det."
        )
        self.app.push_screen(ConfirmDialog(question, yes="Läs in", destructive=True), confirmed)

    def action_overwrite(self) -> None:
        """After a conflict: save the text on screen over the other version, deliberately."""
        assert self.view is not None and self.number is not None
        mine = self.view.ids[self.number]  # the § itself, whatever its number is now

        def confirmed(yes: bool | None) -> None:
            if yes:
                write(
                    self,
                    lambda: self.store.protocols.get(self.meeting_id),
                    title="Protokoll",
                    done=read,
                )

        def read(view: ProtocolView | None) -> None:
            number = next((n for n, i in (view.ids if view else {}).items() if i == mine), None)
            if view is None or number is None:
                self.notify(f"§ {self.number} finns inte längre.", severity="error")
                return
            # The other user's yrkanden, voteringar … stay; only the beslut is replaced.
            self.view, self.conflict, self.number = view, False, number
            self._save(None, then=self._reload)

        question = (
            f"Spara din text i § {self.number} över den version någon annan sparade? "
            "Deras beslutstext försvinner."
        )
        self.app.push_screen(ConfirmDialog(question, yes="Skriv över", destructive=True), confirmed)

    def action_save_now(self) -> None:
        if self.correcting:
            self._finish_correction()
        else:
            self._flush()

    def action_write(self) -> None:
        if self.view is not None and not self.view.protocol.is_justerat:
            self.query_one("#decision", TextArea).focus()

    def action_leave(self) -> None:
        """From the beslut back to the list; from the list back to the agenda."""
        if self.focused is self.query_one("#decision", TextArea):
            if self.correcting:
                self._finish_correction()
            else:
                self._flush()
            self.query_one(DataTable).focus()
            return
        self._flush(then=self.dismiss)

    def action_next(self) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=min(table.cursor_row + 1, table.row_count - 1))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Minuting keys while open; justering keys in their order; rättelse only after.

        Utdrag and expediering once a § may go out: justerat, or justerad omedelbart.
        """
        if self.view is None:
            return True
        justerat = self.view.protocol.is_justerat
        if action in ("reload_paragraph", "overwrite"):
            return self.conflict
        if action in ("correct", "post"):
            return justerat
        if action == "publish":
            return justerat or any(p.immediate for p in self.view.protocol.paragraphs)
        if action == "export_extract":
            return self.number is not None and may_go_out(self.view.protocol, self._current())
        if action == "export_dispatch":
            protocol = self.view.protocol
            return any(may_go_out(protocol, p) for p in protocol.paragraphs)
        if action in _MINUTING:
            return not justerat
        return True

    def _current(self) -> ProtocolParagraph:
        assert self.view is not None and self.number is not None
        return self.view.protocol.paragraph(self.number)

    def _goto(self, number: int) -> None:
        self.number = number
        self._reload()

    def _guard(self, step: Callable[[], T], then: Callable[[T], object] | None = None) -> None:
        """Run a Store write in a worker, then ``then(result)``; a Swedish error is shown."""

        def done(result: T) -> None:
            announce_change(self, self.meeting_id)
            if then is not None:
                then(result)

        write(self, step, title="Protokoll", done=done)


@dataclasses.dataclass(frozen=True)
class _PendingSave:
    """A save of § ``number`` waiting its turn, and what to do once it went through or not."""

    number: int
    changes: Changes | None
    then: Callable[[], object] | None
    otherwise: Callable[[], object] | None


_MINUTING = frozenset(
    {
        "write",
        "yrkande",
        "vote",
        "reservation",
        "note",
        "recusal",
        "immediate",
        "confidential",
        "dispatch",
        "process",
        "add_paragraph",
        "remove_paragraph",
        "attendance",
        "attendance_change",
        "justering",
        "justera",
    }
)


# Each mark is the key that records it (y yrkande … s sekretess): written in capitals
# a mark would read as another key (J is Justera, not jäv).
MARKS_LEGEND = (
    "[b]Läge[/b] (bokstaven är tangenten): beslut ifyllt · y2 två yrkanden · v votering · "
    "r reservation · j jäv · o omedelbar justering · s sekretess"
)


def _marks(paragraph: ProtocolParagraph) -> str:
    """Short markers of what a § holds: y2 (yrkanden), v (votering), r, j, o, s."""
    marks = []
    if paragraph.yrkanden:
        marks.append(f"y{len(paragraph.yrkanden)}")
    for flag, mark in (
        (paragraph.vote, "v"),
        (paragraph.reservations, "r"),
        (paragraph.recused, "j"),
        (paragraph.immediate, "o"),
        (paragraph.confidential, "s"),
    ):
        if flag:
            marks.append(mark)
    return " ".join(marks) or ("beslut" if paragraph.decision_md else "")
