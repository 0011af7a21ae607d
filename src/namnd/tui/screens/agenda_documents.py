"""What a föredragningslista turns into: the Word kallelse, the protokoll, reports.

The quarter's redovisning of ej verkställda beslut is placed under its anmälningsärenden.

Mixed into :class:`~namnd.tui.screens.agenda.AgendaScreen`, which provides ``store``,
``meeting_id``, ``view``, ``user`` and ``_load()`` (declared in ``AgendaHost``, the
mixin's base for the type checker only).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from namnd.errors import NamndError, PublicationRefused
from namnd.rules.swedish_numbers import counted
from namnd.tui.messages import announce_change
from namnd.tui.store_writes import write
from namnd.tui.widgets.dialogs import TextDialog, show_refusal

if TYPE_CHECKING:
    from abc import abstractmethod

    from textual.screen import Screen

    from namnd.domain.agenda import AgendaDocument
    from namnd.storage.store import Store

    class AgendaHost(Screen[None]):
        """The part of ``AgendaScreen`` these actions use."""

        store: Store
        meeting_id: int
        view: AgendaDocument | None

        @property
        @abstractmethod
        def user(self) -> str: ...

        @abstractmethod
        def _load(self) -> object: ...  # a worker: it returns at once

else:
    AgendaHost = object


class AgendaDocuments(AgendaHost):
    """The agenda screen's actions that write or open documents."""

    def action_export_word(self) -> None:
        self._export_kallelse("export_word")

    def action_export_public(self) -> None:
        """The kallelse for the website: the public projection, through the gate."""
        self._export_kallelse("export_public")

    def _export_kallelse(self, action: str) -> None:
        """The export behind one of the kallelse's entries in ``operations.exports``."""
        from namnd.operations.exports import EXPORTS

        entry = EXPORTS["kallelse"].entry(action)
        if entry.notice:
            self.notify(entry.notice, title="Export")
        self._export_word(fmt=entry.fmt, public=entry.public)

    def action_handlingar(self) -> None:
        """The kallelse med handlingar: one PDF, built in a worker with progress."""
        from namnd.tui.screens.handlingar import HandlingarScreen

        self.app.push_screen(HandlingarScreen(self.store, self.meeting_id))

    def action_handlingar_public(self) -> None:
        from namnd.tui.screens.handlingar import HandlingarScreen

        self.app.push_screen(HandlingarScreen(self.store, self.meeting_id, public=True))

    def action_send_kallelse(self, tillagg: bool = False) -> None:
        """Utskick by e-mail: who gets which version is confirmed first."""
        from namnd.operations.send_kallelse import plan
        from namnd.tui.screens.send_kallelse import SendScreen, confirm_text
        from namnd.tui.widgets.dialogs import ConfirmDialog

        try:
            the_plan = plan(self.store, str(self.meeting_id), tillagg=tillagg)
        except NamndError as err:
            self.notify(str(err), title="Utskick", severity="error", timeout=12)
            return
        if not the_plan.to_send:
            self.notify(f"Alla {the_plan.already} mottagare har redan fått den.", title="Utskick")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                screen = SendScreen(self.store, self.meeting_id, tillagg=tillagg)
                self.app.push_screen(screen)

        self.app.push_screen(ConfirmDialog(confirm_text(the_plan), "Skicka"), answered)

    def action_send_tillagg(self) -> None:
        self.action_send_kallelse(tillagg=True)

    @work(thread=True, exclusive=True, group="export")
    def _export_word(self, *, fmt: str, public: bool) -> None:
        from namnd.operations.exports import default_path
        from namnd.operations.kallelse_export import export_kallelse

        ref = str(self.meeting_id)
        try:
            path = default_path(self.app.workspace, self.store, ref, "kallelse", fmt, public=public)  # type: ignore[attr-defined]
            path = self.app.export_path(path)  # type: ignore[attr-defined]
            export_kallelse(self.store, ref, fmt=fmt, path=path, public=public)
        except PublicationRefused as err:
            self.app.call_from_thread(show_refusal, self.app, err)
            return
        except NamndError as err:
            self.app.call_from_thread(self.notify, str(err), title="Export", severity="error")
            return
        self.app.call_from_thread(self.notify, f"Skrev {path}", title="Export")

    def action_protocol(self) -> None:
        """Protocol mode; the first time, ask where the §§ start (default: on from the year)."""
        from namnd.tui.screens.protocol import ProtocolScreen

        if self.store.protocols.get(self.meeting_id) is not None:
            self.app.push_screen(ProtocolScreen(self.store, self.meeting_id, today=self.app.today))  # type: ignore[attr-defined]
            return

        def start(text: str | None) -> None:
            if text is None:
                return
            try:
                first = int(text) if text.strip() else None
            except ValueError:
                self.notify(
                    f"”{text}” är inget paragrafnummer.", title="Protokoll", severity="error"
                )
                return
            write(
                self,
                lambda: self.store.protocols.open(
                    self.meeting_id,
                    by=self.user,
                    first_number=first,
                    today=self.app.today,  # type: ignore[attr-defined]
                ),
                title="Protokoll",
                done=opened,
            )

        def opened(_result: object) -> None:
            announce_change(self, self.meeting_id)
            self.app.push_screen(ProtocolScreen(self.store, self.meeting_id, today=self.app.today))  # type: ignore[attr-defined]

        self.app.push_screen(
            TextDialog(
                "Öppna protokollet. Första § (Enter = fortsätt årets numrering):",
                "t.ex. 82",
                allow_empty=True,
            ),
            start,
        )

    def action_place_unexecuted(self) -> None:
        """The quarter's redovisning of ej verkställda beslut under anmälningsärendena."""
        if self.view is None:
            return
        day = self.view.meeting.date
        last = (day.month - 1) // 3 or 4
        default = f"{day.year if last != 4 else day.year - 1}Q{last}"

        def chosen(text: str | None) -> None:
            if text is not None:
                self._place_unexecuted(text or default)

        self.app.push_screen(
            TextDialog(f"Kvartal (Enter = {default}):", "ÅÅÅÅQN", allow_empty=True), chosen
        )

    def _place_unexecuted(self, quarter: str) -> None:
        from namnd.operations.unexecuted_placing import place_redovisning

        def placed(added: int) -> None:
            message = (
                f"{counted(added, 'redovisning', 'redovisningar')} lades till"
                if added
                else "Redovisningen fanns redan"
            )
            self.notify(f"{message} under anmälningsärendena.", title="Ej verkställda")
            self._load()

        workspace = self.app.workspace  # type: ignore[attr-defined]
        write(
            self,
            lambda: len(
                place_redovisning(
                    self.store, workspace, quarter, str(self.meeting_id), by=self.user
                ).announced
            ),
            title="Ej verkställda",
            done=placed,
        )
