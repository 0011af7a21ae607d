"""Time to the first useful screen, as a ratio against a bare Textual app.

Each run is a whole process (interpreter start, imports, database open, first paint of
the meetings table with the demo meeting listed) through the real ``namnd`` entry point. The
baseline is a bare Textual app with a Header, a DataTable and a Footer, started the same
way (headless) in the same run, interleaved so machine noise hits both alike. Both children
leave with ``os._exit`` right after that paint: interpreter teardown (which grows with the
number of modules loaded) comes after the user already sees the screen.

    python bench/startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def compiled_env() -> dict[str, str]:
    """The environment for timed children, with namnd's own modules compiled.

    An installed namnd has its bytecode, as every library in the venv and the standard
    library have; an editable checkout under ``PYTHONDONTWRITEBYTECODE`` would compile
    every module of namnd in every run and charge that to namnd alone. The children read
    bytecode where Python keeps it (``__pycache__``, ignored by git). A
    ``PYTHONPYCACHEPREFIX`` is dropped too: under one, Python looks for every module's
    bytecode, the libraries' and the standard library's, in that folder alone, so each
    run would compile SQLAlchemy and python-docx again and the baselines would pay too.
    """
    import namnd

    unset = ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")
    env = {name: value for name, value in os.environ.items() if name not in unset}
    source = str(Path(namnd.__file__).parent)
    subprocess.run([sys.executable, "-m", "compileall", "-q", source], check=True, env=env)
    return env


def _painted() -> None:
    """The first useful screen is painted: stop the clock (no teardown, nothing to flush)."""
    os._exit(0)


def bare_app(*, when_painted: Callable[[], None] | None) -> None:
    """The baseline: a bare Textual app (Header, a one-row DataTable, Footer).

    ``bench/scale.py`` runs it in a tmux terminal until its row shows; here it runs
    headless and stops the clock itself once painted (``bench/gc_pause.py`` times a
    garbage collection then). Headless whenever ``when_painted`` is given.
    """
    from textual.app import App
    from textual.widgets import DataTable, Footer, Header

    class Bare(App[None]):
        def compose(self):
            yield Header()
            yield DataTable()
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("Datum", "Nämnd")
            table.add_row("torsdag 19 september 2019", "Vård- och omsorgsnämnden")
            if when_painted is not None:
                self.call_after_refresh(when_painted)

    Bare().run(headless=when_painted is not None)


def _namnd_child(workspace: str) -> None:
    """``namnd --workspace DIR`` exactly as users start it, headless, timed to the list."""
    from namnd.cli.main import main
    from namnd.tui.app import NamndApp

    def on_meetings_loaded(self: NamndApp, message) -> None:
        assert message.count > 0, "the demo meeting must be listed"
        self.call_after_refresh(_painted)

    run = NamndApp.run
    NamndApp.on_meetings_loaded = on_meetings_loaded  # type: ignore[attr-defined]
    NamndApp.run = lambda self, **kw: run(self, headless=True)  # type: ignore[method-assign]
    main(["--workspace", workspace])


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--child", choices=["bare", "namnd"])
    parser.add_argument("--workspace")
    args = parser.parse_args()
    if args.child == "bare":
        return bare_app(when_painted=_painted)
    if args.child == "namnd":
        return _namnd_child(args.workspace)

    with tempfile.TemporaryDirectory() as tmp:
        from namnd.operations.demo import load_demo
        from namnd.storage.store import Store
        from namnd.storage.workspace import resolve

        store = Store.open(resolve(tmp))
        load_demo(store)
        store.close()
        me = [sys.executable, str(Path(__file__).resolve())]
        bare_cmd = [*me, "--child", "bare"]
        namnd_cmd = [*me, "--child", "namnd", "--workspace", tmp]
        env = compiled_env()
        _time(bare_cmd, env), _time(namnd_cmd, env)  # warm the file cache
        bare, namnd = [], []
        for _ in range(args.runs):
            bare.append(_time(bare_cmd, env))
            namnd.append(_time(namnd_cmd, env))
    b, n = statistics.median(bare), statistics.median(namnd)
    print(f"bare Textual app (Header, DataTable, Footer): median {b * 1000:.0f} ms")
    print(f"namnd, meetings table with the demo meeting:  median {n * 1000:.0f} ms")
    print(f"ratio namnd / bare: {n / b:.2f}x over {args.runs} interleaved runs")


if __name__ == "__main__":
    main()
