"""A kill or an error half way through an export leaves the previous file as it was."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

import docx
import pytest

from namnd.atomic_files import TEMP_PREFIX, write_with
from namnd.cli.main import main


def _export(ws, capsys) -> None:
    assert (
        main(["--workspace", str(ws), "export", "kallelse", "2019-09-19", "--format", "docx"]) == 0
    )
    capsys.readouterr()


@pytest.fixture
def exported(demo_workspace, capsys):
    """A demo workspace with a good kallelse already exported; (folder, file, bytes)."""
    ws = demo_workspace.root
    _export(ws, capsys)
    (target,) = (ws / "agendas").glob("2019-09-19-*.docx")
    return ws, target, target.read_bytes()


def test_a_writer_that_fails_half_way_leaves_the_previous_file(tmp_path):
    target = tmp_path / "kallelse.md"
    target.write_text("den gamla, goda filen")

    def half_then_fail(temporary):
        temporary.write_text("halv")
        raise OSError("disken är full")

    with pytest.raises(OSError):
        write_with(target, half_then_fail)
    assert target.read_text() == "den gamla, goda filen"
    assert [p.name for p in tmp_path.iterdir()] == ["kallelse.md"]


def test_word_export_that_fails_during_save_keeps_the_previous_file(exported, monkeypatch, capsys):
    ws, target, before = exported

    def broken_save(self, path):
        with open(path, "wb") as handle:
            handle.write(b"PK\x03\x04 halv")
        raise OSError("disken är full")

    monkeypatch.setattr(docx.document.Document, "save", broken_save)
    with pytest.raises(OSError):
        main(["--workspace", str(ws), "export", "kallelse", "2019-09-19", "--format", "docx"])
    assert target.read_bytes() == before
    assert not [p for p in target.parent.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_sigkill_during_word_export_keeps_the_previous_file(exported):
    ws, target, before = exported
    script = textwrap.dedent(
        f"""
        import os, signal
        import docx.document
        from namnd.cli.main import main

        def killed_while_saving(self, path):
            with open(path, "wb") as handle:
                handle.write(b"PK\\x03\\x04 halv")
                handle.flush()
            os.kill(os.getpid(), signal.SIGKILL)

        docx.document.Document.save = killed_while_saving
        main(["--workspace", {str(ws)!r}, "export", "kallelse", "2019-09-19", "--format", "docx"])
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert target.read_bytes() == before
    assert docx.Document(str(target)).paragraphs  # still a readable Word file


def test_export_replaces_the_file_with_normal_permissions(exported, capsys):
    ws, target, _ = exported
    target.chmod(0o644)
    _export(ws, capsys)
    assert target.stat().st_mode & 0o777 == 0o644 & ~_umask()
    assert not [p for p in target.parent.iterdir() if p.name.startswith(TEMP_PREFIX)]


def _umask() -> int:
    import os

    current = os.umask(0)
    os.umask(current)
    return current


def test_every_writer_goes_through_the_atomic_helper():
    """No module writes a user's file in place: Word, text and bytes all use atomic_files."""
    import re
    from pathlib import Path

    import namnd

    src = Path(namnd.__file__).parent
    in_place = re.compile(r"\.save\(str\(|\.write_text\(|\.write_bytes\(|open\([^)]*['\"]w")
    offenders = [
        f"{path.relative_to(src)}:{number}"
        for path in src.rglob("*.py")
        if path.name != "atomic_files.py"
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if in_place.search(line)
    ]
    assert offenders == []
