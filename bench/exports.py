"""The Word protokoll as a whole process against python-docx alone writing the same document.

Loads the demo and its protokoll (``protocols/2019-09-19-von.md``) into a throw-away
workspace, then times, interleaved:

- ``namnd export protokoll 2019-09-19 --format docx`` (the real entry point), and
- a bare ``python`` that imports python-docx and writes the same paragraphs (text, style,
  bold runs) and tables, read back from the export once, with python-docx's plain API.

It prints both medians and their ratio (goal: at most 1.5), in wall-clock time and in
CPU time (user + system; steadier on a machine others are using too). namnd's modules
are compiled first, as an installed package has them (``startup.compiled_env``).

    python bench/exports.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph
from startup import compiled_env  # bench/ is the script's folder

ROOT = Path(__file__).resolve().parents[1]
NAMND = Path(sys.executable).with_name("namnd")

BASELINE = """
import json, sys
import docx

blocks = json.load(open(sys.argv[1], encoding="utf-8"))
document = docx.Document()
for block in blocks:
    if block["kind"] == "p":
        paragraph = document.add_paragraph(style=block["style"])
        for text, bold in block["runs"]:
            paragraph.add_run(text).bold = bold or None
    else:
        table = document.add_table(rows=0, cols=block["cols"])
        if block["style"]:
            table.style = block["style"]
        for row in block["rows"]:
            for cell, text in zip(table.add_row().cells, row):
                cell.text = text
document.save(sys.argv[2])
"""


def _blocks(path: Path) -> list[dict]:
    """The body of a .docx as paragraphs (style, runs) and tables (cell texts), in order."""
    document = docx.Document(str(path))
    blocks: list[dict] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            runs = [(run.text, bool(run.bold)) for run in item.runs]
            blocks.append({"kind": "p", "style": item.style.name, "runs": runs})
        elif isinstance(item, Table):
            rows = [[cell.text for cell in row.cells] for row in item.rows]
            style = item.style.name if item.style is not None else None
            blocks.append({"kind": "t", "style": style, "cols": len(item.columns), "rows": rows})
    return blocks


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run of ``command``."""
    started, cpu = time.perf_counter(), _cpu()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - started, _cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        ws = ["--workspace", str(tmp / "ws")]
        protocol = ROOT / "protocols" / "2019-09-19-von.md"
        for verb in (["demo"], ["import", "protokoll", str(protocol)]):
            subprocess.run([NAMND, *ws, *verb], check=True, capture_output=True)
        export = [str(NAMND), *ws, "export", "protokoll", "2019-09-19", "--format", "docx"]
        export += ["-o", str(tmp / "namnd.docx")]
        env = compiled_env()
        _timed(export, env)
        blocks = tmp / "blocks.json"
        blocks.write_text(json.dumps(_blocks(tmp / "namnd.docx")), encoding="utf-8")
        script = tmp / "baseline.py"
        script.write_text(BASELINE, encoding="utf-8")
        bare = [sys.executable, str(script), str(blocks), str(tmp / "bare.docx")]
        ours, theirs = [], []
        for _ in range(runs):
            ours.append(_timed(export, env))
            theirs.append(_timed(bare, env))
    for what, index in (("väggklocka", 0), ("CPU-tid", 1)):
        a = statistics.median(run[index] for run in ours)
        b = statistics.median(run[index] for run in theirs)
        print(f"{what}: namnd export protokoll (docx) {a:.2f} s, python-docx ensam {b:.2f} s, "
              f"kvot {a / b:.2f} (mål ≤ 1,5)")  # fmt: skip


if __name__ == "__main__":
    main()
