"""Control characters: refused in files that are read in, removed from text typed in.

An ESC sequence in a title would be written raw to the terminal by ``namnd agenda``, and
Word (XML) cannot hold most control characters at all, so a kallelse with one could not
be exported. Tab, line feed and carriage return are ordinary text and stay.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from namnd.errors import InvalidInput

T = TypeVar("T")

# C0 controls but tab, LF and CR; DEL; the C1 controls (U+009B is a terminal's CSI).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _describe(char: str) -> str:
    code = f"U+{ord(char):04X}"
    name = {"\x1b": "ESC", "\x00": "NUL", "\x7f": "DEL"}.get(char) or unicodedata.name(char, "")
    return f"{code} ({name})" if name else code


def _refusal(where: str, char: str) -> InvalidInput:
    return InvalidInput(
        f"{where}: styrtecknet {_describe(char)} hör inte hemma i en text; ta bort det "
        "(det kommer ofta från en kopiering ur ett annat program) och läs in filen igen."
    )


#: Every Latin-1 character that :data:`_CONTROL` lets through (tab, LF and CR too).
_LATIN1_TEXT = bytes(range(0x20, 0x7F)) + bytes(range(0xA0, 0x100)) + b"\t\n\r"


def _latin1_without_controls(text: str) -> bool:
    """Whether ``text`` is Latin-1 without a control character, found in C.

    An export's text is nearly always Latin-1 (å, ä, ö, é, §); its bytes with every text
    character deleted are empty exactly when it has no control character. About eight
    times faster than the regular expression over a 100 000-row list; wider text (an
    en dash) is left to the expression.
    """
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return not raw.translate(None, _LATIN1_TEXT)


def check_text(text: str, *, name: str) -> None:
    """Refuse ``text`` if it holds a control character, naming the line it is on."""
    if _latin1_without_controls(text):
        return
    found = _CONTROL.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        raise _refusal(f"{name}, rad {line}", found.group())


def check_rows(
    rows: Iterable[tuple[int, list[object]]], *, name: str
) -> Iterator[tuple[int, list[object]]]:
    """The rows of a table (line or sheet row, cells), refusing one with a control character."""
    for line, cells in rows:
        for cell in cells:
            found = _CONTROL.search(cell) if isinstance(cell, str) else None
            if found is not None:
                raise _refusal(f"{name}, rad {line}", found.group())
        yield line, cells


HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
"""A note in Markdown (``<!-- … -->``, or one left open to the end): never printed."""


def without_comments(text: str) -> str:
    """The text with its HTML comments removed: notes to oneself are never printed."""
    return HTML_COMMENT.sub("", text) if "<!--" in text else text


def plain_text(text: str) -> str:
    """``text`` without its control characters: what is typed or pasted into an editor."""
    return _CONTROL.sub("", text)


def cleaned(value: T) -> T:
    """``value`` with :func:`plain_text` applied to every text in it."""
    return map_texts(value, plain_text)


def map_texts(value: T, change: Callable[[str], str]) -> T:
    """``value`` with ``change`` applied to every text in it.

    Walks tuples, lists, dicts and dataclasses (a § with its yrkanden, votering and
    reservationer); enums and other values are kept as they are. Shared by the import
    cleaning here and the public projection (``rules.publication``).
    """
    if type(value) is str:
        return change(value)  # type: ignore[return-value,arg-type]
    if isinstance(value, tuple | list):
        return type(value)(map_texts(item, change) for item in value)
    if isinstance(value, dict):
        return {key: map_texts(item, change) for key, item in value.items()}  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: map_texts(getattr(value, f.name), change)
            for f in dataclasses.fields(value)
            if f.init
        }
        return dataclasses.replace(value, **changes)
    return value
