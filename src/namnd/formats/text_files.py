"""Reading text files whatever encoding a verksamhetssystem or an editor saved them in."""

from __future__ import annotations

import codecs
from pathlib import Path

from namnd.atomic_files import write_text
from namnd.errors import InvalidInput
from namnd.services.plain_text import check_text

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, *, name: str = "filen") -> str:
    """Decode bytes: BOM first, then UTF-8, then Windows-1252 (Excel's Swedish default).

    A cut-off UTF-16 file or a binary file (zero bytes left after decoding) is a Swedish
    error rather than a traceback or a screen of garbage.
    """
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
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise InvalidInput(unreadable) from err


def read_text(path: Path) -> str:
    """The file's text, with a Swedish error if it is missing or unreadable."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"Filen {path} finns inte.") from None
    except OSError as err:
        raise InvalidInput(f"Filen {path} kunde inte läsas: {err.strerror}.") from None
    return decode(data, name=str(path))


def text_or_file(text: str, path: Path | None) -> str | Path:
    """Write ``text`` as UTF-8 to ``path`` (folders made); without a path, return it."""
    if path is None:
        return text
    return write_text(path, text)
