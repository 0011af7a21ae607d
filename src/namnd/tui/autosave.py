"""When typed text is saved: after a pause, on a steady beat, and again after a busy database.

One clock for every screen that saves as you type. A debounce alone never fires while
someone types without pausing (each key restarts it), so the first unsaved key also
starts a deadline: the save happens at most :data:`AUTOSAVE_MAX_WAIT` seconds later,
however fast the typing.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer

#: Seconds of pause after which typed text is saved.
AUTOSAVE_DELAY = 1.0
#: Seconds after the first unsaved key by which it is saved, even while typing goes on.
AUTOSAVE_MAX_WAIT = 2.0
#: Seconds before a save that met a busy database is tried again.
BUSY_RETRY_DELAY = 2.0
#: What a screen shows when the database was busy (the text is still on screen).
BUSY_MESSAGE = "Databasen är upptagen – texten är kvar och sparas igen om en stund."
#: Textual timers need a positive delay: "at once" is this soon.
_SOONEST = 0.01


class AutosaveClock:
    """Calls ``save`` after a pause in typing, or at the latest after the max wait."""

    def __init__(self, owner: MessagePump, save: Callable[[], object]) -> None:
        self._owner, self._save = owner, save
        self._timer: Timer | None = None
        #: ``time.monotonic()`` of the first change not yet handed to ``save``.
        self._unsaved_since: float | None = None

    def changed(self) -> None:
        """Something unsaved was typed: save after a pause, or at the deadline."""
        now = time.monotonic()
        if self._unsaved_since is None:
            self._unsaved_since = now
        left = self._unsaved_since + AUTOSAVE_MAX_WAIT - now
        self._start(max(_SOONEST, min(AUTOSAVE_DELAY, left)))

    def retry(self) -> None:
        """The save met a busy database: try again in a while (typing may come sooner)."""
        if self._unsaved_since is None:
            self._unsaved_since = time.monotonic() - AUTOSAVE_MAX_WAIT + BUSY_RETRY_DELAY
        self._start(BUSY_RETRY_DELAY)

    def stop(self) -> None:
        """Saved (or about to be, synchronously): nothing is pending."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = None
        self._unsaved_since = None

    def _start(self, delay: float) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._owner.set_timer(delay, self._fire)

    def _fire(self) -> None:
        self._timer = None
        self._unsaved_since = None
        self._save()
