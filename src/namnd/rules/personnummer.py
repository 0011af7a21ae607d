"""Swedish personnummer and samordningsnummer found in free text.

Secretaries paste them into ärenden and beslut by mistake; a public document must never
carry one. Every spelling seen in practice is recognised: ``19780312-4567``,
``780312-4567``, ``7803124567``, ``197803124567`` and ``780312+4567`` (the ``+`` of
someone over 100), and samordningsnummer, whose day is the birth day plus 60.

A number is reported when its date is a real date and its digits are not part of a
longer number (a phone number, an amount, a diarienummer's year and running number).
Written the way personnummer are written — with a separator (``780312-4567``) or with
the century (``197803124567``) — that is enough: a number with a mistyped check digit
is still someone's personnummer to a reader. A bare ten-digit run must also have the
right Luhn check digit, which keeps most phone numbers and reference numbers out; one
in ten random ten-digit strings with a valid date still passes, so a bare
``0701234567`` may be reported; that is the price of finding ``7803124564``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass

# Not glued to other digits, nor through the separators of dates, decimals and
# diarienummer ("2019-09-19-…", "1,780312…", "von/2019:7803…"), before or after.
_PATTERN = re.compile(
    r"""(?<![\d+])(?<!\d[-/:.,])
    (?P<century>18|19|20)?
    (?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})
    (?P<sep>[-+‐‑–]?)
    (?P<serial>\d{3})(?P<check>\d)
    (?![\d]|[-/:.,]\d)""",
    re.VERBOSE,
)

SAMORDNING_OFFSET = 60
REDACTED = "ÅÅMMDD-XXXX"


@dataclass(frozen=True)
class Match:
    """One number found in a text: where it is and what it is."""

    start: int
    end: int
    text: str
    """As written, e.g. '19780312-4567'."""
    number: str
    """Normalised ten-digit form 'ÅÅMMDD-NNNN' ('+' kept for someone over 100)."""
    samordningsnummer: bool

    @property
    def masked(self) -> str:
        """The number as written with its last four digits hidden: '19780312-XXXX'."""
        return self.text[:-4] + "XXXX"


def luhn_ok(digits: str) -> bool:
    """True if the ten digits end in the right Luhn check digit (weights 2, 1, 2, …)."""
    total = 0
    for i, char in enumerate(digits):
        product = int(char) * (2 if i % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def _valid_date(century: str | None, yy: str, mm: str, dd: str) -> tuple[bool, bool]:
    """(is a real date, is a samordningsnummer) for the date digits."""
    month, day = int(mm), int(dd)
    coordination = day > SAMORDNING_OFFSET
    if coordination:
        day -= SAMORDNING_OFFSET
    if not 1 <= month <= 12 or day < 1:
        return False, coordination
    if century is not None:
        last = calendar.monthrange(int(century + yy), month)[1]
    elif month == 2:
        # Without the century a 29 February is a leap year in one of the two candidates.
        last = 29 if int(yy) % 4 == 0 else 28
    else:
        last = calendar.monthrange(2001, month)[1]
    return day <= last, coordination


def find_personnummer(text: str) -> list[Match]:
    """Every personnummer and samordningsnummer in ``text``, in order."""
    found = []
    for m in _PATTERN.finditer(text):
        ok, coordination = _valid_date(m["century"], m["yy"], m["mm"], m["dd"])
        ten = m["yy"] + m["mm"] + m["dd"] + m["serial"] + m["check"]
        spelled_out = bool(m["sep"]) or m["century"] is not None
        if not ok or not (spelled_out or luhn_ok(ten)):
            continue
        sep = "+" if m["sep"] == "+" else "-"
        found.append(
            Match(
                start=m.start(),
                end=m.end(),
                text=m.group(),
                number=f"{ten[:6]}{sep}{ten[6:]}",
                samordningsnummer=coordination,
            )
        )
    return found


def has_personnummer(text: str) -> bool:
    """True if ``text`` holds at least one personnummer or samordningsnummer."""
    return bool(find_personnummer(text))


def _replace(text: str, replacement: Callable[[Match], str]) -> str:
    parts: list[str] = []
    last = 0
    for match in find_personnummer(text):
        parts += [text[last : match.start], replacement(match)]
        last = match.end
    return "".join([*parts, text[last:]])


def mask(text: str) -> str:
    """``text`` with the last four digits of every number hidden ('780312-XXXX').

    For messages that must say where a number is without repeating it.
    """
    return _replace(text, lambda match: match.masked)


def redact_personnummer(text: str) -> str:
    """``text`` with every number replaced by 'ÅÅMMDD-XXXX' (nothing of it is kept)."""
    return _replace(text, lambda match: REDACTED)
