"""The namnd Textual app and its one factory, used by the CLI, the tests and the bench."""

from __future__ import annotations

import datetime as dt
import getpass
import os
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from namnd.storage.store import Store
from namnd.storage.workspace import Workspace, resolve
from namnd.tui.commands import MeetingCommands
from namnd.tui.screens.meetings import MeetingsScreen


class NamndApp(App[None]):
    """Kallelse, protokoll och uppföljning för nämndsekreteraren."""

    CSS_PATH = Path(__file__).with_name("namnd.tcss")
    TITLE = "namnd"
    COMMANDS = App.COMMANDS | {MeetingCommands}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS = [
        Binding("q", "quit", "Avsluta", id="quit"),
        Binding("ctrl+p", "command_palette", "Kommandon", id="palette"),
    ]

    def __init__(
        self,
        store: Store,
        *,
        workspace: Workspace | None = None,
        today: dt.date | None = None,
        user: str | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.workspace = workspace or resolve()
        self.today = today or dt.date.today()
        #: Who is recorded in status and change logs.
        self.user = user or os.environ.get("NAMND_USER") or getpass.getuser()

    def on_mount(self) -> None:
        self.push_screen(MeetingsScreen(self.store, today=self.today))

    def open_meeting(self, meeting_id: int) -> None:
        """Show a meeting's föredragningslista (from the list or the command palette)."""
        from namnd.tui.screens.agenda import AgendaScreen

        self.push_screen(AgendaScreen(self.store, meeting_id))


def create_app(
    store: Store,
    *,
    workspace: Workspace | None = None,
    today: dt.date | None = None,
    user: str | None = None,
) -> NamndApp:
    """Build the app the way users get it; ``today`` is fixed in tests and snapshots."""
    return NamndApp(store, workspace=workspace, today=today, user=user)
