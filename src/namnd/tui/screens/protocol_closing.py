"""After the meeting: närvaro and justering forms, justera, anslag, rättelse, Word.

Mixed into :class:`~namnd.tui.screens.protocol.ProtocolScreen`; what it uses of the
screen is declared, typed, in :class:`~namnd.tui.screens.protocol_host.ProtocolHost`.
Each step first saves the beslut being typed (``_flush``), and writes in a worker.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from textual import work
from textual.widgets import TextArea

from namnd.errors import NamndError, PublicationRefused
from namnd.rules.swedish_dates import parse_iso_date
from namnd.tui.screens.protocol_forms import AttendanceScreen, JusteringScreen
from namnd.tui.store_writes import write
from namnd.tui.widgets.dialogs import ConfirmDialog, TextDialog, show_refusal

if TYPE_CHECKING:
    from namnd.rules.assignment_extraction import ProposedAssignment
    from namnd.tui.screens.protocol_host import ProtocolHost
else:
    ProtocolHost = object


class Closing(ProtocolHost):
    """The protocol screen's actions from justering to publication."""

    def action_attendance(self) -> None:
        self._flush(then=lambda: self._open_form(AttendanceScreen))

    def action_justering(self) -> None:
        self._flush(then=lambda: self._open_form(JusteringScreen))

    def _open_form(self, form: type[AttendanceScreen | JusteringScreen]) -> None:
        if self.view is not None:
            self.app.push_screen(form(self.store, self.view))

    def action_justera(self) -> None:
        """Justera; first ask about uppdrag in the beslut that were never registered."""
        from namnd.operations.assignments import unregistered_in_protocol

        def read() -> list[tuple[int, ProposedAssignment]]:
            opened = self.store.protocols.get(self.meeting_id)
            assert opened is not None, "the screen shows an opened protokoll"
            paragraphs = opened.protocol.paragraphs
            return unregistered_in_protocol(self.store, self.meeting_id, paragraphs)

        self._flush(then=lambda: write(self, read, title="Justera", done=self._ask_unregistered))

    def _ask_unregistered(self, missing: list[tuple[int, ProposedAssignment]]) -> None:
        if not missing:
            self._ask_justering_date()
            return
        where = ", ".join(f"§ {n}" for n in dict.fromkeys(n for n, _ in missing))
        question = (
            f"Besluten ger nämnduppdrag som inte är registrerade ({len(missing)} st., {where}). "
            "Registrera dem med f på paragrafen, annars följs de inte upp. Justera ändå?"
        )
        self.app.push_screen(
            ConfirmDialog(question, yes="Justera ändå"),
            lambda anyway: self._ask_justering_date() if anyway else None,
        )

    def _ask_justering_date(self) -> None:
        def done(text: str | None) -> None:
            if text:
                self._guard(
                    lambda: self.store.protocols.justera(
                        self.meeting_id,
                        parse_iso_date(text, what="justeringsdatum"),
                        by=self.user,
                        today=self.today,
                    ),
                    then=justerat,
                )

        def justerat(_result: object) -> None:
            self.notify("Protokollet är justerat och nu skrivskyddat.", title="Justerat")
            self._reload()
            self._warn_late()

        self.app.push_screen(
            TextDialog("Justeringsdatum (ÅÅÅÅ-MM-DD)", value=self.today.isoformat()), done
        )

    def action_post(self) -> None:
        def done(text: str | None) -> None:
            if text:
                self._guard(
                    lambda: self.store.protocols.post(
                        self.meeting_id, parse_iso_date(text, what="anslagsdatum"), today=self.today
                    ),
                    then=posted,
                )

        def posted(_result: object) -> None:
            self._reload()
            self._warn_late()

        self.app.push_screen(
            TextDialog("Anslaget den (ÅÅÅÅ-MM-DD)", value=self.today.isoformat()), done
        )

    def _warn_late(self) -> None:
        """A justering or anslag just recorded after the law's last day (KL 5:69, 8:12)."""
        for warning in self.after.warnings if self.after is not None else ():
            self.notify(warning, title="Efter lagens sista dag", severity="warning", timeout=15)

    def action_correct(self) -> None:
        """Open the justerat beslut for a rättelse; ctrl+s asks for the reason."""
        self.correcting = True
        area = self.query_one("#decision", TextArea)
        area.read_only = False
        area.focus()
        self._set_state("Rättelse: ändra beslutet, spara med ctrl+s och ange skäl.")

    def _finish_correction(self) -> None:
        paragraph = dataclasses.replace(
            self._current(), decision_md=self.query_one("#decision", TextArea).text
        )
        assert self.view is not None
        paragraph_id = self.view.ids[paragraph.number]
        version = self.view.versions[paragraph.number]

        def done(reason: str | None) -> None:
            self.correcting = False
            if not reason:
                self._reload()
                return
            self._guard(
                lambda: self.store.protocols.correct_paragraph(
                    self.meeting_id,
                    paragraph,
                    reason,
                    by=self.user,
                    paragraph_id=paragraph_id,
                    version=version,
                ),
                then=corrected,
            )

        def corrected(_result: object) -> None:
            self.notify("Rättelsen är gjord och loggad.", title="Rättelse")
            self._reload()

        self.app.push_screen(TextDialog("Skäl för rättelsen"), done)

    # --- export -----------------------------------------------------------------------

    def action_export_word(self) -> None:
        self._export_protocol("export_word")

    def action_export_public(self) -> None:
        self._export_protocol("export_public")

    def action_export_pdf(self) -> None:
        """The public protokoll as PDF/A, for the anslagstavla and the archive."""
        self._export_protocol("export_pdf")

    def _export_protocol(self, action: str) -> None:
        """The export behind one of the protokoll's entries in ``operations.exports``."""
        from namnd.operations.exports import EXPORTS

        entry = EXPORTS["protokoll"].entry(action)

        def start() -> None:
            if entry.notice:
                self.notify(entry.notice, title="Export")
            self._export(None, public=entry.public, fmt=entry.fmt)

        self._flush(then=start)

    def action_publish(self) -> None:
        """The anslagstavla: notices, public protokoll and index in the public folder."""

        def start() -> None:
            self.notify("Publicerar på anslagstavlan …", title="Anslagstavla")
            self._publish()

        self._flush(then=start)

    @work(thread=True, exclusive=True, group="export")
    def _publish(self) -> None:
        from namnd.operations.public_site import default_folder, publish_meeting

        workspace = self.app.workspace  # type: ignore[attr-defined]
        try:
            folder = self.app.export_path(default_folder(workspace))  # type: ignore[attr-defined]
            published = publish_meeting(self.store, str(self.meeting_id), folder, today=self.today)
        except PublicationRefused as err:
            self.app.call_from_thread(show_refusal, self.app, err)
            return
        except NamndError as err:
            self.app.call_from_thread(self.notify, str(err), title="Anslagstavla", severity="error")
            return
        lines = [notice.title for notice in published.notices]
        lines.append(f"{len(published.files)} filer i {published.folder}")
        self.app.call_from_thread(
            self.notify, "\n".join(lines), title="Publicerat på anslagstavlan", timeout=12
        )

    def action_export_dispatch(self) -> None:
        """Expediera: utdrag to every recipient under "Expedieras till", and the list."""

        def start() -> None:
            self.notify("Skriver utdrag till alla mottagare …", title="Expediering")
            self._dispatch()

        self._flush(then=start)

    @work(thread=True, exclusive=True, group="export")
    def _dispatch(self) -> None:
        from namnd.operations.protocol_export import export_dispatch
        from namnd.rules.dispatch import paragraph_list

        workspace = self.app.workspace  # type: ignore[attr-defined]
        try:
            listing, plan = export_dispatch(self.store, str(self.meeting_id), workspace)
        except NamndError as err:
            self.app.call_from_thread(self.notify, str(err), title="Expediering", severity="error")
            return
        lines = [f"{name}: {paragraph_list(numbers)}" for name, numbers in plan.recipients]
        if plan.waiting:
            lines.append(f"Väntar på justering: {paragraph_list(plan.waiting)}")
        lines.append(f"{len(plan.numbers)} utdrag och listan {listing.name} i {listing.parent}")
        self.app.call_from_thread(self.notify, "\n".join(lines), title="Expediering", timeout=12)

    def action_export_extract(self) -> None:
        def start() -> None:
            if self.number is not None:
                self._export(self.number)

        self._flush(then=start)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, number: int | None, *, public: bool = False, fmt: str = "docx") -> None:
        from namnd.operations.exports import default_path
        from namnd.operations.protocol_export import export_extract, export_protocol

        ref = str(self.meeting_id)
        workspace = self.app.workspace  # type: ignore[attr-defined]
        try:
            path = default_path(
                workspace, self.store, ref, "protokoll", fmt, public=public, number=number
            )
            path = self.app.export_path(path)  # type: ignore[attr-defined]
            if number is None:
                export_protocol(self.store, ref, fmt=fmt, path=path, public=public)
            else:
                export_extract(self.store, ref, number, path=path)
        except PublicationRefused as err:
            self.app.call_from_thread(show_refusal, self.app, err)
            return
        except NamndError as err:
            self.app.call_from_thread(self.notify, str(err), title="Export", severity="error")
            return
        self.app.call_from_thread(self.notify, f"Skrev {path}", title="Export")
