"""Telling the other screens that the Store changed, so their lists stay fresh.

A screen that has written calls :func:`announce_change`; every other screen on the
stack gets :class:`StoreChanged` and reloads what it shows. A screen underneath
reloads at once, in its worker, so it is current when the user comes back to it, and
the user never needs a manual refresh.
"""

from __future__ import annotations

from textual.message import Message
from textual.screen import Screen


class StoreChanged(Message):
    """Something was saved; ``meeting_id`` is the meeting it concerns (None: say which not)."""

    # Each screen is told directly; bubbling up to the app would tell it twice.
    bubble = False

    def __init__(self, meeting_id: int | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id


def announce_change(screen: Screen, meeting_id: int | None = None) -> None:
    """Post :class:`StoreChanged` to every screen on the stack but ``screen`` itself."""
    for other in screen.app.screen_stack:
        if other is not screen:
            other.post_message(StoreChanged(meeting_id))
