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
# A line the splitters below would read as structure (a #, ## or ### heading, a fence),
# after any backslashes a text line was escaped with.
_STRUCTURE = re.compile(r"^\\*(?:#{1,3} |```|~~~)")
_ESCAPED = re.compile(r"^\\+(?:#{1,3} |```|~~~)")


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


def escape_text(text: str) -> str:
    """A text field as the file holds it: no line of it reads as the file's structure.

    A line that would be a ``#``/``##``/``###`` heading or a code fence gets a leading
    backslash (CommonMark's own escape, so it renders the same); a line that already
    starts with backslashes before one gets one more, so :func:`unescape_text` gives the
    text back exactly. Fences that open and close within the text stay, and what is
    between them is left alone (the splitters skip it); a fence left open is escaped.
    """
    lines = text.split("\n")
    fences = [i for i, line in enumerate(lines) if FENCE.match(line)]
    unclosed = fences[-1] if len(fences) % 2 else None
    out, in_fence = [], False
    for i, line in enumerate(lines):
        if i == unclosed:
            out.append("\\" + line)
        elif FENCE.match(line):
            in_fence = not in_fence
            out.append(line)
        elif not in_fence and _STRUCTURE.match(line):
            out.append("\\" + line)
        else:
            out.append(line)
    return "\n".join(out)


def unescape_text(text: str) -> str:
    """The text a field's lines in the file stand for: :func:`escape_text` undone."""
    out, in_fence = [], False
    for line in text.split("\n"):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and _ESCAPED.match(line):
            line = line[1:]
        out.append(line)
    return "\n".join(out)


def proposal_markdown(items: list[str]) -> str:
    """A proposal as the kallelse prints it: one paragraph, or a numbered list."""
    if len(items) == 1:
        return items[0]
    return "\n".join(f"{n}. {text}" for n, text in enumerate(items, start=1))
