"""A bilaga as a file: which files are accepted, and where an agenda file may point.

A ``[fil: PATH]`` in an agenda file is read relative to that file and must stay inside
its folder or the workspace: no absolute path, no ``..``, no symlink leading out. (A
file the user picks in the TUI may come from anywhere; only its kind is checked.) A file
must be what its extension says, judged by its first bytes, so a renamed program or a
half-downloaded PDF is refused before anything is copied; an encrypted PDF is refused
too, since it could be neither merged nor archived.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from namnd.errors import InvalidInput
from namnd.formats.text_files import MAX_FILE_MB, decode


@dataclass(frozen=True)
class FileKind:
    """One accepted kind of bilaga file."""

    label: str
    #: How the package turns it into pages: "pdf" as it is, "office" by LibreOffice,
    #: "image" on a page of its own, "table" as a table (an XLSX: its first sheet).
    route: str


KINDS: dict[str, FileKind] = {
    ".pdf": FileKind("PDF", "pdf"),
    ".docx": FileKind("Word-dokument (DOCX)", "office"),
    ".odt": FileKind("OpenDocument-text (ODT)", "office"),
    ".xlsx": FileKind("Excel-arbetsbok (XLSX)", "table"),
    ".png": FileKind("PNG-bild", "image"),
    ".jpg": FileKind("JPEG-bild", "image"),
    ".jpeg": FileKind("JPEG-bild", "image"),
    ".tsv": FileKind("tabbseparerad tabell (TSV)", "table"),
    ".csv": FileKind("kommaseparerad tabell (CSV)", "table"),
}

_DRIVE = re.compile(r"^[A-Za-z]:")
_ZIP_MEMBER = {".docx": "word/document.xml", ".xlsx": "xl/workbook.xml"}
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def kind_of(path: Path | str) -> FileKind:
    """The kind a file name's extension promises, or a Swedish error listing the accepted."""
    suffix = Path(path).suffix.casefold()
    if suffix not in KINDS:
        accepted = ", ".join(sorted({s.lstrip(".").upper() for s in KINDS}))
        raise InvalidInput(
            f"filtypen ”{suffix or 'utan ändelse'}” går inte (tillåtna: {accepted})."
        )
    return KINDS[suffix]


def resolve_reference(reference: str, *, base: Path, workspace_root: Path) -> Path:
    """The file an agenda file's ``[fil: reference]`` names, checked to stay inside.

    ``base`` is the agenda file's folder. Allowed: a relative path without ``..`` whose
    real location (symlinks followed) is inside ``base`` or ``workspace_root``.
    """
    text = reference.strip()
    if not text:
        raise InvalidInput("[fil: …] saknar sökväg.")
    if text.startswith(("/", "\\", "~")) or _DRIVE.match(text) or "\\" in text:
        raise InvalidInput(
            f"sökvägen ”{text}” ska vara relativ till kallelsefilen (t.ex. data/rapport.pdf)."
        )
    if ".." in PurePosixPath(text).parts:
        raise InvalidInput(f"sökvägen ”{text}” får inte gå uppåt med ”..”.")
    real = (base / text).resolve()
    allowed = [base.resolve(), workspace_root.resolve()]
    if not any(real == folder or folder in real.parents for folder in allowed):
        raise InvalidInput(f"sökvägen ”{text}” leder ut ur kallelsens mapp och arbetsmappen.")
    return real


def read_bilaga(path: Path) -> bytes:
    """The file's bytes, checked to be a readable file of the kind its extension says."""
    kind_of(path)
    name = path.name
    if not path.is_file():
        raise InvalidInput(f"filen {name} finns inte.")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_MB * 1024 * 1024:
            raise InvalidInput(f"filen {name} är större än {MAX_FILE_MB} MB.")
        data = path.read_bytes()
    except OSError as err:
        raise InvalidInput(f"filen {name} går inte att läsa ({err.strerror}).") from None
    check_content(data, path.suffix.casefold(), name)
    return data


def check_content(data: bytes, suffix: str, name: str) -> None:
    """Refuse bytes that are not what ``suffix`` promises, or an encrypted PDF."""
    label = KINDS[suffix].label
    wrong = InvalidInput(f"filen {name} är inte en {label}, fast namnet säger det.")
    if suffix == ".pdf":
        if b"%PDF-" not in data[:1024]:
            raise wrong
        _check_pdf(data, name)
    elif suffix in (".docx", ".xlsx", ".odt"):
        if not data.startswith(b"PK\x03\x04"):
            raise wrong
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if suffix == ".odt":
                    ok = "mimetype" in names and archive.read("mimetype").strip() == _ODT_MIMETYPE
                else:
                    ok = _ZIP_MEMBER[suffix] in names
        except (zipfile.BadZipFile, KeyError, OSError):
            raise wrong from None
        if not ok:
            raise wrong
    elif suffix == ".png":
        if not data.startswith(b"\x89PNG\r\n\x1a\n"):
            raise wrong
    elif suffix in (".jpg", ".jpeg"):
        if not data.startswith(b"\xff\xd8\xff"):
            raise wrong
    else:  # a table: text in one of the encodings the delegation import reads
        try:
            decode(data, name=f"filen {name}")
        except InvalidInput as err:
            raise InvalidInput(f"{wrong} ({err})") from None


def _check_pdf(data: bytes, name: str) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InvalidInput(
                f"filen {name} är en krypterad (lösenordsskyddad) PDF; spara den utan "
                "lösenord och försök igen."
            )
        if len(reader.pages) == 0:
            raise InvalidInput(f"filen {name} är en PDF utan sidor.")
    except InvalidInput:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        raise InvalidInput(f"filen {name} är en skadad PDF som inte går att läsa.") from None


def sha256(data: bytes) -> str:
    """The hex SHA-256 of a file's bytes, recorded to notice a later change."""
    return hashlib.sha256(data).hexdigest()
