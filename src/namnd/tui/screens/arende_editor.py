"""Editing one ärende: fields, proposal, Markdown with a live preview, autosave.

Every change is saved about a second after typing stops, at the latest two seconds after
the first unsaved key while typing goes on, and again on leaving or quitting, with the
save state always visible. A busy database keeps the text and the save is tried again.
A bad value (a malformed dnr, a date) is shown in Swedish and nothing on screen is lost;
if someone else saved first, nothing is overwritten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Checkbox, Header, Input, Label, Markdown, Select, TextArea

from namnd.domain.changes import ArendeChanges
from namnd.domain.diarienummer import DnrFormat
from namnd.domain.kinds import ArendeKind
from namnd.domain.models import AnnouncedDocument, Arende, Attachment
from namnd.errors import DatabaseBusy, NamndError, StaleEdit
from namnd.formats.agenda_markdown import attachment_lines, parse_attachment_lines
from namnd.formats.announced_lines import announcement_lines, parse_announcement_lines
from namnd.rules.swedish_dates import parse_iso_date
from namnd.storage.store import Store
from namnd.tui.autosave import BUSY_MESSAGE, AutosaveClock
from namnd.tui.messages import announce_change
from namnd.tui.store_writes import write, write_now
from namnd.tui.widgets.dialogs import ConfirmDialog
from namnd.tui.widgets.footer import Footer
from namnd.tui.widgets.personnummer_warning import PersonnummerWarning

PREVIEW_DELAY = 0.2
"""Seconds without typing before the preview is laid out anew: rebuilding the Markdown
widgets on every key made typing lag behind in a long tjänsteskrivelse."""
_EMPTY_PREVIEW = "*Ingen text ännu.*"

_INPUTS = ("title", "dnr", "external_ref", "handlers", "memo_date", "reply_by", "sent_later")
_AREAS = (
    "proposal",
    "administration_proposal",
    "summary_md",
    "body_md",
    "announcements",
    "attachments",
    "dispatch_to",
)
#: Field labels, shown as plain text: "[sekretess]" in them is the syntax, not markup.
_LABELS = {
    "title": "Rubrik",
    "dnr": "Diarienummer",
    "external_ref": "Extern referens (t.ex. KS/2019:161)",
    "handlers": "Referens (handläggare, åtskilda med ;)",
    "memo_date": "Tjänsteskrivelsens datum (ÅÅÅÅ-MM-DD)",
    "reply_by": "Svar senast – remissens sista dag för yttrandet (ÅÅÅÅ-MM-DD)",
    "sent_later": "Skickas ut senare (t.ex. 16 september)",
    "proposal": "Förslag till beslut – en att-sats per rad",
    "administration_proposal": "Förvaltningens förslag, om det skiljer sig – en att-sats per rad",
    "summary_md": "Sammanfattning (Markdown)",
    "body_md": "Ärendet (Markdown)",
    "announcements": "Anmälda handlingar – en per rad: Titel | dnr | källa [sekretess]",
    "attachments": "Bilagor – en per rad: Titel [sekretess] [skickas ut senare] [fil: X]",
    "dispatch_to": "Expedieras till – en mottagare per rad",
}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def form_values(
    arende: Arende, attachments: list[Attachment], announcements: list[AnnouncedDocument]
) -> dict[str, object]:
    """The editor's widget values for a stored ärende."""
    return {
        "title": arende.title,
        "dnr": arende.dnr or "",
        "external_ref": arende.external_ref or "",
        "handlers": "; ".join(arende.handlers),
        "memo_date": arende.memo_date.isoformat() if arende.memo_date else "",
        "reply_by": arende.reply_by.isoformat() if arende.reply_by else "",
        "sent_later": arende.sent_later or "",
        "kind": arende.kind,
        "confidential": arende.confidential,
        "proposal": "\n".join(arende.proposal),
        "administration_proposal": "\n".join(arende.administration_proposal or []),
        "summary_md": arende.summary_md,
        "body_md": arende.body_md,
        "announcements": announcement_lines(announcements),
        "attachments": attachment_lines(attachments),
        "dispatch_to": "\n".join(arende.dispatch_to),
    }


def to_changes(
    values: dict[str, object], dnr_format: DnrFormat | None = None
) -> tuple[ArendeChanges, list[Attachment], list[AnnouncedDocument]]:
    """Model fields from widget values; raises a Swedish InvalidInput for bad input."""
    memo = str(values["memo_date"]).strip()
    reply = str(values["reply_by"]).strip()
    title = str(values["title"]).strip()
    changes = ArendeChanges(
        title=title,
        dnr=str(values["dnr"]).strip() or None,
        external_ref=str(values["external_ref"]).strip() or None,
        handlers=[h.strip() for h in str(values["handlers"]).split(";") if h.strip()],
        memo_date=parse_iso_date(memo, what="tjänsteskrivelsens datum") if memo else None,
        reply_by=parse_iso_date(reply, what="datum för svar senast") if reply else None,
        sent_later=str(values["sent_later"]).strip() or None,
        kind=ArendeKind(str(values["kind"])),
        confidential=bool(values["confidential"]),
        proposal=_lines(str(values["proposal"])),
        administration_proposal=_lines(str(values["administration_proposal"])) or None,
        summary_md=str(values["summary_md"]),
        body_md=str(values["body_md"]),
        dispatch_to=_lines(str(values["dispatch_to"])),
    )
    if not title:
        raise NamndError("Ärendet behöver en rubrik.")
    return (
        changes,
        parse_attachment_lines(str(values["attachments"])),
        parse_announcement_lines(str(values["announcements"]), dnr_format),
    )


class ArendeEditorScreen(Screen[None]):
    """One ärende's tjänsteskrivelse and proposal, saved as you type."""

    BINDINGS = [
        # Shown only in a conflict, and then first.
        Binding("ctrl+r", "reload", "Deras version", id="reload"),
        Binding("ctrl+o", "overwrite", "Skriv över", id="overwrite"),
        Binding("escape", "leave", "Spara och gå tillbaka", id="back"),
        Binding("ctrl+s", "save_now", "Spara nu", id="save"),
        Binding("ctrl+b", "attach_file", "Bilaga från fil", id="attach_file"),
        Binding("ctrl+n", "new_versions", "Ny version av bilagefil", id="new_versions", show=False),
    ]
    HELP_TITLE = "Ärendet"
    PALETTE = (
        ("Ärende: spara nu", "save_now"),
        ("Ärende: spara och gå tillbaka", "leave"),
        ("Ärende: läs in den sparade versionen (vid konflikt)", "reload"),
        ("Ärende: skriv över den andra versionen med din text (vid konflikt)", "overwrite"),
        ("Bilaga: lägg till en fil (PDF, Word, ODT, Excel, bild)", "attach_file"),
        ("Bilaga: ta in ändrade bilagefiler som nya versioner", "new_versions"),
    )

    def __init__(self, store: Store, arende_id: int, *, user: str, late: bool = False) -> None:
        super().__init__()
        self.store, self.arende_id, self.user = store, arende_id, user
        #: The kallelse is already utskickad: every save is logged as a late change.
        self.late = late
        self.version = 0
        self.saved: dict[str, object] = {}
        self.dirty = False
        self.conflict = False
        self._loading = True
        self._autosave_clock = AutosaveClock(self, self._autosave)
        #: A save is on its way (in a worker); the next waits for it.
        self._saving = False
        #: Escape came while a save was on its way: leave once it has ended.
        self._leave_after_save = False
        #: The organ's diarienummer format, known once the ärende is read.
        self.numbers: DnrFormat | None = None
        #: Files picked in this editor, by their [fil: …]: copied, not yet saved.
        self.picked: dict[str, Attachment] = {}
        #: The preview waiting for typing to pause (PREVIEW_DELAY).
        self._preview_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="save-state")
        yield PersonnummerWarning(id="personnummer")
        with Horizontal(id="editor-body"):
            with VerticalScroll(id="editor-form"):
                for name in _INPUTS[:2]:
                    yield Label(_LABELS[name], id=f"{name}-label", markup=False)
                    yield Input(id=name)
                yield Label("Typ")
                yield Select(
                    [(kind.label, kind) for kind in ArendeKind], id="kind", allow_blank=False
                )
                yield Checkbox("Sekretess – aldrig i offentlig version", id="confidential")
                for name in _INPUTS[2:]:
                    yield Label(_LABELS[name], markup=False)
                    yield Input(id=name)
                for name in _AREAS:
                    yield Label(_LABELS[name], markup=False)
                    area = TextArea(id=name, soft_wrap=True, classes="editor-area")
                    if name.endswith("_md"):
                        area.language = "markdown"
                    yield area
            with VerticalScroll(id="editor-preview"):
                yield Markdown("", id="preview")
        yield Footer()

    def on_mount(self) -> None:
        from namnd.operations.bilaga_files import arende_changes

        self._fill(*self.store.agendas.arende(self.arende_id))
        self.query_one("#title", Input).focus()
        changed = arende_changes(self.store, self.arende_id)
        if changed:
            self.notify(
                f"Filen har ändrats sedan den lästes in: {', '.join(changed)}. "
                "ctrl+n tar in de nya versionerna.",
                title="Bilagor",
                timeout=10,
            )

    # --- bilagor as files ------------------------------------------------------------

    def action_attach_file(self) -> None:
        """Pick a file from anywhere; it is checked and copied into the workspace."""
        from namnd.tui.widgets.entry_dialog import EntryDialog, Field

        def done(values: dict[str, str] | None) -> None:
            if values and values.get("path", "").strip():
                self._copy_in(values["path"].strip(), values.get("title", "").strip())

        fields = [
            Field("path", "Fil (PDF, DOCX, ODT, XLSX, PNG eller JPEG)"),
            Field("title", "Bilagans titel (tomt = filens namn)"),
        ]
        self.app.push_screen(EntryDialog("Lägg till bilaga från fil", fields), done)

    def _copy_in(self, path_text: str, title: str) -> None:
        from pathlib import Path

        from namnd.operations.bilaga_files import pick_file

        path = Path(path_text).expanduser()
        attachment = Attachment(arende_id=self.arende_id, position=0, title=title or path.stem)
        meeting = self.store.agendas.arende_meeting(self.arende_id)
        if meeting is None or self.store.workspace is None:
            self.notify("Ärendet står inte på någon föredragningslista.", severity="error")
            return
        try:
            pick_file(
                self.store.workspace,
                attachment,
                path,
                meeting.date.isoformat(),
                meeting.organ_code,
            )
        except NamndError as err:
            self.notify(str(err), title="Bilagan lades inte till", severity="error")
            return
        assert attachment.file is not None
        self.picked[attachment.file] = attachment
        area = self.query_one("#attachments", TextArea)
        line = attachment_lines([attachment])
        area.load_text(f"{area.text.rstrip()}\n{line}".lstrip("\n"))
        self.notify(f"{attachment.title} kopierades in.", title="Bilagor")

    def action_new_versions(self) -> None:
        from namnd.operations.bilaga_files import take_arende_new_versions

        def done(taken: list[str]) -> None:
            text = f"Ny version av {', '.join(taken)}." if taken else "Ingen bilagefil har ändrats."
            self.notify(text, title="Bilagor")

        write(
            self,
            lambda: take_arende_new_versions(self.store, self.arende_id),
            title="Bilagor",
            done=done,
        )

    def _fill(self, arende: Arende, attachments: list[Attachment]) -> None:
        assert arende.id is not None  # a stored ärende
        announcements = self.store.agendas.announcements(arende.id)
        self._loading = True
        self.version = arende.version
        self.saved = form_values(arende, attachments, announcements)
        self.sub_title = arende.title
        self.numbers = self.store.organs.dnr_format(arende.organ_id)
        example = self.numbers.example()
        self.query_one("#dnr-label", Label).update(Content(f"Diarienummer (t.ex. {example})"))
        for name, value in self.saved.items():
            widget = self.query_one(f"#{name}")
            if isinstance(widget, TextArea):
                widget.load_text(str(value))
            elif isinstance(widget, Checkbox):
                widget.value = bool(value)
            elif isinstance(widget, Input):
                widget.value = str(value)
            elif isinstance(widget, Select):
                widget.value = value
        self._show_preview(arende.summary_md or arende.body_md)
        self._set_state("Sparat")
        self._check_personnummer()
        self.call_after_refresh(self._loaded)

    def _loaded(self) -> None:
        self._loading = False

    # --- reading the form ----------------------------------------------------------

    def values(self) -> dict[str, object]:
        """What the widgets hold now."""
        out: dict[str, object] = {}
        for name in self.saved:
            widget = self.query_one(f"#{name}")
            if isinstance(widget, TextArea):
                out[name] = widget.text
            elif isinstance(widget, Input | Select | Checkbox):
                out[name] = widget.value
        return out

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _changed(
        self, event: Input.Changed | TextArea.Changed | Select.Changed | Checkbox.Changed
    ) -> None:
        if self._loading:
            return
        control = getattr(event, "text_area", None) or getattr(event, "control", None)
        if control is not None and control.id in ("summary_md", "body_md"):
            self._preview(control.text)
        self._check_personnummer()
        if self.conflict:
            return
        self.dirty = self.values() != self.saved
        if self.dirty:
            self._set_state("Osparade ändringar …")
            self._autosave_clock.changed()

    def _check_personnummer(self) -> None:
        values = self.values()
        self.query_one(PersonnummerWarning).check(
            (str(v) for v in values.values() if isinstance(v, str)),
            secret=bool(values["confidential"]),
        )

    @on(TextArea.SelectionChanged)
    def _focus_preview(self, event: TextArea.SelectionChanged) -> None:
        if event.text_area.id in ("summary_md", "body_md") and event.text_area.has_focus:
            self._preview(event.text_area.text)

    def _preview(self, markdown: str) -> None:
        """Show ``markdown`` in the preview once typing pauses (:data:`PREVIEW_DELAY`)."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(PREVIEW_DELAY, lambda: self._show_preview(markdown))

    def _show_preview(self, markdown: str) -> None:
        self._preview_timer = None
        preview = self.query_one("#preview", Markdown)
        text = markdown or _EMPTY_PREVIEW
        if preview.source != text:  # a cursor move alone lays nothing out
            preview.update(text)

    # --- saving ----------------------------------------------------------------------

    def _autosave(self) -> None:
        # One save at a time: the one running reschedules when it ends (_after_save).
        if self.dirty and not self.conflict and not self._saving:
            self._save(self.values())

    def _save(self, values: dict[str, object], then: Callable[[], object] | None = None) -> None:
        """Save ``values`` in a worker; then ``then()``, unless the save failed."""
        self._saving = True
        self._set_state("Sparar …")

        def done(_result: object) -> None:
            self._saving = False
            self._after_save(values, None)
            if then is not None:
                then()
            elif self._leave_after_save:
                self._leave_after_save = False
                self.action_leave()

        def failed(error: NamndError) -> None:
            self._saving = False
            self._after_save(values, error)
            if then is not None or self._leave_after_save:  # leaving: say why it stays
                self._leave_after_save = False
                self.notify(str(error), title="Inte sparat", severity="error")

        write(self, lambda: self._write(values), title="Ärendet", done=done, failed=failed)

    def _write(self, values: dict[str, object]) -> None:
        """The save itself, in a worker or (the app ending) at once.

        Saves take turns (``store_writes``), so each starts from the version the one
        before it wrote.
        """
        changes, attachments, announcements = to_changes(values, self.numbers)
        for attachment in attachments:
            copy = self.picked.get(attachment.file or "")
            if copy is not None:
                attachment.sha256, attachment.stored = copy.sha256, copy.stored
                attachment.source = copy.source
        self.version = self.store.agendas.save_arende(
            self.arende_id,
            self.version,
            changes,
            by=self.user,
            attachments=attachments,
            announcements=announcements,
        )

    def _after_save(self, values: dict[str, object], error: NamndError | None) -> None:
        if error is None:
            self.saved = values
            self.dirty = self.values() != self.saved
            self._set_state(
                f"Sparat {dt.datetime.now():%H:%M:%S}" if not self.dirty else "Osparade ändringar …"
            )
            self.sub_title = str(values["title"])
            announce_change(self)
            if self.dirty:  # typed while the save ran
                self._autosave_clock.changed()
        elif isinstance(error, StaleEdit):
            self.conflict = True
            self.refresh_bindings()
            self._set_state(
                f"Konflikt – inte sparat: {error} Din text finns kvar här; "
                "ctrl+r läser in den sparade versionen, ctrl+o skriver över den med din text.",
                error=True,
            )
        elif isinstance(error, DatabaseBusy):
            self._set_state(BUSY_MESSAGE, error=True)
            self._autosave_clock.retry()
        else:
            self._set_state(f"Inte sparat: {error}", error=True)

    def _set_state(self, text: str, *, error: bool = False) -> None:
        label = self.query_one("#save-state", Label)
        late = " · kallelsen är utskickad: ändringar loggas som ändring efter utskick"
        label.update(Content(text + (late if self.late and not error else "")))
        label.set_class(error, "error")

    def save_before_quit(self) -> bool:
        """Save what is unsaved before the app quits; False keeps the app open."""
        self._autosave_clock.stop()
        if self.conflict:
            self.notify(
                "Dina ändringar är inte sparade (någon annan sparade först). "
                "ctrl+o skriver över med din text, ctrl+r läser in den sparade versionen.",
                title="Avslutar inte",
                severity="error",
            )
            return False
        if self.dirty:
            values = self.values()
            try:  # at once, after a save on its way: the app ends
                write_now(lambda: self._write(values))
            except NamndError as err:
                self._after_save(values, err)
                return False
            self._after_save(values, None)
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Reloading and overwriting are offered only in a conflict."""
        return self.conflict if action in ("reload", "overwrite") else True

    def action_reload(self) -> None:
        """After a conflict: show the saved version instead, once the user agrees."""

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.conflict = self.dirty = False
                self.refresh_bindings()
                self._fill(*self.store.agendas.arende(self.arende_id))

        question = (
            "Ersätta din text med den version som sparades? Det du skrivit sedan "
            "senaste sparning försvinner – kopiera det först om du vill behålla det."
        )
        self.app.push_screen(ConfirmDialog(question, yes="Läs in", destructive=True), confirmed)

    def action_overwrite(self) -> None:
        """After a conflict: save the text on screen over the other version, deliberately."""

        def confirmed(yes: bool | None) -> None:
            if yes:
                write(
                    self,
                    lambda: self.store.agendas.arende(self.arende_id),
                    title="Ärendet",
                    done=read,
                )

        def read(found: tuple[Arende, list[Attachment]]) -> None:
            self.version = found[0].version
            self.conflict = False
            self.refresh_bindings()
            self._save(self.values())

        question = (
            "Spara din text över den version någon annan sparade? Deras ändringar i "
            "ärendet försvinner."
        )
        self.app.push_screen(ConfirmDialog(question, yes="Skriv över", destructive=True), confirmed)

    def action_save_now(self) -> None:
        self._autosave_clock.stop()
        if self.dirty and not self.conflict and not self._saving:
            self._save(self.values())

    def action_leave(self) -> None:
        """Save what is unsaved, then go back; stay (with the message) if it fails."""
        self._autosave_clock.stop()
        if self.conflict:
            question = (
                "Någon annan har sparat ärendet och dina ändringar är inte sparade. "
                "Kopiera din text först om du vill behålla den. Lämna ändå?"
            )

            def answered(leave: bool | None) -> None:
                if leave:
                    self.dismiss()

            self.app.push_screen(
                ConfirmDialog(question, yes="Lämna utan att spara", destructive=True), answered
            )
            return
        if self._saving:  # the save on its way ends first, then leaving saves the rest
            self._leave_after_save = True
            return
        if self.dirty:
            self._save(self.values(), then=self.dismiss)
            return
        self.dismiss()
