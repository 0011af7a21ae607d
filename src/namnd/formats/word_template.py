"""Checking a kommun's Word template before an organ is set to use it.

The exports write their headings in Word's built-in styles: "Title" for the organ's
name on the first page, "Heading 1" for each ärende or §, "Heading 2" for their parts
(Förslag till beslut, Beslut, ANSLAG/BEVIS) and "Heading 3" for the headings inside a
text. A template without them still exports (``renderers.docx_document`` fills in
python-docx's plain ones), but then not in the kommun's look, so saving it on an organ
is refused with the names of the styles that are missing.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from namnd.errors import InvalidInput

#: The heading styles the kallelse and protokoll exports write (see module docstring).
HEADING_STYLES = ("Title", "Heading 1", "Heading 2", "Heading 3")


def organ_template(template_path: str) -> Path | None:
    """An organ's own Word template as stored (``~`` expanded), or None if it has none."""
    return Path(template_path).expanduser() if template_path else None


def check_word_template(path: Path) -> Path:
    """``path`` if it is a readable .docx with :data:`HEADING_STYLES`; else Swedish errors."""
    if path.suffix.casefold() != ".docx":
        raise InvalidInput(f"Mallen {path} är ingen Word-fil: välj en fil som slutar på .docx.")
    if not path.is_file():
        raise InvalidInput(f"Mallen {path} finns inte.")
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.LxmlError):
        raise InvalidInput(f"Mallen {path} kunde inte läsas som Word-dokument (.docx).") from None
    except OSError as err:
        raise InvalidInput(f"Mallen {path} kunde inte läsas: {err.strerror or err}.") from None
    names = {style.name for style in document.styles}
    missing = [name for name in HEADING_STYLES if name not in names]
    if missing:
        listed = ", ".join(f"”{name}”" for name in missing)
        raise InvalidInput(
            f"Mallen {path} saknar formatmallarna {listed} som kallelsen och protokollet "
            "använder för rubriker. Lägg till dem i Word (Format › Formatmallar) och spara "
            "mallen igen."
        )
    return path
