"""Diarienummer: the value type and each organ's way of writing it.

Every kommun writes its numbers its own way (``von/2019:76``, ``SN 2026/142``,
``SN.2026.0142``), so the spelling is a per-organ template (:class:`DnrFormat`) with the
placeholders ``{prefix}``, ``{year}``, ``{number}`` and ``{number:04}`` (zero padded to
four digits) between literal separators. Parsing accepts what the template prints and
forgives spaces around the separators, leading zeros and case in the prefix (kept as
written: ``KS`` and ``von`` both occur in the seed). A delegation decision's sub-number
follows the number with the separator that precedes ``{number}`` (``von/2019:29:17``).

Another authority's number (Regeringskansliet's ``S2026/01234``, a motion's
``KS 2026/55``) is not ours to parse: :func:`external_reference` keeps it as typed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from namnd.errors import InvalidInput

#: Today's spelling and the default for a new organ: ``von/2019:76``.
DEFAULT_FORMAT = "{prefix}/{year}:{number}"
MIN_YEAR = 1900
MAX_YEAR = 2199

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_NUMBER = re.compile(r"number(?::0?([1-9]))?")
_PREFIX = r"[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö0-9\-]{0,15}?"


@dataclass(frozen=True)
class Diarienummer:
    """A registration number: organ prefix, year, running number, optional sub-number."""

    prefix: str
    year: int
    number: int
    sub: int | None = None

    @classmethod
    def parse(cls, text: str) -> Diarienummer:
        """Parse ``text`` in the default format (see :meth:`DnrFormat.parse`)."""
        return DnrFormat(DEFAULT_FORMAT).parse(text)

    def __str__(self) -> str:
        return DnrFormat(DEFAULT_FORMAT).write(self)

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        """Year, then number, then sub-number: the order of the diarium."""
        return (self.year, self.number, self.sub or 0, self.prefix.casefold())

    @property
    def parent(self) -> Diarienummer:
        """The main ärende a sub-numbered delegation decision is filed under."""
        return Diarienummer(self.prefix, self.year, self.number)


def _has_control(text: str) -> bool:
    return any(unicodedata.category(c) == "Cc" for c in text)


@dataclass(frozen=True)
class DnrFormat:
    """An organ's diarienummer template; ``prefix`` fills in when it has no ``{prefix}``."""

    template: str
    prefix: str = ""

    def __post_init__(self) -> None:
        self._parts  # noqa: B018 - a bad template fails here, with its Swedish message

    @cached_property
    def _parts(self) -> tuple[tuple[str, str | int], ...]:
        """The template as (kind, value): ("text", literal) or a placeholder with width."""
        template = self.template
        if not template.strip():
            raise InvalidInput(
                "Diarienummerformatet är tomt: skriv t.ex. {prefix}/{year}:{number}."
            )
        if _has_control(template):
            raise InvalidInput("Diarienummerformatet innehåller ett styrtecken.")
        parts: list[tuple[str, str | int]] = []
        seen: set[str] = set()
        position = 0
        for match in _PLACEHOLDER.finditer(template):
            parts.append(("text", template[position : match.start()]))
            name = match[1].strip()
            number = _NUMBER.fullmatch(name)
            if number:
                kind, width = "number", int(number[1] or 0)
            elif name in ("prefix", "year"):
                kind, width = name, 0
            else:
                raise InvalidInput(
                    f"Diarienummerformatet {template} har en okänd platshållare {{{name}}}: "
                    "använd {prefix}, {year}, {number} eller {number:04}."
                )
            if kind in seen:
                raise InvalidInput(f"Diarienummerformatet {template} har {{{kind}}} två gånger.")
            seen.add(kind)
            parts.append((kind, width))
            position = match.end()
        parts.append(("text", template[position:]))
        if any("{" in v or "}" in v for k, v in parts if k == "text" and isinstance(v, str)):
            raise InvalidInput(f"Diarienummerformatet {template} har en klammer utan platshållare.")
        for needed in ("number", "year"):
            if needed not in seen:
                raise InvalidInput(
                    f"Diarienummerformatet {template} saknar {{{needed}}}: "
                    "till exempel {prefix}/{year}:{number}."
                )
        return tuple((k, v) for k, v in parts if not (k == "text" and v == ""))

    @cached_property
    def _sub_separator(self) -> str | None:
        """The separator before ``{number}`` when the number ends the template."""
        parts = self._parts
        if len(parts) >= 2 and parts[-1][0] == "number" and parts[-2][0] == "text":
            separator = str(parts[-2][1]).strip()
            return separator or None
        return None

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        out = [r"^\s*"]
        for kind, value in self._parts:
            if kind == "text":
                literal = str(value)
                if not literal.strip():
                    out.append(r"\s+" if literal else "")
                else:
                    words = [re.escape(w) for w in literal.split()]
                    out.append(r"\s*" + r"\s+".join(words) + r"\s*")
            elif kind == "prefix":
                out.append(f"(?P<prefix>{_PREFIX})")
            elif kind == "year":
                out.append(r"(?P<year>\d{4})")
            else:
                out.append(rf"(?P<number>\d{{1,{max(6, int(value))}}})")
        if self._sub_separator is not None:
            out.append(rf"(?:\s*{re.escape(self._sub_separator)}\s*(?P<sub>\d{{1,6}}))?")
        out.append(r"\s*$")
        return re.compile("".join(out))

    def write(self, dnr: Diarienummer) -> str:
        """``dnr`` as this organ writes it."""
        out = []
        for kind, value in self._parts:
            if kind == "text":
                out.append(str(value))
            elif kind == "prefix":
                out.append(dnr.prefix)
            elif kind == "year":
                out.append(str(dnr.year))
            else:
                out.append(str(dnr.number).zfill(int(value)))
        if dnr.sub is not None:
            out.append(f"{self._sub_separator or ':'}{dnr.sub}")
        return "".join(out)

    def example(self) -> str:
        """A made-up number in this format, for help texts and error messages."""
        return self.write(Diarienummer(self.prefix or "SN", 2026, 142))

    def parse(self, text: str) -> Diarienummer:
        """Parse ``text`` or raise :class:`InvalidInput` quoting this organ's format."""
        match = self._pattern.match(text or "")
        if match is None:
            raise InvalidInput(
                f"Ogiltigt diarienummer ”{text}”: skriv det som {self.template}, "
                f"till exempel {self.example()}."
            )
        year = int(match["year"])
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise InvalidInput(
                f"Ogiltigt diarienummer ”{text}”: årtalet {year} ligger utanför "
                f"{MIN_YEAR}–{MAX_YEAR}."
            )
        number = int(match["number"])
        sub_text = match.groupdict().get("sub")
        sub = int(sub_text) if sub_text is not None else None
        if number == 0 or sub == 0:
            raise InvalidInput(f"Ogiltigt diarienummer ”{text}”: löpnumret börjar på 1, inte 0.")
        prefix = match.groupdict().get("prefix") or self.prefix
        return Diarienummer(prefix, year, number, sub)

    def normalise(self, text: str) -> str:
        """The canonical spelling of ``text`` in this format, raising on bad input."""
        return self.write(self.parse(text))


def check_format(template: str) -> str:
    """``template`` if it is a usable diarienummer format (InvalidInput in Swedish if not)."""
    DnrFormat(template)
    return template


def check_prefix(prefix: str) -> str:
    """``prefix`` if a diarienummer can carry it: a letter, then letters, digits or ``-``."""
    if not re.fullmatch(_PREFIX.removesuffix("?"), prefix):
        raise InvalidInput(
            f"Diarieprefixet ”{prefix[:40]}” ska börja med en bokstav och sedan bara ha "
            "bokstäver, siffror eller - (högst 16 tecken)."
        )
    return prefix


def normalise(text: str) -> str:
    """The canonical spelling of a diarienummer in the default format, raising on bad input."""
    return DnrFormat(DEFAULT_FORMAT).normalise(text)


def external_reference(text: str) -> str:
    """Another authority's number, kept exactly as typed (only trimmed).

    Regeringskansliet's ``S2026/01234`` or ``SOU 2026:31`` follow no format of ours;
    only an empty reference or one with a control character is refused.
    """
    value = (text or "").strip()
    if not value:
        raise InvalidInput("Den externa referensen är tom.")
    if _has_control(value):
        raise InvalidInput(f"Den externa referensen ”{value}” innehåller ett styrtecken.")
    return value
