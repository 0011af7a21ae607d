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
from namnd.tui.commands import MeetingCommands, ScreenCommands
from namnd.tui.screens.meetings import MeetingsScreen


def workspace_label(workspace: Workspace) -> str:
    """Where the data lives, for the header: the folder, or the server without password."""
    if workspace.is_sqlite:
        home = Path.home()
        root = workspace.root
        return f"~/{root.relative_to(home)}" if root.is_relative_to(home) else str(root)
    return workspace.database_url.split("@")[-1]


class NamndApp(App[None]):
    """Kallelse, protokoll och uppföljning för nämndsekreteraren."""

    CSS_PATH = Path(__file__).with_name("namnd.tcss")
    TITLE = "namnd"
    COMMANDS = App.COMMANDS | {MeetingCommands, ScreenCommands}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS = [
        Binding("q", "quit", "Avsluta", id="quit"),
        # Shown once, at the right of the footer, where Textual puts the palette key.
        Binding("ctrl+p", "command_palette", "Kommandon", id="palette", show=False),
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
        self.sub_title = workspace_label(self.workspace)
        #: Who is recorded in status and change logs.
        self.user = user or os.environ.get("NAMND_USER") or getpass.getuser()

    def get_default_screen(self) -> MeetingsScreen:
        """The meetings list is the bottom screen, so Escape elsewhere comes back to it."""
        return MeetingsScreen(self.store, today=self.today)

    async def action_quit(self) -> None:
        """Quit, but first save every open form; a failed save keeps the app open."""
        for screen in reversed(self.screen_stack):
            save = getattr(screen, "save_before_quit", None)
            if save is not None and not save():
                return
        self.exit()

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
