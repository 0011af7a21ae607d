"""Diarienummer as a value type: ``von/2019:76``, ``von/2019:29:17`` or ``KS/2019:161``.

The registrator writes them by hand, so parsing forgives spaces around the separators
and case in the prefix is kept as written (``KS`` and ``von`` both occur in the seed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from namnd.errors import InvalidInput

_PATTERN = re.compile(
    r"""^\s*
    (?P<prefix>[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö0-9\-]{0,15})
    \s*/\s*
    (?P<year>\d{4})
    \s*:\s*
    (?P<number>\d{1,6})
    (?:\s*:\s*(?P<sub>\d{1,6}))?
    \s*$""",
    re.VERBOSE,
)

MIN_YEAR = 1900
MAX_YEAR = 2199


@dataclass(frozen=True, order=True)
class Diarienummer:
    """A registration number: organ prefix, year, running number, optional sub-number."""

    prefix: str
    year: int
    number: int
    sub: int | None = None

    @classmethod
    def parse(cls, text: str) -> Diarienummer:
        """Parse ``text`` or raise :class:`InvalidInput` with a Swedish explanation."""
        match = _PATTERN.match(text or "")
        if match is None:
            raise InvalidInput(
                f"Ogiltigt diarienummer ”{text}”: skriv det som prefix/år:nummer, "
                "till exempel von/2019:76 eller von/2019:29:17."
            )
        year = int(match["year"])
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise InvalidInput(
                f"Ogiltigt diarienummer ”{text}”: årtalet {year} ligger utanför "
                f"{MIN_YEAR}–{MAX_YEAR}."
            )
        number = int(match["number"])
        sub = int(match["sub"]) if match["sub"] is not None else None
        if number == 0 or sub == 0:
            raise InvalidInput(f"Ogiltigt diarienummer ”{text}”: löpnumret börjar på 1, inte 0.")
        return cls(match["prefix"], year, number, sub)

    def __str__(self) -> str:
        base = f"{self.prefix}/{self.year}:{self.number}"
        return base if self.sub is None else f"{base}:{self.sub}"

    @property
    def parent(self) -> Diarienummer:
        """The main ärende a sub-numbered delegation decision is filed under."""
        return Diarienummer(self.prefix, self.year, self.number)


def normalise(text: str) -> str:
    """Return the canonical spelling of a diarienummer, raising on bad input."""
    return str(Diarienummer.parse(text))
