"""Start-up's objects are frozen once in a terminal, never in a headless app."""

from __future__ import annotations

import gc
import subprocess
import sys

from tests.tui.conftest import settle

FREEZE_ONCE = """
import gc, weakref
from namnd.tui.startup_heap import freeze_once

class Cycle:
    pass

def garbage():
    made = Cycle()
    made.me = made  # only a full collection frees a cycle
    return weakref.ref(made)

before = garbage()
assert freeze_once() is True
assert before() is None, "start-up's garbage is collected, not kept for good"
frozen = gc.get_freeze_count()
assert frozen > 1000, frozen
assert freeze_once() is False and gc.get_freeze_count() == frozen
later = garbage()
gc.collect()
assert later() is None, "what is made later is collected as before"
"""


def test_start_up_is_frozen_once_its_garbage_freed_and_later_garbage_collected() -> None:
    done = subprocess.run([sys.executable, "-c", FREEZE_ONCE], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


async def test_a_headless_app_leaves_the_collector_to_its_process(demo_store, make_app):
    frozen = gc.get_freeze_count()
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app._freeze_startup_heap()  # as after the first paint
        await settle(app, pilot)
    # Frozen objects freed since may lower the count; a freeze would raise it by the app.
    assert gc.get_freeze_count() <= frozen
