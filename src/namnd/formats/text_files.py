"""Reading text files whatever encoding a verksamhetssystem or an editor saved them in."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from namnd.atomic_files import write_text
from namnd.errors import InvalidInput
from namnd.rules.plain_text import check_text

#: The largest file read for import (a 400 000-row delegation list is about 35 MB).
MAX_FILE_MB = 64

# A multi-byte UTF-8 sequence: text that is UTF-8 somewhere. Windows-1252 Swedish text
# almost never holds one (å, ä, ö are single bytes followed by ASCII letters).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, *, name: str = "filen") -> str:
    """Decode bytes: BOM first, then UTF-8, then Windows-1252 (Excel's Swedish default).

    A cut-off UTF-16 file, a binary file (zero bytes left after decoding), a file over
    ``MAX_FILE_MB`` or one that is UTF-8 in parts and Windows-1252 elsewhere (which would
    be read as mojibake) is a Swedish error rather than a traceback or garbage.
    """
    check_size(len(data), name)
    text = _decode(data, name)
    if "\x00" in text:
        raise InvalidInput(f"{name} innehåller binära data och är ingen textfil.")
    check_text(text, name=name)
    return text


def _decode(data: bytes, name: str) -> str:
    unreadable = f"{name} går inte att läsa som text (varken UTF-8, UTF-16 eller Windows-1252)."
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise InvalidInput(f"{name} är avkortad eller skadad ({encoding}).") from err
    if data[:200].count(b"\x00") > 20:
        # UTF-16 without a BOM still has a zero byte beside every ASCII letter.
        try:
            return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
        except UnicodeDecodeError as err:
            raise InvalidInput(unreadable) from err
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        first_bad = err.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise InvalidInput(unreadable) from err
    if _UTF8_SEQUENCE.search(data):
        line = data.count(b"\n", 0, first_bad) + 1
        raise InvalidInput(
            f"{name} blandar teckenkodningar: rad {line} är inte UTF-8 (troligen "
            "Windows-1252), men andra rader är det. Spara hela filen som UTF-8 och försök igen."
        )
    return text


def check_size(size: int, name: str) -> None:
    """Refuse a file over ``MAX_FILE_MB`` before it is read or parsed."""
    if size > MAX_FILE_MB << 20:
        shown = f"{size / (1 << 20):.1f}".replace(".", ",")
        raise InvalidInput(
            f"{name} är för stor ({shown} MB; gränsen är {MAX_FILE_MB} MB). Dela upp filen."
        )


def read_file(path: Path) -> bytes:
    """The file's bytes, with a Swedish error if it is missing, unreadable or too big."""
    path = Path(path)
    try:
        check_size(path.stat().st_size, f"Filen {path}")
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"Filen {path} finns inte.") from None
    except OSError as err:
        raise InvalidInput(f"Filen {path} kunde inte läsas: {err.strerror}.") from None


def read_text(path: Path) -> str:
    """The file's text, with a Swedish error if it is missing or unreadable."""
    return decode(read_file(path), name=str(path))


def text_or_file(text: str, path: Path | None) -> str | Path:
    """Write ``text`` as UTF-8 to ``path`` (folders made); without a path, return it."""
    if path is None:
        return text
    return write_text(path, text)
