"""Reading text files whatever encoding a verksamhetssystem or an editor saved them in."""

from __future__ import annotations

import codecs
from pathlib import Path

from namnd.errors import InvalidInput

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, *, name: str = "filen") -> str:
    """Decode bytes: BOM first, then UTF-8, then Windows-1252 (Excel's Swedish default)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if data[:200].count(b"\x00") > 20:
        # UTF-16 without a BOM still has a zero byte beside every ASCII letter.
        return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise InvalidInput(
            f"{name} går inte att läsa som text (varken UTF-8, UTF-16 eller Windows-1252)."
        ) from err


def read_text(path: Path) -> str:
    """The file's text, with a Swedish error if it is missing or unreadable."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"Filen {path} finns inte.") from None
    except OSError as err:
        raise InvalidInput(f"Filen {path} kunde inte läsas: {err.strerror}.") from None
    return decode(data, name=str(path))
