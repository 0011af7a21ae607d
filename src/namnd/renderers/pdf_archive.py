"""PDF/A for publication and the archive, made from the Word export by LibreOffice.

The archive wants PDF/A and published documents must be accessible (DOS-lagen), so the
PDF is PDF/A-2 with tags. LibreOffice runs headless on a profile of namnd's own (see
``office_profile``), so a LibreOffice the user has open is never disturbed.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


def _kept_profile_folder() -> Path:
    """Where the kept profile lives: the user's cache folder (platformdirs)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("namnd", appauthor=False)) / "libreoffice"


@contextmanager
def office_profile() -> Iterator[str]:
    """The ``-env:UserInstallation=`` URL for one LibreOffice run.

    LibreOffice on a new profile first builds its settings and tests its graphics, about a
    second of every conversion, so namnd keeps one profile in the user's cache folder and
    reuses it. Only one LibreOffice at a time may run on a profile (a second hands its
    work to the first or fails), so the kept one is taken under a file lock; while another
    namnd process holds it, this run gets a throw-away profile, as every run once did.
    In a process that asked for it, LibreOffice stays running on the kept profile
    (``renderers.kept_office``).
    """
    from filelock import FileLock, Timeout

    from namnd.renderers import kept_office

    folder = _kept_profile_folder()
    kept_running = kept_office.running_on(folder)
    if kept_running is not None:
        yield kept_running.url  # this process holds the profile: the work is handed over
        return
    lock = FileLock(folder / "profil.lock", timeout=0)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except (OSError, Timeout):
        kept = None
    else:
        kept = folder / "profil"
    if kept is None:
        with tempfile.TemporaryDirectory(prefix="namnd-office-") as tmp:
            yield (Path(tmp) / "profil").as_uri()
        return
    # Held by us alone now: a lock file there was left by a LibreOffice that was killed.
    (kept / ".lock").unlink(missing_ok=True)
    if kept_office.start(office_command(), folder, lock):
        yield kept.as_uri()  # to the LibreOffice now running there, which holds the lock
        return
    try:
        yield kept.as_uri()
    finally:
        lock.release()


def _run(arguments: list[str], *, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run LibreOffice headless with ``arguments`` on namnd's profile."""
    office = office_command()
    with office_profile() as profile:
        return subprocess.run(
            [office, f"-env:UserInstallation={profile}", "--headless", *arguments],
            capture_output=True, text=True, timeout=timeout, check=False,
        )  # fmt: skip


def convert_many(sources: list[Path], outdir: Path) -> None:
    """Convert every file of ``sources`` to PDF/A-2 in ``outdir``, in one LibreOffice run.

    One run for many files: starting LibreOffice costs seconds, converting a page
    milliseconds. ``outdir/STEM.pdf`` is made for each source; one that LibreOffice could
    not convert is named in the Swedish error (the stems must differ).
    """
    if not sources:
        return
    result = _run(
        ["--convert-to", FILTER, "--outdir", str(outdir), *map(str, sources)],
        timeout=120 + 30 * len(sources),
    )
    for source in sources:
        if not (outdir / f"{source.stem}.pdf").is_file():
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise NamndError(
                f"LibreOffice kunde inte göra PDF av {source.name}. {' '.join(detail[-1:])}".strip()
            )


def to_pdfa(docx: Path, pdf: Path) -> Path:
    """Convert ``docx`` to a tagged PDF/A-2 at ``pdf``."""
    office_command()  # say it before any work is done
    with tempfile.TemporaryDirectory(prefix="namnd-pdf-") as tmp:
        result = _run(["--convert-to", FILTER, "--outdir", tmp, str(docx)], timeout=300)
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
