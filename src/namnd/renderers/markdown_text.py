"""Plain text inside generated Markdown: the one escaping function, and heading levels.

Titles, names and other plain texts are typed as text, not Markdown: "Budget *2020*" is
an asterisk, not italics. Every renderer that writes such a text into the Markdown it
builds (the kallelse, the tjänsteskrivelse, the protokoll, the TUI's previews) goes
through :func:`literal`, so the text reads the same in every export and on screen.
"""

from __future__ import annotations

import re

from namnd.renderers.markdown_docx import parse

# Every ASCII punctuation CommonMark may read as markup inside a line. A backslash before
# any ASCII punctuation is always allowed, so escaping one too many is harmless.
_INLINE = re.compile(r"([\\`*_\[\]{}<>#|~!&])")
# What makes a line's start a list item, a block quote or a thematic break.
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+=>])")
_ATX = re.compile(r"^( {0,3})(#{1,6})(?=\s|$)")


def literal(text: str) -> str:
    """``text`` as Markdown that reads back as exactly ``text`` (on one line)."""
    line = " ".join(text.splitlines())
    line = _INLINE.sub(r"\\\1", line)
    return _LINE_START.sub(_escape_start, line, count=1)


def _escape_start(found: re.Match[str]) -> str:
    if found.group(2) is not None:
        return f"{found.group(1)}{found.group(2)}\\{found.group(3)}"
    return f"{found.group(4)}\\{found.group(5)}"


def shift_headings(markdown: str, by: int) -> str:
    """``markdown`` with each ATX heading ``by`` levels deeper (kept within 1–6).

    Text written for its own place (an Ärendet text uses ``####`` under the agenda
    file's ``###``) keeps its outline when composed into a larger Markdown page.
    Headings are found by the parser, so a ``#`` line in a code block stays.
    """
    if not by or "#" not in markdown:
        return markdown
    lines = markdown.split("\n")
    for token in parse(markdown):
        if token.type == "heading_open" and token.markup.startswith("#") and token.map:
            row = token.map[0]
            level = max(1, min(6, len(token.markup) + by))
            lines[row] = _ATX.sub(rf"\g<1>{'#' * level}", lines[row], count=1)
    return "\n".join(lines)


def hard_lines(lines: list[str]) -> str:
    """Lines of one paragraph, each on its own line when printed (a Markdown hard break)."""
    return "\\\n".join(lines)
