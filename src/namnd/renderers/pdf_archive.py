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
from namnd.renderers import kept_office, process_group

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
def office_profile(*, keep: bool = True) -> Iterator[str]:
    """The ``-env:UserInstallation=`` URL for one LibreOffice run.

    LibreOffice on a new profile first builds its settings and tests its graphics, about a
    second of every conversion, so namnd keeps one profile in the user's cache folder and
    reuses it. Only one LibreOffice at a time may run on a profile (a second hands its
    work to the first or fails), so the kept one is taken under a file lock; while another
    namnd process holds it, this run gets a throw-away profile, as every run once did.
    In a process that asked for it, LibreOffice stays running on the kept profile
    (``renderers.kept_office``) unless ``keep`` is false.
    """
    from filelock import FileLock, Timeout

    folder = _kept_profile_folder()
    kept_running = kept_office.running_on(folder) if keep else None
    if kept_running is not None:
        yield kept_running.url  # this process holds the profile: the work is handed over
        return
    # Not bound to this thread: the thread that stops a kept LibreOffice releases it.
    lock = FileLock(folder / "profil.lock", timeout=0, thread_local=False)
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
    if keep and kept_office.start(office_command(), folder, lock):
        yield kept.as_uri()  # to the LibreOffice now running there, which holds the lock
        return
    try:
        yield kept.as_uri()
    finally:
        lock.release()


#: Seconds a LibreOffice run may take: to start (and build a new profile), and per file.
START_SECONDS = 120.0
SECONDS_PER_FILE = 30.0


def _run(arguments: list[str], expected: list[Path]) -> subprocess.CompletedProcess[str]:
    """Run LibreOffice headless with ``arguments`` on namnd's profile, to make ``expected``.

    Work handed to a LibreOffice kept running comes back without LibreOffice's own
    message, so if it made not all of ``expected`` that one is stopped (it may be what
    failed) and the work is done again by a LibreOffice of its own, whose message the
    Swedish error then quotes.
    """
    with office_profile() as profile:
        handed_over = kept_office.runs_at(profile)
        result = _office(profile, arguments, len(expected), handed_over=handed_over)
    if handed_over and not all(path.is_file() for path in expected):
        kept_office.stop()
        with office_profile(keep=False) as profile:
            result = _office(profile, arguments, len(expected), handed_over=False)
    return result


def _office(
    profile: str, arguments: list[str], files: int, *, handed_over: bool
) -> subprocess.CompletedProcess[str]:
    """One LibreOffice run; one that does not finish in time is ended, with a Swedish error."""
    command = [office_command(), f"-env:UserInstallation={profile}", "--headless", *arguments]
    allowed = START_SECONDS + SECONDS_PER_FILE * files
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        stdout, stderr = process.communicate(timeout=allowed)
    except subprocess.TimeoutExpired:
        process_group.end(process, grace=2)
        process.communicate()
        if handed_over:
            kept_office.stop(grace=0)  # it did not answer: the next one starts another
        raise NamndError(
            f"LibreOffice blev inte klar på {allowed:.0f} sekunder och har stoppats. "
            "Försök igen; hjälper det inte, exportera som Word (--format docx)."
        ) from None
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def convert_many(sources: list[Path], outdir: Path) -> None:
    """Convert every file of ``sources`` to PDF/A-2 in ``outdir``, in one LibreOffice run.

    One run for many files: starting LibreOffice costs seconds, converting a page
    milliseconds. ``outdir/STEM.pdf`` is made for each source; one that LibreOffice could
    not convert is named in the Swedish error (the stems must differ).
    """
    if not sources:
        return
    expected = [outdir / f"{source.stem}.pdf" for source in sources]
    result = _run(["--convert-to", FILTER, "--outdir", str(outdir), *map(str, sources)], expected)
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
        produced = Path(tmp) / f"{docx.stem}.pdf"
        result = _run(["--convert-to", FILTER, "--outdir", tmp, str(docx)], [produced])
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
