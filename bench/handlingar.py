"""Kallelse med handlingar against a plain merge: how much does the package cost?

The demo meeting with 20 generated 10-page PDF bilagor (two on each ärende). Timed as
whole processes, in the same run:

- ``namnd export handlingar`` the first time (every tjänsteskrivelse, table and the cover
  made by LibreOffice), then again with its conversions cached (what a rebuild after a
  small change costs);
- pypdf alone merging every PDF bilaga of the package (the 20 and the demo's own) into
  one file, nothing else.

It prints the medians and the ratios; the goal for the cached build is at most 2x.

    python bench/handlingar.py [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NAMND = [sys.executable, "-m", "namnd"]
MERGE = """
import sys
from pypdf import PdfWriter
writer = PdfWriter()
for path in sys.argv[2:]:
    writer.append(path)
writer.write(sys.argv[1])
"""


def make_bilagor(folder: Path, count: int) -> list[Path]:
    """``count`` different 10-page PDFs: one made by LibreOffice, retitled by pikepdf."""
    import docx
    import pikepdf
    from docx.enum.text import WD_BREAK

    from namnd.renderers.pdf_archive import convert_many

    document = docx.Document()
    for page in range(1, 11):
        document.add_heading(f"Underlag, sida {page}", 1)
        for line in range(6):
            document.add_paragraph(f"Rad {line} av underlaget till nämnden, sida {page}. " * 4)
        if page < 10:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.save(folder / "underlag.docx")
    convert_many([folder / "underlag.docx"], folder)
    out = []
    for n in range(1, count + 1):
        with pikepdf.open(folder / "underlag.pdf") as pdf:
            pdf.docinfo["/Title"] = f"Underlag {n}"
            path = folder / f"underlag-{n:02d}.pdf"
            pdf.save(path)
        out.append(path)
    return out


def agenda_with(folder: Path, bilagor: list[Path]) -> Path:
    """The demo's agenda file beside its data, with the bilagor spread over the ärenden."""
    from namnd.domain.models import Attachment
    from namnd.formats.agenda_markdown import dump_agenda, parse_agenda

    shutil.copytree(REPO / "agendas" / "data", folder / "data")
    doc = parse_agenda((REPO / "agendas" / "2019-09-19-von.md").read_text())
    for n, path in enumerate(bilagor):
        entry = doc.entries[n % len(doc.entries)]
        entry.attachments.append(
            Attachment(
                arende_id=0,
                position=len(entry.attachments) + 1,
                title=f"Underlag {n + 1}",
                file=path.relative_to(folder).as_posix(),
            )
        )
    path = folder / "2019-09-19-von.md"
    path.write_text(dump_agenda(doc))
    return path


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--bilagor", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="namnd-bench-") as tmp:
        folder = Path(tmp)
        (folder / "in" / "bench").mkdir(parents=True)
        bilagor = make_bilagor(folder / "in" / "bench", args.bilagor)
        agenda = agenda_with(folder / "in", bilagor)
        workspace = ["--workspace", str(folder / "ws")]
        subprocess.run([*NAMND, *workspace, "import", "agenda", str(agenda)], check=True)
        out = folder / "paket.pdf"
        build = [*NAMND, *workspace, "export", "handlingar", "2019-09-19", "-o", str(out)]
        cold = timed(build)
        stored = sorted((folder / "ws" / "agendas" / "handlingar").rglob("*.pdf"))
        merge = [sys.executable, "-c", MERGE, str(folder / "merged.pdf"), *map(str, stored)]
        warm, plain = [], []
        for _ in range(args.runs):
            warm.append(timed(build))
            plain.append(timed(merge))
        from pypdf import PdfReader

        pages = len(PdfReader(out).pages)
        merged = len(PdfReader(folder / "merged.pdf").pages)
    w, p = statistics.median(warm), statistics.median(plain)
    print(f"package: {pages} pages; plain merge of its {len(stored)} PDF bilagor: {merged} pages")
    print(f"pypdf merge            {p:6.2f} s")
    print(f"package, cached        {w:6.2f} s   ratio {w / p:4.1f}x (goal <= 2x)")
    print(f"package, first build   {cold:6.2f} s   ratio {cold / p:4.1f}x (LibreOffice)")


if __name__ == "__main__":
    main()
