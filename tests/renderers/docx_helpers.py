"""Shared checks for Word exports: the whole package as text, and LibreOffice's verdict."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import zipfile
from functools import cache
from pathlib import Path

import pytest


def package_text(path: Path) -> str:
    """Every XML part of the .docx (body, headers, footers, properties) as one text."""
    with zipfile.ZipFile(path) as package:
        return "\n".join(
            package.read(name).decode("utf-8", "replace") for name in package.namelist()
        )


def require_libreoffice() -> str:
    """The LibreOffice program; the test fails in CI without it, else is skipped."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        if os.environ.get("NAMND_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("LibreOffice is required in CI but not installed")
        pytest.skip("LibreOffice is not installed")
    return office


@cache
def _profile() -> str:
    """This test process's own LibreOffice profile, made by the first conversion.

    Two LibreOffice processes on one profile (the user's default) clash: the second hands
    its work to the first or fails. Each pytest-xdist worker converts with its own.
    """
    return (Path(tempfile.mkdtemp(prefix="namnd-office-")) / "profil").as_uri()


def convert_to_pdf(path: Path, outdir: Path) -> Path:
    """LibreOffice converts ``path`` to PDF without error (required in CI, else skipped)."""
    office = require_libreoffice()
    profile = f"-env:UserInstallation={_profile()}"
    subprocess.run(
        [office, profile, "--headless", "--convert-to", "pdf", "--outdir", str(outdir), str(path)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = outdir / f"{path.stem}.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    return pdf
