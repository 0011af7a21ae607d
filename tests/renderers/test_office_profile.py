"""The LibreOffice profile namnd keeps in the user's cache folder, and its lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import docx

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
print(kept_office._kept.process.pid, flush=True)
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
    group = int(done.stdout.split()[0])
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
    deadline = time.monotonic() + 30
    while _group_alive(group):
        assert time.monotonic() < deadline, "LibreOffice outlived the process that kept it"
        time.sleep(0.1)


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
