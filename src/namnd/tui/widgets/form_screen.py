"""A form screen saved with ctrl+s or on leaving, with its save state always visible."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Label

from namnd.errors import NamndError
from namnd.tui.messages import announce_change


class FormScreen(Screen[None]):
    """Subclasses yield a ``Label#details-state`` and implement :meth:`save`.

    A failed save shows the Swedish message and keeps the screen (and what was typed).
    """

    BINDINGS = [
        Binding("escape", "leave", "Spara och gå tillbaka", id="back"),
        Binding("ctrl+s", "save", "Spara", id="save"),
    ]
    PALETTE = (
        ("Formulär: spara", "save"),
        ("Formulär: spara och gå tillbaka", "leave"),
    )

    def save(self) -> None:
        """Store the form; raise NamndError with a Swedish message if it cannot."""
        raise NotImplementedError

    def action_save(self) -> bool:
        state = self.query_one("#details-state", Label)
        try:
            self.save()
        except NamndError as err:
            state.update(f"Inte sparat: {err}")
            state.add_class("error")
            return False
        state.update("Sparat")
        state.remove_class("error")
        announce_change(self)
        return True

    def save_before_quit(self) -> bool:
        """Quitting saves the form like leaving it does; False keeps the app open."""
        return self.action_save()

    def action_leave(self) -> None:
        if self.action_save():
            self.dismiss()
