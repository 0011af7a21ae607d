"""The namnd Textual app and its one factory, used by the CLI, the tests and the bench."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from textual import work
from textual.actions import SkipAction
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, TextArea

from namnd.storage import preferences
from namnd.storage.preferences import current_user
from namnd.storage.workspace import Workspace, resolve
from namnd.tui import startup_heap
from namnd.tui.screens.meetings import MeetingsLoaded, MeetingsScreen

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.notifications import SeverityLevel

    from namnd.domain.views import MeetingSummary
    from namnd.storage.store import Store


#: Signals that end the app: the terminal closed, or the system asks it to stop.
EXIT_SIGNALS = tuple(getattr(signal, n) for n in ("SIGHUP", "SIGTERM") if hasattr(signal, n))
#: Seconds a signalled app gets to restore the terminal before the process just ends.
EXIT_GRACE = 3.0


def _meeting_commands() -> type[Provider]:
    """The palette's providers are imported when it first opens, not on the first paint."""
    from namnd.tui.commands import MeetingCommands

    return MeetingCommands


def _screen_commands() -> type[Provider]:
    from namnd.tui.commands import ScreenCommands

    return ScreenCommands


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
    COMMANDS = App.COMMANDS | {_meeting_commands, _screen_commands}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS = [
        # In the footer of the first screen only (``MeetingsScreen``); elsewhere Esc leads there.
        Binding("q", "quit", "Avsluta", id="quit", show=False),
        # Shown at the right of every footer (``widgets.footer``); F1 also in text fields.
        Binding("question_mark,f1", "help", "Hjälp", id="help"),
        # Before the text field's own ctrl+a (start of line): select all, as elsewhere.
        Binding(
            "ctrl+a", "select_all", "Markera all text", id="select_all", show=False, priority=True
        ),
        # Shown once, at the right of the footer, where Textual puts the palette key.
        Binding("ctrl+p", "command_palette", "Kommandon", id="palette", show=False),
    ]
    #: Seconds from the end of start-up (the list shown, the Store open) to the freeze.
    FREEZE_AFTER = 1.0

    def __init__(
        self,
        store: Store | None,
        *,
        workspace: Workspace | None = None,
        today: dt.date | None = None,
        user: str | None = None,
        first_meetings: list[MeetingSummary] | None = None,
    ) -> None:
        super().__init__()
        self._store = store
        self._store_lock = threading.Lock()
        self._ending = False
        self._watchdog: threading.Timer | None = None
        self._freeze_planned = False
        #: The meetings list read without the ORM (``storage.meeting_peek``), if any.
        self.first_meetings = first_meetings
        self.workspace = workspace or resolve()
        self.today = today or dt.date.today()
        self.sub_title = workspace_label(self.workspace)
        saved = preferences.load()
        #: Who is recorded in status and change logs.
        self.user = user or current_user(saved)
        #: The organ the per-organ screens show (``tui.organ_choice``), last chosen here.
        self.organ_code: str | None = saved.organ_for(self.workspace.root)

    @property
    def store(self) -> Store:
        """The workspace's Store, opened on first use when the app started without it.

        ``namnd`` paints the meetings list before SQLAlchemy is imported and opens the
        Store in a worker right after (:meth:`open_store_in_background`); a key pressed
        before that finishes waits here for it.
        """
        with self._store_lock:
            if self._store is None:
                from namnd.storage.store import Store

                self._store = Store.open(self.workspace)
            return self._store

    @work(thread=True, exclusive=True, group="store")
    def open_store_in_background(self) -> None:
        """Import the ORM and open the database while the user reads the first screen."""
        from namnd.errors import NamndError

        try:
            self.store  # noqa: B018 - opening is the point
        except NamndError as err:
            self.call_from_thread(self.notify, str(err), title="Databasen", severity="error")
            return
        self.call_from_thread(self._plan_freeze)

    def on_meetings_loaded(self, message: MeetingsLoaded) -> None:
        """The list is shown: with the Store open too, start-up is over."""
        if self._store is not None:
            self._plan_freeze()

    def _plan_freeze(self) -> None:
        """Start-up's objects out of later full collections, once, a moment from now.

        ``tui.startup_heap`` says why; :attr:`FREEZE_AFTER` how soon. Its one collection
        holds the interpreter for some 100 ms: by then the first paint has reached the
        terminal and the user is reading the list. A headless app (the tests, a script
        driving namnd) shares its process with others, whose objects are not namnd's to
        freeze: it leaves the collector alone.
        """
        if self._freeze_planned or not self._in_terminal():
            return
        self._freeze_planned = True
        self.set_timer(self.FREEZE_AFTER, startup_heap.freeze_once)

    def _in_terminal(self) -> bool:
        return not self.is_headless

    def on_mount(self) -> None:
        """A real terminal: closing it (SIGHUP) or SIGTERM saves first, then quits.

        PDF exports after the first are handed to a LibreOffice left running
        (``renderers.kept_office``), without a second of start-up each.
        """
        from namnd.renderers.kept_office import keep_office_running

        keep_office_running()
        if not self.is_headless:
            loop = asyncio.get_running_loop()
            for signum in EXIT_SIGNALS:
                try:
                    loop.add_signal_handler(signum, self.save_and_exit, signum)
                except (NotImplementedError, RuntimeError):  # no signals for this loop
                    break

    def run(self, *args: Any, **kwargs: Any) -> None:
        """Run the app; a signal's watchdog (see :meth:`save_and_exit`) ends with it."""
        try:
            return super().run(*args, **kwargs)
        finally:
            if self._watchdog is not None:
                self._watchdog.cancel()

    def save_everything(self) -> None:
        """Save every open form now, on this thread; what cannot be saved is left as is.

        Used when the app must end without asking (the terminal closed, SIGTERM): a
        conflict or a busy database cannot be resolved then, everything else is written.
        """
        for screen in reversed(self.screen_stack):
            save = getattr(screen, "save_before_quit", None)
            if save is not None:
                save()

    def save_and_exit(self, signum: int = signal.SIGTERM) -> None:
        """The signal handler: save synchronously, then end as a killed process would.

        With the terminal gone, restoring it can hang in Textual's writer; the text is
        saved by then, so a watchdog ends the process if a normal exit takes too long.
        """
        if self._ending:
            return
        self._ending = True
        try:
            self.save_everything()
        finally:
            from namnd.renderers import kept_office

            kept_office.stop()  # the watchdog's hard exit would leave LibreOffice running
            code = 128 + signum
            if not self.is_headless:
                self._watchdog = threading.Timer(EXIT_GRACE, os._exit, (code,))
                self._watchdog.daemon = True
                self._watchdog.start()
            self.exit(return_code=code)

    def get_default_screen(self) -> MeetingsScreen:
        """The meetings list is the bottom screen, so Escape elsewhere comes back to it."""
        return MeetingsScreen(today=self.today, first=self.first_meetings)

    async def action_quit(self) -> None:
        """Quit, but first save every open form; a failed save keeps the app open."""
        for screen in reversed(self.screen_stack):
            save = getattr(screen, "save_before_quit", None)
            if save is not None and not save():
                return
        self.exit()

    def choose_organ(self, code: str) -> None:
        """Show ``code`` on the per-organ screens from now on, and next time namnd opens."""
        self.organ_code = code
        try:
            preferences.save(preferences.load().with_organ(self.workspace.root, code))
        except OSError as err:
            self.notify(
                f"Valet av nämnd kunde inte sparas till nästa gång: {err}",
                title="Inställningar",
                severity="warning",
            )

    def export_path(self, path: Path) -> Path:
        """``path``'s file name in the user's default export folder, if one is set."""
        from namnd.storage.preferences import load

        folder = load().export_folder
        if not folder:
            return path
        target = Path(folder).expanduser()
        target.mkdir(parents=True, exist_ok=True)
        return target / path.name

    def action_help(self) -> None:
        """The help screen for the screen in front (closed again by ?, F1 or Esc)."""
        from namnd.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_select_all(self) -> None:
        """ctrl+a in a text field or text area selects all of it; elsewhere the key goes on."""
        if not isinstance(self.focused, (Input, TextArea)):
            raise SkipAction
        self.focused.action_select_all()

    def action_command_palette(self) -> None:
        """Textual's palette, with its texts in Swedish."""
        from namnd.tui.commands import SwedishCommandPalette

        is_open = SwedishCommandPalette.is_open(cast("App[object]", self))
        if self.use_command_palette and not is_open:
            self.push_screen(SwedishCommandPalette(id="--command-palette"))

    def search_themes(self) -> None:
        """The theme picker (palette "Tema"), with a Swedish placeholder."""
        from textual.theme import ThemeProvider

        from namnd.tui.commands import SwedishCommandPalette

        self.push_screen(SwedishCommandPalette(providers=[ThemeProvider], placeholder="Sök tema…"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette entries, in Swedish (help replaces its English key panel)."""
        yield SystemCommand(
            "Hjälp", "Tangenterna på den här skärmen och var du läser mer", self.action_help
        )
        yield SystemCommand("Tema", "Byt färgtema", self.action_change_theme)
        yield SystemCommand("Avsluta", "Spara öppna formulär och avsluta namnd", self.action_quit)
        if screen.maximized is not None:
            yield SystemCommand(
                "Återställ", "Visa den förstorade delen i normal storlek", screen.action_minimize
            )
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(
                "Förstora", "Visa den markerade delen över hela fönstret", screen.action_maximize
            )
        yield SystemCommand(
            # After a moment, so the palette has closed.
            "Skärmbild",
            "Spara en SVG-bild av skärmen i arbetsmappen",
            lambda: self.set_timer(0.1, self._save_screenshot_here),
        )

    def _save_screenshot_here(self) -> None:
        """Save an SVG of the screen in the workspace folder and say where, in Swedish."""
        try:
            path = self.save_screenshot(path=str(self.workspace.root))
        except OSError as err:
            self.notify(str(err), title="Skärmbild", severity="error")
            return
        self.notify(f"Sparade {path}", title="Skärmbild")

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A notification that shows its message as written, never as markup.

        Messages quote what was typed and the names of files and ärenden (a refusal names
        the value it refused): read as markup, "[utkast]" vanished and "[/]" stopped the
        app. Every ``notify`` of a screen or widget comes here, so ``markup`` is ignored.
        """
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def action_help_quit(self) -> None:
        """ctrl+c (a reflex from other programs) says how to quit, in Swedish."""
        self.notify("Tryck q för att avsluta namnd.", title="Vill du avsluta?")

    def open_meeting(self, meeting_id: int) -> None:
        """Show a meeting's föredragningslista (from the list or the command palette)."""
        from namnd.tui.screens.agenda import AgendaScreen

        self.push_screen(AgendaScreen(self.store, meeting_id))


def create_app(
    store: Store | None,
    *,
    workspace: Workspace | None = None,
    today: dt.date | None = None,
    user: str | None = None,
    first_meetings: list[MeetingSummary] | None = None,
) -> NamndApp:
    """Build the app the way users get it; ``today`` is fixed in tests and snapshots.

    Without a ``store`` the app opens the workspace's own when first needed; with
    ``first_meetings`` (from ``storage.meeting_peek``) it paints them before that.
    """
    return NamndApp(
        store, workspace=workspace, today=today, user=user, first_meetings=first_meetings
    )
