"""A form screen saved with ctrl+s or on leaving, with its save state always visible."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label

from namnd.errors import NamndError
from namnd.tui.messages import announce_change
from namnd.tui.store_writes import write, write_now


class FormScreen(Screen[None]):
    """Subclasses yield a ``Label#details-state`` and implement :meth:`save`.

    :meth:`save` reads the form on the UI thread and returns the Store write, which runs
    in a worker (``store_writes``). A failed save shows the Swedish message and keeps
    the screen (and what was typed).
    """

    BINDINGS = [
        Binding("escape", "leave", "Spara och gå tillbaka", id="back"),
        Binding("ctrl+s", "save", "Spara", id="save"),
    ]
    PALETTE = (
        ("Formulär: spara", "save"),
        ("Formulär: spara och gå tillbaka", "leave"),
    )

    def save(self) -> Callable[[], object]:
        """The form as a Store write; raise NamndError with a Swedish message for bad input."""
        raise NotImplementedError

    def saved(self, result: object) -> None:
        """The write went through (``result`` is what it returned), on the UI thread."""

    def action_save(self, then: Callable[[], object] | None = None) -> None:
        """Save in a worker; then ``then()`` (leaving), unless it failed."""
        try:
            change = self.save()
        except NamndError as err:
            self._state(f"Inte sparat: {err}", error=True)
            return

        def done(result: object) -> None:
            self._done(result)
            if then is not None:
                then()

        write(
            self,
            change,
            title="Inte sparat",
            done=done,
            failed=lambda err: self._state(f"Inte sparat: {err}", error=True),
        )

    def _done(self, result: object) -> None:
        self.saved(result)
        self._state("Sparat")
        announce_change(self)

    def _state(self, text: str, *, error: bool = False) -> None:
        state = self.query_one("#details-state", Label)
        state.update(Content(text))
        state.set_class(error, "error")

    def save_before_quit(self) -> bool:
        """Quitting saves the form like leaving does, at once (the app ends); False stays."""
        try:
            result = write_now(self.save())
        except NamndError as err:
            self._state(f"Inte sparat: {err}", error=True)
            return False
        self._done(result)
        return True

    def action_leave(self) -> None:
        self.action_save(then=self.dismiss)
