"""Every Store write a screen makes: in a worker thread, errors in Swedish, results on screen.

A write waits for the database (a busy SQLite file, a server across the network), so on
the UI thread it would freeze the screen mid-keystroke. :func:`write` runs it in a
Textual thread worker and calls back on the UI thread: ``done(result)`` when it went
through; a :class:`~namnd.errors.NamndError` is shown as a notification with its Swedish
message, or handed to ``failed`` by a screen that shows it in place (an editor whose
optimistic save met someone else's version keeps the text on screen and says so).

Writes take turns (:data:`WRITE_LOCK`), so each starts from what the previous one wrote
and the own app never makes its database busy. The one write left on the UI thread is
the save when the app ends (``save_before_quit``): the process stops right after, so
it takes the same lock and writes at once (:func:`write_now`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from textual.widget import Widget
from textual.worker import Worker

from namnd.errors import NamndError

T = TypeVar("T")

#: One write at a time, from every screen and from the save when the app ends.
WRITE_LOCK = threading.Lock()
#: The workers' group, for tests and for anyone waiting on the writes.
WRITE_GROUP = "store-write"


def write(
    owner: Widget,
    change: Callable[[], T],
    *,
    title: str,
    done: Callable[[T], object] | None = None,
    failed: Callable[[NamndError], object] | None = None,
) -> Worker[None]:
    """Run ``change`` (one or more Store calls) in a worker; report back on the UI thread.

    ``change`` runs on another thread: it must not touch widgets, so read what it needs
    from the screen before (``lambda: self.store.save_seat(seat, ...)`` with ``seat``
    read already). On success ``done(result)`` runs on the UI thread; on a NamndError
    ``failed(error)`` does, or else the message is shown under ``title``. Neither runs
    once ``owner`` has left the screen (a failure is then only shown).
    """
    app = owner.app

    def report_failure(error: NamndError) -> None:
        if failed is not None and owner.is_attached:
            failed(error)
        else:
            app.notify(str(error), title=title, severity="error")

    def report_result(result: T) -> None:
        if done is not None and owner.is_attached:  # not if the screen was closed since
            done(result)

    def run() -> None:
        try:
            result = write_now(change)
        except NamndError as error:
            app.call_from_thread(report_failure, error)
            return
        app.call_from_thread(report_result, result)

    return owner.run_worker(run, name=title, group=WRITE_GROUP, thread=True)


def write_now(change: Callable[[], T]) -> T:
    """Run ``change`` on this thread, after any write in progress (the app is ending)."""
    with WRITE_LOCK:
        return change()
