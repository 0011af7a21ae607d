"""Municipal scale: 3 organs × 20 years × 11 meetings, each with ärenden and a protokoll.

The dataset is built once (bulk inserts, then the search index rebuilt) into
``bench/.cache/`` and reused; ``--rebuild`` makes it anew. Each row is timed against a
baseline measured in the same run, interleaved, and printed as a ratio with both medians:

- ``store.search.find``, 20 fixed queries, p95, against a raw FTS5 query (PostgreSQL: a raw
  ``tsvector`` query) over the same texts;
- the first paint of ``namnd`` in tmux (until the list is on screen) against a bare
  Textual app (Header, DataTable, Footer) in tmux;
- ``namnd import delegationsbeslut`` of 100 000 rows, whole process, against Python's
  ``csv`` and ``sqlite3.executemany`` of the same rows into one table (in wall-clock
  and in CPU time, the steadier of the two on a shared machine);
- ``namnd export protokoll --format docx``, whole process, against python-docx alone
  writing the same paragraphs, styles and tables;
- opening the demo meeting's föredragningslista and protokoll, and the TUI's peak memory
  once settled, on the dataset against the demo alone.

    python bench/scale.py [--runs 5] [--rebuild] [--db postgresql://…] [--only ROW]

``--only`` runs one row alone (``search``, ``open``, ``paint``, ``import``, ``export`` or
``memory``; repeat it for several), e.g. ``--only import`` while working on the import.

With ``--db`` the dataset goes to that (empty or earlier-built) PostgreSQL database and
the rows that need SQLite (first paint, import baseline) are left out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = HERE / ".cache"
DEMO_PROTOCOL = ROOT / "protocols" / "2019-09-19-von.md"
DEMO_DAY = "2019-09-19"
ORGANS = (
    ("von", None),  # the demo's own organ
    ("kfn", "Kultur- och fritidsnämnden"),
    ("bun", "Barn- och utbildningsnämnden"),
)
YEARS = range(1999, 2019)
IMPORT_ROWS = 100_000
#: The rows ``--only`` can pick.
ROWS = ("search", "open", "paint", "import", "export", "memory")
QUERIES = (
    "matsvinn",
    "boendestöd",
    "äldreomsorg",
    "statsbidrag",
    "delårsrapport",
    "motion",
    "yttrande",
    "genomlysning myndighet",
    "riktlinjer partnerskap",
    "information förvaltningen",
    "omar haddad",
    "delegationsbeslut",
    "von/2010:5",
    "kfn/2005",
    "hemtjänst",
    "budget",
    "återrapportering nämnduppdrag",
    "anmälningsärenden",
    "förslag",
    "beslutar",
)


# --- the dataset -----------------------------------------------------------------------


def _third_thursdays(year: int) -> list[dt.date]:
    days = []
    for month in (m for m in range(1, 13) if m != 7):
        first = dt.date(year, month, 1)
        days.append(first + dt.timedelta(days=(3 - first.weekday()) % 7 + 14))
    return days


def build(url: str | None, root: Path) -> None:
    """The demo with its protokoll, then 20 years of three organs copied from it, in bulk."""
    from sqlalchemy import func, insert, select

    from namnd.domain.models import AgendaItem, Arende, Meeting, Organ, ParagraphRow
    from namnd.domain.protocol_tables import AttendanceRow, ProtocolRecord
    from namnd.operations.demo import load_demo
    from namnd.operations.protocol_export import import_protocol
    from namnd.storage.search_index import rebuild
    from namnd.storage.store import Store
    from namnd.storage.workspace import resolve

    store = Store.open(resolve(root, url))
    load_demo(store)
    import_protocol(store, DEMO_PROTOCOL)
    tables = [t.__table__ for t in (Organ, Meeting, Arende, AgendaItem, ParagraphRow)]
    organ_t, meeting_t, arende_t, item_t, paragraph_t = tables
    record_t, attendance_t = ProtocolRecord.__table__, AttendanceRow.__table__
    with store.engine.begin() as db:
        demo = db.execute(select(meeting_t).where(meeting_t.c.date == dt.date(2019, 9, 19))).one()
        von = db.execute(select(organ_t).where(organ_t.c.id == demo.organ_id)).one()
        items = db.execute(select(item_t).where(item_t.c.meeting_id == demo.id)).all()
        arenden = {
            a.id: a._asdict()
            for a in db.execute(
                select(arende_t).where(arende_t.c.id.in_([i.arende_id for i in items]))
            )
        }
        paragraphs = [
            p._asdict()
            for p in db.execute(select(paragraph_t).where(paragraph_t.c.meeting_id == demo.id))
        ]
        record = db.execute(select(record_t).where(record_t.c.meeting_id == demo.id)).one()
        attendance = [
            a._asdict()
            for a in db.execute(select(attendance_t).where(attendance_t.c.meeting_id == demo.id))
        ]
        next_id = {
            t.name: (db.execute(select(func.max(t.c.id))).scalar() or 0) + 1
            for t in (*tables, record_t, attendance_t)
        }

        def ids(table, n: int) -> range:
            start = next_id[table.name]
            next_id[table.name] += n
            return range(start, start + n)

        organ_ids = {"von": von.id}
        for code, name in ORGANS[1:]:
            (organ_ids[code],) = ids(organ_t, 1)
            db.execute(
                insert(organ_t),
                [
                    {
                        **von._asdict(),
                        "id": organ_ids[code],
                        "code": code,
                        "name": name,
                        "diarium_prefix": code,
                    }
                ],
            )
        rows: dict[str, list[dict]] = {t.name: [] for t in (*tables[1:], record_t, attendance_t)}
        position_of = {i.arende_id: i.position for i in items}
        for code, organ_id in organ_ids.items():
            for year in YEARS:
                number = 0
                for day in _third_thursdays(year):
                    (meeting_id,) = ids(meeting_t, 1)
                    rows["meeting"].append(
                        {
                            **demo._asdict(),
                            "id": meeting_id,
                            "organ_id": organ_id,
                            "date": day,
                            "version": 1,
                        }
                    )
                    item_ids = {}
                    for arende_id, arende in arenden.items():
                        (new_arende,) = ids(arende_t, 1)
                        (item_id,) = ids(item_t, 1)
                        position = position_of[arende_id]
                        item_ids[position] = item_id
                        dnr = f"{code}/{year}:{meeting_id % 1000 * 10 + position}"
                        rows["arende"].append(
                            {**arende, "id": new_arende, "organ_id": organ_id, "dnr": dnr}
                        )
                        rows["agendaitem"].append(
                            {
                                "id": item_id,
                                "meeting_id": meeting_id,
                                "arende_id": new_arende,
                                "position": position,
                            }
                        )
                    for p in paragraphs:
                        number += 1
                        (paragraph_id,) = ids(paragraph_t, 1)
                        rows["paragraph"].append(
                            {
                                **p,
                                "id": paragraph_id,
                                "organ_id": organ_id,
                                "meeting_id": meeting_id,
                                "year": year,
                                "number": number,
                                "agenda_item_id": item_ids.get(p["item"]),
                            }
                        )
                    (record_id,) = ids(record_t, 1)
                    rows["protocol"].append(
                        {**record._asdict(), "id": record_id, "meeting_id": meeting_id}
                    )
                    for a in attendance:
                        (attendance_id,) = ids(attendance_t, 1)
                        rows["attendance"].append(
                            {**a, "id": attendance_id, "meeting_id": meeting_id}
                        )
        for table in (*tables[1:], record_t, attendance_t):
            db.execute(insert(table), rows[table.name])
            if db.dialect.name == "postgresql":
                db.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"(SELECT max(id) FROM {table.name}))"
                )
        if db.dialect.name == "postgresql":
            db.exec_driver_sql(
                "SELECT setval(pg_get_serial_sequence('organ', 'id'), (SELECT max(id) FROM organ))"
            )
        rebuild(db)
        if db.dialect.name == "postgresql":
            db.exec_driver_sql("ANALYZE")
    store.close()


def _demo(url: str | None, root: Path) -> None:
    from namnd.operations.demo import load_demo
    from namnd.operations.protocol_export import import_protocol
    from namnd.storage.store import Store
    from namnd.storage.workspace import resolve

    store = Store.open(resolve(root, url))
    load_demo(store)
    import_protocol(store, DEMO_PROTOCOL)
    store.close()


def _cached(cache: Path, name: str, url: str | None, make, rebuild: bool) -> Path:
    """The workspace folder ``name`` under the cache, built once (marked when complete)."""
    root = cache / name
    done = root / "built"
    if rebuild or not done.exists():
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        started = time.perf_counter()
        make(url, root)
        done.write_text(f"{time.perf_counter() - started:.0f} s\n")
        print(f"built {name} in {done.read_text().strip()}", flush=True)
    return root


# --- timing helpers ----------------------------------------------------------------------


def _run(cmd: list[str], **kw) -> float:
    return _run_cpu(cmd, **kw)[0]


def _run_cpu(cmd: list[str], **kw) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of the whole child process.

    CPU time is the steadier number on a shared machine: waiting for a core is wall
    time only.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kw)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _row(name: str, now: float, base: float, base_name: str, unit: str = "ms") -> None:
    scale = 1000 if unit == "ms" else 1
    print(
        f"| {name} | {now * scale:,.0f} {unit} | {base_name}: {base * scale:,.0f} {unit} "
        f"| {now / base:.2f}× |",
        flush=True,
    )


# --- search ----------------------------------------------------------------------------


def _search(store, runs: int) -> tuple[float, float]:
    """p95 over runs × queries: store.search.find against the raw index query of the backend."""
    from sqlalchemy import text

    postgres = store.engine.dialect.name == "postgresql"
    with store.engine.begin() as db:
        if postgres:
            db.exec_driver_sql(
                "CREATE TABLE IF NOT EXISTS bench_tsv AS SELECT id, "
                "to_tsvector('swedish', dnr || ' ' || title || ' ' || body) AS tsv FROM searchtext"
            )
            db.exec_driver_sql(
                "CREATE INDEX IF NOT EXISTS bench_tsv_gin ON bench_tsv USING gin (tsv)"
            )
            raw = text(
                "SELECT id, ts_rank(tsv, q) AS r FROM bench_tsv, to_tsquery('swedish', :q) q "
                "WHERE tsv @@ q ORDER BY r DESC LIMIT 50"
            )
        else:
            db.exec_driver_sql(
                "CREATE VIRTUAL TABLE IF NOT EXISTS bench_fts USING fts5(dnr, title, body, "
                "tokenize='unicode61 remove_diacritics 2')"
            )
            if not db.exec_driver_sql("SELECT count(*) FROM bench_fts").scalar():
                db.exec_driver_sql(
                    "INSERT INTO bench_fts(rowid, dnr, title, body) "
                    "SELECT id, dnr, title, body FROM searchtext"
                )
            raw = text(
                "SELECT rowid FROM bench_fts WHERE bench_fts MATCH :q ORDER BY rank LIMIT 50"
            )

    def raw_query(q: str) -> str:
        words = [w for w in q.replace("/", " ").replace(":", " ").split()]
        if postgres:
            return " & ".join(f"{w}:*" for w in words)
        return " AND ".join(f'"{w}"*' for w in words)

    ours, base = [], []
    for _ in range(runs):
        for q in QUERIES:
            start = time.perf_counter()
            store.search.find(q)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            with store.engine.connect() as db:
                db.execute(raw, {"q": raw_query(q)}).fetchall()
            base.append(time.perf_counter() - start)
    return _p95(ours), _p95(base)


# --- first paint in tmux ----------------------------------------------------------------


def _tmux_paint(cmd: list[str], marker: str) -> float:
    """Seconds from launch until ``marker`` is on the tmux pane."""
    socket = f"bench-{os.getpid()}-{time.monotonic_ns()}"
    tmux = ["tmux", "-f", "/dev/null", "-L", socket]
    shell = " ".join(f"'{c}'" for c in cmd)
    start = time.perf_counter()
    subprocess.run(
        [*tmux, "new-session", "-d", "-x", "120", "-y", "36", "-s", "b", shell],
        check=True,
        env={**os.environ, "TERM": "xterm-256color"},
    )
    try:
        while time.perf_counter() - start < 60:
            pane = subprocess.run(
                [*tmux, "capture-pane", "-p", "-t", "b"], capture_output=True, text=True
            ).stdout
            if marker in pane:
                return time.perf_counter() - start
            time.sleep(0.01)
        raise RuntimeError(f"{marker!r} never appeared:\n{pane}")
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)


# --- memory once settled -----------------------------------------------------------------


def _settled_child(workspace: str) -> None:
    """namnd, headless, leaving once the list and its todo are loaded and workers idle."""
    from namnd.cli.main import main
    from namnd.tui.app import NamndApp

    def on_meetings_loaded(self: NamndApp, message) -> None:
        def idle() -> None:
            if self._store is not None and not any(w.is_running for w in self.workers):
                os._exit(0)

        self.set_interval(0.05, idle)

    run = NamndApp.run
    NamndApp.on_meetings_loaded = on_meetings_loaded  # type: ignore[attr-defined]
    NamndApp.run = lambda self, **kw: run(self, headless=True)  # type: ignore[method-assign]
    main(["--workspace", workspace])


def _peak_kb(cmd: list[str]) -> int:
    process = subprocess.Popen(cmd)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss


# --- import and export ------------------------------------------------------------------


def _import_file(folder: Path, serial: int) -> Path:
    path = folder / f"rows-{serial}.tsv"
    lines = ["Beslutsfattare\tBeslutsdatum\tBeslut\tAnledning till avslag\tFödelseår\tKön"]
    for i in range(IMPORT_ROWS):
        reason = "" if i % 5 else "Behov saknas"
        lines.append(
            f"Handläggare {(i + serial) % 40}\t2019-08-{i % 28 + 1:02d}\t"
            f"Bifall Hemtjänst enligt 4 kap. 1 § SoL\t{reason}\t{1930 + i % 70}\t{'KM'[i % 2]}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


_CSV_BASELINE = """
import csv, sqlite3, sys
c = sqlite3.connect(sys.argv[2])
c.execute("CREATE TABLE r (line, decided_by, decision_date, decision, reason, year, sex)")
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    reader = csv.reader(f, delimiter="\\t")
    next(reader)
    rows = [(n, *r) for n, r in enumerate(reader, start=2)]
with c:
    c.executemany("INSERT INTO r VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
"""

_DOCX_BASELINE = """
import json, sys
from docx import Document
content = json.load(open(sys.argv[1], encoding="utf-8"))
doc = Document(sys.argv[3])
body = doc.element.body
for child in list(body):
    if child.tag.endswith('}p') or child.tag.endswith('}tbl'):
        body.remove(child)
for kind, style, value in content:
    if kind == "p":
        doc.add_paragraph(value, style=style)
    else:
        table = doc.add_table(rows=0, cols=len(value[0]))
        for cells in value:
            row = table.add_row().cells
            for cell, text in zip(row, cells):
                cell.text = text
doc.save(sys.argv[2])
"""


def _docx_content(path: Path, into: Path) -> None:
    """The exported document's paragraphs (style, text) and tables, for the baseline."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(str(path))
    content = []
    for block in doc.element.body.iterchildren():
        if block.tag.endswith("}p"):
            p = Paragraph(block, doc)
            content.append(("p", p.style.name if p.style is not None else None, p.text))
        elif block.tag.endswith("}tbl"):
            table = Table(block, doc)
            content.append(("t", None, [[c.text for c in r.cells] for r in table.rows]))
    into.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")


def _opening(store, demo: Path, demo_url: str | None, runs: int) -> None:
    """Opening the demo meeting's föredragningslista and protokoll, dataset against demo."""
    from namnd.storage.store import Store
    from namnd.storage.workspace import resolve

    day = store.schedule.find_meeting(DEMO_DAY).id
    demo_store = Store.open(resolve(demo, demo_url))
    demo_day = demo_store.schedule.find_meeting(DEMO_DAY).id
    opened: dict[str, list[float]] = {
        "agenda": [],
        "agenda-demo": [],
        "protocol": [],
        "protocol-demo": [],
    }
    for _ in range(runs):
        for s, meeting, tag in ((store, day, ""), (demo_store, demo_day, "-demo")):
            start = time.perf_counter()
            s.agendas.agenda(meeting)
            opened["agenda" + tag].append(time.perf_counter() - start)
            start = time.perf_counter()
            s.protocols.get(meeting)
            opened["protocol" + tag].append(time.perf_counter() - start)
    demo_store.close()
    med = {k: statistics.median(v) for k, v in opened.items()}
    _row("open a föredragningslista", med["agenda"], med["agenda-demo"], "demo alone")
    _row("open a protokoll", med["protocol"], med["protocol-demo"], "demo alone")


# --- main --------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--db", help="a PostgreSQL URL for the dataset (else SQLite)")
    parser.add_argument("--cache", type=Path, default=CACHE, help="folder of the built data")
    parser.add_argument("--child", choices=["bare", "settled"])
    parser.add_argument("--workspace")
    parser.add_argument(
        "--only", action="append", choices=ROWS, help="run only this row (may be repeated)"
    )
    args = parser.parse_args()
    wanted = set(args.only or ROWS)
    if args.child == "bare":
        from startup import bare_app  # bench/ is the script's folder

        return bare_app(when_painted=None)
    if args.child == "settled":
        return _settled_child(args.workspace)

    from startup import compiled_env  # bench/ is the script's folder

    from namnd.storage.store import Store
    from namnd.storage.workspace import resolve

    # Every child (tmux too) reads namnd's bytecode, as an installed package has it.
    env = compiled_env()
    os.environ.clear()
    os.environ.update(env)
    suffix = "-pg" if args.db else ""
    demo_url = None
    if args.db:
        from sqlalchemy.engine import make_url

        demo_url = make_url(args.db).set(database=make_url(args.db).database + "_demo")
        demo_url = demo_url.render_as_string(hide_password=False)
    data = _cached(args.cache, "dataset" + suffix, args.db, build, args.rebuild)
    demo = _cached(args.cache, "demo" + suffix, demo_url, _demo, args.rebuild)
    py = sys.executable
    namnd = [py, "-m", "namnd"]
    db_flag = ["--db", args.db] if args.db else []
    started = time.perf_counter()
    print(f"runs: {args.runs}; {'PostgreSQL' if args.db else 'SQLite'}\n")
    print("| what | namnd | baseline in the same run | ratio |")
    print("|---|---|---|---|")

    store = Store.open(resolve(data, args.db))
    counts = (
        store.engine.connect()
        .exec_driver_sql(
            "SELECT (SELECT count(*) FROM meeting), (SELECT count(*) FROM arende), "
            "(SELECT count(*) FROM paragraph)"
        )
        .one()
    )
    if "search" in wanted:
        ours, base = _search(store, args.runs)
        _row(
            f"`store.search.find`, {len(QUERIES)} queries, p95",
            ours,
            base,
            "raw tsvector query" if args.db else "raw FTS5 query",
        )
    if "open" in wanted:
        _opening(store, demo, demo_url, args.runs)
    store.close()

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        if "paint" in wanted and not args.db and shutil.which("tmux"):
            me = [py, str(Path(__file__).resolve())]
            paint_cmd = [*namnd, "--workspace", str(data)]
            bare_cmd = [*me, "--child", "bare"]
            marker = "Vård- och omsorgsnämnden"
            _tmux_paint(paint_cmd, marker), _tmux_paint(bare_cmd, marker)  # warm caches
            paints, bares = [], []
            for _ in range(args.runs):
                paints.append(_tmux_paint(paint_cmd, marker))
                bares.append(_tmux_paint(bare_cmd, marker))
            _row(
                "first paint of `namnd` (tmux, list visible)",
                statistics.median(paints),
                statistics.median(bares),
                "bare Textual app",
            )

        if "import" in wanted and not args.db:
            copy = tmp_path / "ws"
            copy.mkdir()
            shutil.copy(data / "namnd.db", copy / "namnd.db")
            imports, csvs = [], []
            for serial in range(args.runs):
                rows = _import_file(tmp_path, serial)
                imports.append(
                    _run_cpu(
                        [
                            *namnd,
                            "--workspace",
                            str(copy),
                            "import",
                            "delegationsbeslut",
                            str(rows),
                            "--meeting",
                            DEMO_DAY,
                        ]
                    )
                )
                target = tmp_path / f"baseline-{serial}.db"
                csvs.append(_run_cpu([py, "-c", _CSV_BASELINE, str(rows), str(target)]))
                rows.unlink()
            for at, what in ((0, "whole process"), (1, "whole process, CPU time")):
                _row(
                    f"`import delegationsbeslut`, {IMPORT_ROWS:,} rows, {what}",
                    statistics.median(t[at] for t in imports),
                    statistics.median(t[at] for t in csvs),
                    "csv + sqlite3.executemany",
                )

        if "export" in wanted:
            out = tmp_path / "protokoll.docx"
            export = [
                *namnd,
                "--workspace",
                str(data),
                *db_flag,
                "export",
                "protokoll",
                DEMO_DAY,
                "--format",
                "docx",
                "-o",
                str(out),
            ]
            _run(export)
            content = tmp_path / "content.json"
            _docx_content(out, content)
            exports, docxs = [], []
            for _ in range(args.runs):
                exports.append(_run(export))
                docxs.append(
                    _run(
                        [py, "-c", _DOCX_BASELINE, str(content), str(tmp_path / "b.docx"), str(out)]
                    )
                )
            _row(
                "`export protokoll --format docx`, whole process",
                statistics.median(exports),
                statistics.median(docxs),
                "python-docx alone",
            )

        if "memory" in wanted and not args.db:
            peaks = [
                _peak_kb(
                    [
                        py,
                        str(Path(__file__).resolve()),
                        "--child",
                        "settled",
                        "--workspace",
                        str(root),
                    ]
                )
                for root in (data, demo)
            ]
            print(
                f"| TUI peak memory, settled | {peaks[0] / 1024:,.0f} MB | demo alone: "
                f"{peaks[1] / 1024:,.0f} MB | {peaks[0] / peaks[1]:.2f}× |"
            )
    print(
        f"\ndataset: {counts[0]:,} meetings, {counts[1]:,} ärenden, {counts[2]:,} §§; "
        f"measured in {time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
