"""The LibreOffice profile namnd keeps in the user's cache folder, and its lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import docx
import pytest

from namnd.errors import NamndError
from namnd.formats.public_files import page_texts
from namnd.renderers import kept_office, pdf_archive
from namnd.renderers.pdf_archive import office_profile
from tests.renderers.docx_helpers import require_libreoffice


def _path(url: str) -> Path:
    return Path(unquote(urlparse(url).path))


def test_the_kept_profile_is_reused_and_a_second_taker_gets_its_own(tmp_path, monkeypatch):
    monkeypatch.setattr(kept_office, "_wanted", False)  # a one-shot CLI process
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    kept = tmp_path / "cache" / "namnd" / "libreoffice" / "profil"
    with office_profile() as first:
        assert _path(first) == kept
        with office_profile() as second:  # another namnd process, converting meanwhile
            assert _path(second) != kept and not _path(second).is_relative_to(kept.parent)
            _path(second).mkdir(parents=True)
        assert not _path(second).exists(), "the throw-away profile is removed"
    with office_profile() as again:
        assert _path(again) == kept


def test_a_lock_left_by_a_killed_libreoffice_is_cleared(tmp_path, monkeypatch):
    monkeypatch.setattr(kept_office, "_wanted", False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with office_profile() as url:
        _path(url).mkdir(parents=True)
        (_path(url) / "user").mkdir()
        (_path(url) / ".lock").write_text("host,pid")
    with office_profile() as url:
        assert not (_path(url) / ".lock").exists() and (_path(url) / "user").is_dir()


def _child_cpu() -> float:
    times = os.times()
    return times.children_user + times.children_system


def test_a_process_that_keeps_libreoffice_hands_later_conversions_to_it(tmp_path, monkeypatch):
    """As the TUI converts: the first conversion leaves LibreOffice running on the kept
    profile; later ones are handed to it (the program started for them only passes the
    work on: hundredths of a second of CPU, not the second a LibreOffice costs to start)."""
    require_libreoffice()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(kept_office, "_wanted", True)
    monkeypatch.setattr(kept_office, "_kept", None)  # this test's own, in its folder
    source = tmp_path / "beslut.docx"
    document = docx.Document()
    document.add_paragraph("Nämnden beslutar att godkänna rapporten.")
    document.save(str(source))
    try:
        pdf_archive.to_pdfa(source, tmp_path / "first.pdf")
        resident = kept_office._kept
        assert resident is not None and resident.running()
        before = _child_cpu()
        pdf_archive.to_pdfa(source, tmp_path / "second.pdf")
        assert _child_cpu() - before < 0.3, "the second conversion started a LibreOffice"
        assert kept_office._kept is resident and resident.running()
        for name in ("first.pdf", "second.pdf"):
            assert "godkänna rapporten" in " ".join(page_texts((tmp_path / name).read_bytes()))

        resident.stop()  # as at exit: LibreOffice ends and the profile is free again
        assert not resident.running()
        pdf_archive.to_pdfa(source, tmp_path / "third.pdf")  # one that ended is started anew
        assert kept_office._kept is not resident and kept_office._kept.running()
    finally:
        if kept_office._kept is not None:
            kept_office._kept.stop()


KILLED_HARD = """
import os, signal, sys
from pathlib import Path
from namnd.renderers import kept_office, pdf_archive
kept_office.keep_office_running()
pdf_archive.to_pdfa(Path(sys.argv[1]), Path(sys.argv[2]))
print(kept_office._kept.process.pid, kept_office._kept.pipe, flush=True)
os.kill(os.getpid(), signal.SIGKILL)  # no exit handlers: as a crash or kill -9
"""


def test_libreoffice_kept_by_a_process_killed_hard_ends_with_it(tmp_path, monkeypatch):
    require_libreoffice()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = tmp_path / "beslut.docx"
    document = docx.Document()
    document.add_paragraph("Nämnden beslutar att godkänna rapporten.")
    document.save(str(source))
    done = subprocess.run(
        [sys.executable, "-c", KILLED_HARD, str(source), str(tmp_path / "out.pdf")],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert done.returncode == -signal.SIGKILL, done.stderr
    group, pipe = done.stdout.split()
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
    deadline = time.monotonic() + 30
    while _group_alive(int(group)):
        assert time.monotonic() < deadline, "LibreOffice outlived the process that kept it"
        time.sleep(0.1)
    assert not [path for path in kept_office.pipe_paths(pipe) if path.exists()], "its pipe"


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_libreoffice_that_never_comes_up_is_stopped_and_each_conversion_runs_alone(
    tmp_path, monkeypatch
):
    """Its pipe not seen in time (LibreOffice made it elsewhere): the export still ends."""
    require_libreoffice()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(kept_office, "_wanted", True)
    monkeypatch.setattr(kept_office, "_kept", None)
    monkeypatch.setattr(kept_office, "PIPE_FOLDERS", (tmp_path / "elsewhere",))
    monkeypatch.setattr(kept_office, "START_TIMEOUT", 2.0)
    started: list[subprocess.Popen[bytes]] = []
    real_popen = subprocess.Popen

    def popen(*args, **kwargs):
        started.append(real_popen(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(kept_office.subprocess, "Popen", popen)
    source = tmp_path / "beslut.docx"
    document = docx.Document()
    document.add_paragraph("Nämnden beslutar att godkänna rapporten.")
    document.save(str(source))
    pdf_archive.to_pdfa(source, tmp_path / "out.pdf")
    assert "godkänna rapporten" in " ".join(page_texts((tmp_path / "out.pdf").read_bytes()))
    kept = [process for process in started if process.args[0] == "sh"]
    assert len(kept) == 1 and kept[0].poll() is not None, "the one tried is stopped"
    assert kept_office._kept is None and not kept_office._wanted, "and not tried again"
    for pipe in kept[0].args[5].split(":"):  # where it did make it, this test's leftover
        Path(pipe.replace(str(tmp_path / "elsewhere"), "/tmp")).unlink(missing_ok=True)


def _decision(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Nämnden beslutar att godkänna rapporten.")
    document.save(str(path))
    return path


def _keep_office_here(tmp_path: Path, monkeypatch) -> None:
    """Kept LibreOffice wanted, with this test's own profile folder and none running yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(kept_office, "_wanted", True)
    monkeypatch.setattr(kept_office, "_kept", None)


def test_conversions_in_worker_threads_share_it_and_any_thread_may_stop_it(tmp_path, monkeypatch):
    """As the TUI exports: in worker threads, two at once; it is stopped from another."""
    require_libreoffice()
    _keep_office_here(tmp_path, monkeypatch)
    source = _decision(tmp_path / "beslut.docx")
    errors: list[BaseException] = []

    def convert(name: str) -> None:
        try:
            pdf_archive.to_pdfa(source, tmp_path / name)
        except BaseException as err:
            errors.append(err)

    try:
        first = threading.Thread(target=convert, args=("first.pdf",))
        first.start()
        first.join()
        resident = kept_office._kept
        assert resident is not None and resident.running(), errors
        both = [threading.Thread(target=convert, args=(f"{n}.pdf",)) for n in ("a", "b")]
        for thread in both:
            thread.start()
        for thread in both:
            thread.join()
        assert not errors
        for name in ("first.pdf", "a.pdf", "b.pdf"):
            assert "godkänna rapporten" in " ".join(page_texts((tmp_path / name).read_bytes()))
    finally:
        kept_office.stop()  # this thread did not start it
    assert not _group_alive(resident.process.pid), "the whole group is gone once stopped"
    monkeypatch.setattr(kept_office, "_wanted", False)
    with office_profile() as url:
        assert _path(url) == tmp_path / "cache" / "namnd" / "libreoffice" / "profil", (
            "the profile's lock was released by the thread that stopped it"
        )


def test_a_kept_libreoffice_that_hangs_is_stopped_and_the_export_says_so(tmp_path, monkeypatch):
    require_libreoffice()
    _keep_office_here(tmp_path, monkeypatch)
    source = _decision(tmp_path / "beslut.docx")
    pdf_archive.to_pdfa(source, tmp_path / "first.pdf")
    hung = kept_office._kept
    assert hung is not None
    os.killpg(hung.process.pid, signal.SIGSTOP)  # it no longer answers
    monkeypatch.setattr(pdf_archive, "START_SECONDS", 3.0)
    monkeypatch.setattr(pdf_archive, "SECONDS_PER_FILE", 0.0)
    try:
        with pytest.raises(NamndError, match="blev inte klar på 3 sekunder och har stoppats"):
            pdf_archive.to_pdfa(source, tmp_path / "second.pdf")
        assert kept_office._kept is None and not _group_alive(hung.process.pid)
        monkeypatch.setattr(pdf_archive, "START_SECONDS", 120.0)
        pdf_archive.to_pdfa(source, tmp_path / "third.pdf")  # on one started anew
        assert kept_office._kept is not None and kept_office._kept is not hung
        assert "godkänna rapporten" in " ".join(page_texts((tmp_path / "third.pdf").read_bytes()))
    finally:
        kept_office.stop()
        if _group_alive(hung.process.pid):
            os.killpg(hung.process.pid, signal.SIGKILL)


def test_work_the_kept_one_cannot_do_is_done_again_alone_for_libreoffice_s_reason(
    tmp_path, monkeypatch
):
    """Handed over, a failure comes back without LibreOffice's message: it is asked again."""
    require_libreoffice()
    _keep_office_here(tmp_path, monkeypatch)
    source = _decision(tmp_path / "beslut.docx")
    try:
        pdf_archive.to_pdfa(source, tmp_path / "first.pdf")
        assert kept_office._kept is not None
        with pytest.raises(NamndError) as refused:
            pdf_archive.convert_many([tmp_path / "saknas.docx"], tmp_path)
        alone = subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
             str(tmp_path / "saknas.docx")],
            capture_output=True, text=True, timeout=120,
            env={**os.environ, "HOME": str(tmp_path / "home")},
        )  # fmt: skip
        reason = (alone.stderr or alone.stdout).strip().splitlines()[-1]
        assert str(refused.value) == f"LibreOffice kunde inte göra PDF av saknas.docx. {reason}"
    finally:
        kept_office.stop()
