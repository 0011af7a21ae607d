"""Showing what a read worker found, unless a newer read has replaced it.

The screens read in exclusive thread workers: a new read (a key typed in the search, a
write gone through, another year, the cursor on another row) cancels the one running,
but a cancelled thread runs to its end, and a slow read can finish after the newer one.
Its result is then older than what the screen shows and must not be shown over it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVarTuple

from textual.app import App
from textual.worker import get_current_worker

Found = TypeVarTuple("Found")


def show_if_latest(app: App[object], show: Callable[[*Found], object], *found: *Found) -> None:
    """From inside a read worker: ``show(*found)`` on the app's thread, unless replaced.

    The check is made on the app's thread, where the newer worker was started (and
    this one cancelled), so an older result can never land after a newer one.
    """
    worker = get_current_worker()

    def unless_replaced() -> None:
        if not worker.is_cancelled:
            show(*found)

    app.call_from_thread(unless_replaced)
