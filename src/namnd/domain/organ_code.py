"""What a nämnd's kod may look like: it names files, so it must be a plain word."""

from __future__ import annotations

import re

from namnd.errors import InvalidInput

MAX_LENGTH = 20
_CODE = re.compile(r"[^\W_][\w-]*")


def check_organ_code(code: str) -> str:
    """``code`` if it is letters, digits, ``-`` and ``_`` (a letter or digit first).

    The kod becomes part of every export's file name (``2019-09-19-von.docx``), so a kod
    such as ``x/../../fil`` would make an export write outside the workspace.
    """
    if len(code) > MAX_LENGTH or not _CODE.fullmatch(code):
        raise InvalidInput(
            f"Koden ”{code[:40]}” får bara innehålla bokstäver, siffror, - och _ "
            f"(högst {MAX_LENGTH} tecken), eftersom den blir en del av filnamnen."
        )
    return code
