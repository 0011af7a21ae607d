"""Shared checks for Word exports: the whole package as text, and LibreOffice's verdict."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
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


def convert_to_pdf(path: Path, outdir: Path) -> Path:
    """LibreOffice converts ``path`` to PDF without error (required in CI, else skipped).

    On the profile the product converts with (``pdf_archive.office_profile``): kept per
    test process (the conftest gives each its own cache folder), so no start pays for a
    new one.
    """
    from namnd.renderers.pdf_archive import office_profile

    office = require_libreoffice()
    with office_profile() as profile:
        subprocess.run(
            [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(outdir), str(path)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    pdf = outdir / f"{path.stem}.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    return pdf
