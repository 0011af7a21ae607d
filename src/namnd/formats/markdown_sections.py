"""Splitting the agenda and protokoll files into ``##`` blocks and their ``###`` parts.

Both formats are the same shape: YAML front matter, then one ``##`` block per ärende or
paragraf with ``Nyckel: värde`` lines and named ``###`` parts. Fenced code is skipped, so
a ``#`` inside it is text. Every mistake is a :class:`FileFormatError` naming its line.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from namnd.errors import InvalidInput

FENCE = re.compile(r"^(```|~~~)")
_PART = re.compile(r"^### (.+?)\s*$")


class FileFormatError(InvalidInput):
    """A mistake in an agenda or protokoll file, with the line it is on."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"rad {line}: {message}")
        self.line = line


def find_blocks(
    lines: list[str], start: int, heading: re.Pattern[str], *, expected: str, before: str
) -> list[tuple[int, re.Match[str], int]]:
    """(heading index, match, stop index) of every ``##`` block from ``start``.

    ``expected`` and ``before`` are the messages for a wrong ``#``/``##`` heading and for
    text before the first block.
    """
    found: list[tuple[int, re.Match[str]]] = []
    in_fence = False
    for index in range(start, len(lines)):
        line = lines[index]
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        match = heading.match(line)
        if match:
            found.append((index, match))
        elif line.startswith("## ") or line.startswith("# "):
            raise FileFormatError(index + 1, expected)
        elif not found and line.strip():
            raise FileFormatError(index + 1, before)
    stops = [index for index, _ in found[1:]] + [len(lines)] if found else []
    return [(index, match, stop) for (index, match), stop in zip(found, stops, strict=True)]


def split_parts(
    lines: list[str], start: int, stop: int, allowed: Collection[str], *, where: str, stray: str
) -> dict[str, tuple[int, list[str]]]:
    """The ``###`` parts between ``start`` and ``stop``: name → (heading line, body lines).

    ``where`` names the block in the duplicate message ("ärendet"); ``stray`` is the
    message for text outside any part.
    """
    parts: dict[str, tuple[int, list[str]]] = {}
    current: str | None = None
    in_fence = False
    for i in range(start, stop):
        line = lines[i]
        if FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _PART.match(line)
        if match:
            name = match[1]
            if name not in allowed:
                raise FileFormatError(
                    i + 1, f"okänd rubrik ”{name}” (tillåtna: {', '.join(allowed)})."
                )
            if name in parts:
                raise FileFormatError(i + 1, f"rubriken ”{name}” finns redan i {where}.")
            current = name
            parts[name] = (i + 1, [])
        elif current is not None:
            parts[current][1].append(line)
        elif line.strip():
            raise FileFormatError(i + 1, stray)
    return parts


def key_lines(lines: list[str], heading: int, stop: int) -> tuple[list[tuple[int, str]], int]:
    """The ``Nyckel: värde`` lines right under a heading, and the index where parts begin.

    Each line comes with its 1-based line number for error messages.
    """
    index = heading + 1
    while index < stop and not lines[index].strip():
        index += 1
    found = []
    while index < stop and lines[index].strip() and not lines[index].startswith("#"):
        found.append((index + 1, lines[index]))
        index += 1
    return found, index
