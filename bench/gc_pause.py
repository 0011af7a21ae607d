"""The pause of one full garbage collection in a started namnd, as a ratio against a
bare Textual app, with start-up's objects frozen (``tui.startup_heap``) and without.

Python runs a full collection whenever enough objects have been made, wherever the app
is: typing a beslut as likely as anywhere. Its pause grows with everything the process
holds. Each child is a whole process: namnd started as users start it (headless, so
the app itself leaves the collector alone), the meetings list painted and the Store
open; then either frozen as the app does in a terminal, or not; then the demo meeting's
föredragningslista opened; then five full collections timed. The baseline is a bare
Textual app (Header, DataTable, Footer) timed the same way. Runs are interleaved so
machine noise hits all three alike.

    python bench/gc_pause.py [--runs 9]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup import bare_app, compiled_env  # the bench's sibling module

COLLECTIONS = 5
#: Seconds a child may take (start, open the list, collect) before it counts as hung.
CHILD_TIMEOUT = 60


def _report() -> None:
    """Time full collections, print the median in ms and the objects walked, and leave."""
    pauses = []
    for _ in range(COLLECTIONS):
        start = time.perf_counter()
        gc.collect()
        pauses.append(time.perf_counter() - start)
    found = {"ms": statistics.median(pauses) * 1000, "objects": len(gc.get_objects())}
    os.write(1, f"{json.dumps(found)}\n".encode())  # past Textual's capture of print
    os._exit(0)


def _namnd(workspace: str, frozen: bool) -> None:
    """``namnd --workspace DIR`` as users start it, headless; report once the demo
    meeting's föredragningslista is open (start-up's objects frozen first if asked)."""
    from namnd.cli.main import main
    from namnd.tui.app import NamndApp
    from namnd.tui.startup_heap import freeze_once

    started: list[bool] = []

    def on_meetings_loaded(self: NamndApp, message) -> None:
        assert message.count > 0, "the demo meeting must be listed"
        if not started:  # the list is read again once the Store is open
            started.append(True)
            self.call_after_refresh(self.run_worker, lambda: settled(self), thread=True)

    def settled(app: NamndApp) -> None:
        meetings = app.screen
        app.store  # noqa: B018 - open, as the app has it once the first list is up
        if frozen:
            freeze_once()
        # Then some use: the demo meeting's föredragningslista opened and shown.
        app.call_from_thread(meetings.action_open)  # type: ignore[attr-defined]
        deadline = time.monotonic() + CHILD_TIMEOUT / 2
        while type(app.screen).__name__ != "AgendaScreen" or _busy(app):
            if time.monotonic() > deadline:
                os.write(2, b"the agenda screen never opened\n")
                os._exit(1)
            time.sleep(0.01)
        app.call_from_thread(lambda: None)  # one more turn of the app's loop
        _report()

    def _busy(app: NamndApp) -> bool:
        return sum(not w.is_finished for w in app.workers) > 1  # besides this one

    run = NamndApp.run
    NamndApp.on_meetings_loaded = on_meetings_loaded  # type: ignore[attr-defined]
    NamndApp.run = lambda self, **kw: run(self, headless=True)  # type: ignore[method-assign]
    main(["--workspace", workspace])


def _child(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """One child's report; a child that fails, hangs or reports nothing ends the bench."""
    what = " ".join(cmd[2:4])
    try:
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise SystemExit(f"{what} took more than {CHILD_TIMEOUT} s") from None
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        raise SystemExit(f"{what} failed ({done.returncode}), reporting nothing:\n{done.stderr}")
    return json.loads(lines[-1])


def main() -> None:
    """The children, interleaved run by run, then each one's median and its ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--child", choices=["bare", "namnd", "frozen"])
    parser.add_argument("--workspace")
    args = parser.parse_args()
    if args.child == "bare":
        return bare_app(when_painted=_report)
    if args.child:
        return _namnd(args.workspace, frozen=args.child == "frozen")

    with tempfile.TemporaryDirectory() as tmp:
        from namnd.operations.demo import load_demo
        from namnd.storage.store import Store
        from namnd.storage.workspace import resolve

        store = Store.open(resolve(tmp))
        load_demo(store)
        store.close()
        me = [sys.executable, str(Path(__file__).resolve())]
        commands = {
            "bare": [*me, "--child", "bare"],
            "namnd": [*me, "--child", "namnd", "--workspace", tmp],
            "frozen": [*me, "--child", "frozen", "--workspace", tmp],
        }
        env = compiled_env()
        results: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                results[name].append(_child(cmd, env))
    ms = {name: statistics.median(r["ms"] for r in rows) for name, rows in results.items()}
    objects = {
        name: int(statistics.median(r["objects"] for r in rows)) for name, rows in results.items()
    }
    for name in commands:
        print(
            f"{name:7} full collection {ms[name]:6.1f} ms over {objects[name]:7} objects"
            f"  ratio to bare Textual {ms[name] / ms['bare']:5.2f}×"
        )


if __name__ == "__main__":
    main()
