"""PDF/A for publication and the archive, made from the Word export by LibreOffice.

The archive wants PDF/A and published documents must be accessible (DOS-lagen), so the
PDF is PDF/A-2 with tags. LibreOffice runs headless with its own throw-away profile, so a
LibreOffice the user has open is never disturbed.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from namnd.atomic_files import write_with
from namnd.errors import NamndError

FILTER = (
    'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},'
    '"UseTaggedPDF":{"type":"boolean","value":"true"}}'
)


def office_command() -> str:
    """The LibreOffice program, or a Swedish error saying what to do."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        raise NamndError(
            "PDF/A görs med LibreOffice, som inte finns på datorn. Installera LibreOffice "
            "eller exportera som Word (--format docx)."
        )
    return office


def convert_many(sources: list[Path], outdir: Path) -> None:
    """Convert every file of ``sources`` to PDF/A-2 in ``outdir``, in one LibreOffice run.

    One run for many files: starting LibreOffice costs seconds, converting a page
    milliseconds. ``outdir/STEM.pdf`` is made for each source; one that LibreOffice could
    not convert is named in the Swedish error (the stems must differ).
    """
    if not sources:
        return
    office = office_command()
    with tempfile.TemporaryDirectory(prefix="namnd-pdf-") as tmp:
        profile = (Path(tmp) / "profil").as_uri()
        result = subprocess.run(
            [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
             FILTER, "--outdir", str(outdir), *map(str, sources)],
            capture_output=True, text=True, timeout=120 + 30 * len(sources), check=False,
        )  # fmt: skip
    for source in sources:
        if not (outdir / f"{source.stem}.pdf").is_file():
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise NamndError(
                f"LibreOffice kunde inte göra PDF av {source.name}. {' '.join(detail[-1:])}".strip()
            )


def to_pdfa(docx: Path, pdf: Path) -> Path:
    """Convert ``docx`` to a tagged PDF/A-2 at ``pdf``."""
    office = office_command()
    with tempfile.TemporaryDirectory(prefix="namnd-pdf-") as tmp:
        profile = (Path(tmp) / "profil").as_uri()
        result = subprocess.run(
            [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", FILTER,
             "--outdir", tmp, str(docx)],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        produced = Path(tmp) / f"{docx.stem}.pdf"
        if result.returncode != 0 or not produced.is_file():
            detail = (result.stderr or result.stdout).strip()
            raise NamndError(f"LibreOffice kunde inte göra PDF av {docx.name}. {detail}".strip())
        write_with(pdf, lambda temporary: shutil.copyfile(produced, temporary))
    return pdf


def via_word(write_docx: Callable[[Path], Path], pdf: Path) -> Path:
    """Write the Word version with ``write_docx`` to a temporary file, then PDF/A at ``pdf``."""
    office_command()  # say it before any work is done
    with tempfile.TemporaryDirectory(prefix="namnd-docx-") as tmp:
        return to_pdfa(write_docx(Path(tmp) / f"{pdf.stem}.docx"), pdf)
