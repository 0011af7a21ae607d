"""Does namnd stay responsive on years of data? Ratios against the demo alone, same run.

Two workspaces are built: the demo nämnd (one meeting with an agenda), and the demo plus
``--years`` years of synthetic meetings (eleven a year, each with the demo's ten ärenden
under new dnr). For each, the same operations are timed and the ratio years/demo printed:

- the first paint of ``namnd`` (whole headless process, as ``bench/startup.py``),
- listing the meetings, opening the newest föredragningslista and searching every year
  through the Store.

A ratio near 1 means the cost does not grow with the years kept.

    python bench/years.py [--years 10] [--runs 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEMO_AGENDA = HERE.parent / "agendas" / "2019-09-19-von.md"


def _third_thursdays(year: int) -> list[dt.date]:
    days = []
    for month in (m for m in range(1, 13) if m != 7):
        first = dt.date(year, month, 1)
        thursday = first + dt.timedelta(days=(3 - first.weekday()) % 7)
        days.append(thursday + dt.timedelta(weeks=2))
    return days


def _agenda_on(day: dt.date, serial: int) -> str:
    """The demo agenda moved to ``day``, with dnr of its own year and number series."""
    text = DEMO_AGENDA.read_text(encoding="utf-8")
    text = text.replace("2019-09-19", day.isoformat()).replace("2019-09-03", day.isoformat())
    return re.sub(r"von/2019:(\d+)", lambda m: f"von/{day.year}:{serial * 100 + int(m[1])}", text)


def _build(root: Path, years: int) -> int:
    from namnd.operations.agenda_files import import_agenda_file
    from namnd.operations.demo import load_demo
    from namnd.storage.store import Store
    from namnd.storage.workspace import resolve

    store = Store.open(resolve(root))
    load_demo(store)
    serial = 0
    for year in range(2019 - years, 2019):
        for day in _third_thursdays(year):
            serial += 1
            path = root / f"agenda-{day}.md"
            path.write_text(_agenda_on(day, serial), encoding="utf-8")
            import_agenda_file(store, path)
    count = len(store.schedule.meetings())
    store.close()
    return count


def _first_paint(root: Path) -> float:
    start = time.perf_counter()
    cmd = [sys.executable, str(HERE / "startup.py"), "--child", "namnd", "--workspace", str(root)]
    subprocess.run(cmd, check=True)
    return time.perf_counter() - start


def _in_process(root: Path) -> dict[str, float]:
    from namnd.storage.store import Store
    from namnd.storage.workspace import resolve

    store = Store.open(resolve(root))

    def timed(fn) -> float:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start

    newest = max(store.schedule.meetings(), key=lambda m: (m.item_count > 0, m.date)).id
    result = {
        "meetings list": timed(store.schedule.meetings),
        "open the newest föredragningslista": timed(lambda: store.agendas.agenda(newest)),
        "search all years for 'matsvinn'": timed(lambda: store.search.find("matsvinn")),
    }
    store.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        demo, years = Path(tmp, "demo"), Path(tmp, "years")
        _build(demo, 0)
        started = time.perf_counter()
        count = _build(years, args.years)
        took = time.perf_counter() - started
        print(f"built {args.years} years: {count} meetings (demo alone: 11) in {took:.0f} s")
        _first_paint(demo), _first_paint(years)  # warm the file cache
        paints: dict[Path, list[float]] = {demo: [], years: []}
        ops: dict[Path, list[dict[str, float]]] = {demo: [], years: []}
        for _ in range(args.runs):
            for root in (demo, years):
                paints[root].append(_first_paint(root))
                ops[root].append(_in_process(root))
    paint = (statistics.median(paints[demo]), statistics.median(paints[years]))
    rows = [("first paint of namnd", *paint)]
    for name in ops[demo][0]:
        rows.append(
            (
                name,
                statistics.median(r[name] for r in ops[demo]),
                statistics.median(r[name] for r in ops[years]),
            )
        )
    for name, base, grown in rows:
        print(
            f"{name:36} demo {base * 1000:7.1f} ms   {args.years} years {grown * 1000:7.1f} ms"
            f"   ratio {grown / base:5.2f}x"
        )


if __name__ == "__main__":
    main()
