"""[fil: …] paths stay inside, files are what their extension says (formats.bilaga_files)."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfWriter

from namnd.errors import InvalidInput
from namnd.formats.bilaga_files import check_content, kind_of, read_bilaga, resolve_reference


def blank_pdf(*, password: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zipped(members: dict[str, bytes]) -> bytes:
    """A zip of ``members`` with a fixed date, so the same call gives the same bytes.

    The bytes are test parameters: pytest-xdist refuses to run when its workers, which
    collect at different moments, see different ids.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data)
    return out.getvalue()


@pytest.fixture
def tree(tmp_path):
    """workspace/agendas/kallelse.md beside data/, and a folder outside the workspace."""
    workspace = tmp_path / "ws"
    base = workspace / "agendas"
    (base / "data").mkdir(parents=True)
    (base / "data" / "rapport.pdf").write_bytes(blank_pdf())
    (workspace / "delat").mkdir()
    (workspace / "delat" / "lista.tsv").write_text("a\tb\n1\t2\n")
    outside = tmp_path / "utanfor"
    outside.mkdir()
    (outside / "hemlig.pdf").write_bytes(blank_pdf())
    return workspace, base, outside


def test_a_relative_path_inside_the_folder_is_read(tree):
    workspace, base, _ = tree
    path = resolve_reference("data/rapport.pdf", base=base, workspace_root=workspace)
    assert path == (base / "data" / "rapport.pdf").resolve()
    assert read_bilaga(path).startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("reference", "says"),
    [
        ("../delat/lista.tsv", "uppåt"),
        ("data/../../utanfor/hemlig.pdf", "uppåt"),
        ("/etc/passwd", "relativ"),
        ("~/hemlig.pdf", "relativ"),
        ("C:/Users/x/hemlig.pdf", "relativ"),
        ("data\\rapport.pdf", "relativ"),
        ("", "saknar"),
    ],
)
def test_paths_that_leave_are_refused(tree, reference, says):
    workspace, base, _ = tree
    with pytest.raises(InvalidInput, match=says):
        resolve_reference(reference, base=base, workspace_root=workspace)


def test_a_symlink_leading_out_is_refused_one_inside_is_not(tree):
    workspace, base, outside = tree
    os.symlink(outside / "hemlig.pdf", base / "data" / "lank.pdf")
    os.symlink(outside, base / "data" / "mapp")
    os.symlink(workspace / "delat" / "lista.tsv", base / "data" / "inne.tsv")
    for reference in ("data/lank.pdf", "data/mapp/hemlig.pdf"):
        with pytest.raises(InvalidInput, match="leder ut"):
            resolve_reference(reference, base=base, workspace_root=workspace)
    assert resolve_reference("data/inne.tsv", base=base, workspace_root=workspace).is_file()


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(["..", ".", "data", "x", "", "~", "/", "\\", "C:", "..."]), max_size=6
    ).map("/".join)
)
def test_no_reference_resolves_outside_the_folder_or_workspace(tree, reference):
    workspace, base, _ = tree
    try:
        path = resolve_reference(reference, base=base, workspace_root=workspace)
    except InvalidInput:
        return
    real_workspace = workspace.resolve()
    assert path == real_workspace or real_workspace in path.parents


@settings(max_examples=100)
@given(st.binary(max_size=64), st.sampled_from([".pdf", ".docx", ".xlsx", ".odt", ".png", ".jpg"]))
def test_random_bytes_are_never_taken_for_a_document(data, suffix):
    # Random bytes may happen to start like a PNG or JPEG only if hypothesis writes the
    # magic itself; anything else is refused with the file named.
    try:
        check_content(data, suffix, "x" + suffix)
    except InvalidInput as err:
        assert "x" + suffix in str(err)
    else:
        assert suffix in (".png", ".jpg") and data[:3] in (b"\x89PN", b"\xff\xd8\xff")


@pytest.mark.parametrize(
    ("suffix", "data"),
    [
        (".pdf", b"MZ\x90\x00 a Windows program"),
        (".docx", blank_pdf()),
        (".docx", zipped({"xl/workbook.xml": b"<x/>"})),
        (".xlsx", zipped({"word/document.xml": b"<x/>"})),
        (".odt", zipped({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})),
        (".png", b"\xff\xd8\xff\xe0 a jpeg"),
        (".jpeg", b"\x89PNG\r\n\x1a\n"),
        (".tsv", b"\x00\x01\x02" * 50),
    ],
)
def test_a_file_that_is_not_what_its_extension_says_is_refused(suffix, data):
    with pytest.raises(InvalidInput, match=r"filen rapport\..* (är inte|binära)"):
        check_content(data, suffix, f"rapport{suffix}")


def test_real_kinds_pass():
    check_content(blank_pdf(), ".pdf", "a.pdf")
    check_content(zipped({"word/document.xml": b"<w/>"}), ".docx", "a.docx")
    check_content(zipped({"xl/workbook.xml": b"<w/>"}), ".xlsx", "a.xlsx")
    check_content(zipped({"mimetype": b"application/vnd.oasis.opendocument.text"}), ".odt", "a.odt")
    check_content("Beslutsfattare\tDatum\nÅsa\t20190801\n".encode(), ".tsv", "a.tsv")


def test_an_encrypted_pdf_and_a_broken_one_are_refused():
    with pytest.raises(InvalidInput, match="krypterad"):
        check_content(blank_pdf(password="hemligt"), ".pdf", "a.pdf")
    with pytest.raises(InvalidInput, match="skadad"):
        check_content(b"%PDF-1.7\nnothing else", ".pdf", "a.pdf")


def test_unknown_extensions_missing_and_unreadable_files(tmp_path):
    with pytest.raises(InvalidInput, match=r"filtypen ”\.exe”"):
        kind_of("program.exe")
    with pytest.raises(InvalidInput, match="finns inte"):
        read_bilaga(tmp_path / "saknas.pdf")
    locked = tmp_path / "last.pdf"
    locked.write_bytes(blank_pdf())
    locked.chmod(0)
    try:
        if os.geteuid() != 0:  # root reads anything
            with pytest.raises(InvalidInput, match="går inte att läsa"):
                read_bilaga(locked)
    finally:
        locked.chmod(0o644)
