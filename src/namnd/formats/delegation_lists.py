"""Reading the monthly delegationsbeslut lists exported from the verksamhetssystem.

The export is a table with the headings ``Beslutsfattare, Beslutsdatum, Beslut,
Anledning till avslag, Födelseår, Kön`` as TSV, CSV (``;``, ``,`` or tab) or XLSX, in
UTF-8 (with or without BOM), UTF-16 or Windows-1252. Exports with other headings are read
through a column mapping (``Handläggare`` → Beslutsfattare, ``Datum`` → Beslutsdatum …).

Rows broken across lines are repaired, each with a warning naming the line:

* **Short row** – a line with fewer fields than the heading row, whose next line
  completes it: the last field of the short line and the first field of the next line
  are one field (joined with a space) and together the two lines have exactly the
  heading's number of fields.
* **Continuation line** – a line with an empty Beslutsdatum, Födelseår and Kön that
  only holds text in Beslutsfattare, Beslut or Anledning till avslag (what a PDF or a
  report writer does when a cell wraps; seed line 3110: ``Sergio``). Each text is added,
  after a space, to the same column of the row above; a text the row above already ends
  with is a repeated fragment and is dropped (seed line 3191: ``SoL``).

A short line that the next line does not complete is a continuation line if it only
holds such text, a row of its own if Beslutsfattare, Beslutsdatum and Beslut are there
(an exporter that drops empty trailing fields), and otherwise an error.

Everything else that is wrong (a bad date, a missing column, a field too many) is an
error with its line number; errors are collected and the first ``MAX_ERRORS`` shown, and
reading stops after ``MAX_COLLECTED_ERRORS``. A file where more lines had to be repaired
than there are rows (a list followed by pasted prose) is refused: it is not a list.
Parsing is pure: bytes in, rows out; nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter
from typing import Any, NamedTuple

from namnd.errors import InvalidInput
from namnd.formats.tables import Record, Records, cell_text, read_records

Progress = Callable[[int, int], None]

MAX_ERRORS = 20
MAX_COLLECTED_ERRORS = 1000
#: Repaired lines allowed beyond the number of rows before a file is "not a list".
REPAIRS_ALLOWED = 100
PROGRESS_EVERY = 1000

DECIDED_BY = "Beslutsfattare"
DECISION_DATE = "Beslutsdatum"
DECISION = "Beslut"
REJECTION_REASON = "Anledning till avslag"
BIRTH_YEAR = "Födelseår"
SEX = "Kön"
COLUMNS = (DECIDED_BY, DECISION_DATE, DECISION, REJECTION_REASON, BIRTH_YEAR, SEX)
REQUIRED = (DECIDED_BY, DECISION_DATE, DECISION)
# Columns whose text may wrap onto a continuation line.
_WRAPPING = (DECIDED_BY, DECISION, REJECTION_REASON)
#: Where each column sits in a row being read: after the line number, in ListRow's order.
_AT = {column: n for n, column in enumerate(COLUMNS, start=1)}
_REQUIRED_AT = tuple((column, _AT[column]) for column in REQUIRED)
assert [at for _, at in _REQUIRED_AT] == [1, 2, 3]  # _add checks them at once
_DATE_AT, _YEAR_AT = _AT[DECISION_DATE], _AT[BIRTH_YEAR]

# Other exports' headings for the same columns; a caller's own mapping is added to these.
DEFAULT_ALIASES: dict[str, str] = {
    "handläggare": DECIDED_BY,
    "beslutande": DECIDED_BY,
    "delegat": DECIDED_BY,
    "datum": DECISION_DATE,
    "beslutsdag": DECISION_DATE,
    "insats": DECISION,
    "beslutstyp": DECISION,
    "avslagsanledning": REJECTION_REASON,
    "anledning": REJECTION_REASON,
    "avslagsskäl": REJECTION_REASON,
    "född": BIRTH_YEAR,
    "födelseår (åååå)": BIRTH_YEAR,
    "kön (k/m)": SEX,
}

_DATE_FORMATS = (
    (re.compile(r"^(\d{4})(\d{2})(\d{2})$"), (1, 2, 3)),
    (re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"), (1, 2, 3)),
    (re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$"), (3, 2, 1)),
)


#: A birth year not read yet (None is a row without one).
_UNREAD = object()


class ListRow(NamedTuple):
    """One delegationsbeslut as exported; ``line`` is where it starts in the file.

    A tuple in the table's column order, so the rows go to the database as they are.
    """

    line: int
    decided_by: str
    decision_date: dt.date
    decision: str
    rejection_reason: str = ""
    birth_year: int | None = None
    sex: str = ""


@dataclass
class DelegationList:
    """A parsed list: its rows, and warnings about what was repaired."""

    rows: list[ListRow]
    warnings: list[str] = field(default_factory=list)
    file_format: str = "tsv"


class DelegationListError(InvalidInput):
    """The file cannot be imported; ``errors`` holds every problem found, by line."""

    def __init__(self, name: str, errors: list[str], *, stopped_at: int | None = None) -> None:
        self.errors = errors
        shown = [f"  {e}" for e in errors[:MAX_ERRORS]]
        more = f" (de första {MAX_ERRORS} visas)" if len(errors) > MAX_ERRORS else ""
        if len(errors) > MAX_ERRORS:
            shown.append(f"  … och ytterligare {len(errors) - MAX_ERRORS} fel.")
        if stopped_at is not None:
            shown.append(f"  Läsningen avbröts efter {len(errors)} fel (rad {stopped_at}).")
        count = "1 fel" if len(errors) == 1 else f"{len(errors)} fel"
        lines = "\n".join(shown)
        super().__init__(f"{name} kan inte läsas in: {count}{more}. Inget sparades.\n{lines}")


def parse_delegation_list(
    data: bytes,
    *,
    name: str = "Filen",
    columns: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> DelegationList:
    """Parse an exported list (format and encoding detected) into rows, or raise.

    ``columns`` maps the file's own headings to the standard ones, e.g.
    ``{"Handläggare": "Beslutsfattare"}``; ``progress(done, total)`` is called now and
    then for a progress bar.
    """
    records = read_records(data, name=name)
    parser = _RowParser(name=name, aliases=_aliases(columns), progress=progress)
    parsed = parser.parse(records)
    parsed.warnings[:0] = records.warnings
    parsed.file_format = records.file_format
    return parsed


# --- rows ----------------------------------------------------------------------------


def _normal(heading: str) -> str:
    return " ".join(heading.replace("\ufeff", "").split()).casefold()


def _aliases(columns: Mapping[str, str] | None) -> dict[str, str]:
    aliases = {_normal(c): c for c in COLUMNS}
    aliases.update({_normal(k): v for k, v in DEFAULT_ALIASES.items()})
    for heading, standard in (columns or {}).items():
        if standard not in COLUMNS:
            raise InvalidInput(
                f"Kolumnmappningen ”{heading}” → ”{standard}”: ”{standard}” är ingen känd "
                f"kolumn (välj {', '.join(COLUMNS)})."
            )
        aliases[_normal(heading)] = standard
    return aliases


@dataclass
class _RowParser:
    name: str
    aliases: dict[str, str]
    progress: Progress | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)
    width: int = 0
    repairs: int = 0
    repairs_from: int = 0
    _last_repair: int = -10
    #: (column, its position in the file or None), known once the heading row is read.
    _positions: list[tuple[str, int | None]] = field(default_factory=list)
    _date_at: int | None = None
    #: The row's values in ListRow's order, when every column is in the file.
    _take: Callable[[list[str]], tuple[str, ...]] | None = None
    #: Dates and years already read, by their text: a month's list repeats a few dozen.
    _dates: dict[str, dt.date] = field(default_factory=dict)
    _years: dict[str, int | None] = field(default_factory=lambda: {"": None})

    def parse(self, records: Records) -> DelegationList:
        rows: list[list[Any]] = []
        lines = iter(records.rows)
        if not self._header(lines):
            raise DelegationListError(self.name, self.errors)
        pending: tuple[int, list[str]] | None = None
        done = 0
        folded = records.folded
        # A whole row of the file's own width with its date and year read before, the
        # common case, is taken here as ``_add`` would take it, without its checks.
        take, width, dates, years = self._take, self.width, self._dates, self._years
        progress = self.progress
        # Only a line read the long way can bring a limit nearer: the check follows one.
        check = False
        for line, raw in lines:
            done += 1
            if progress and done % PROGRESS_EVERY == 0:
                progress(done, max(records.total, done))
            if check:
                check = False
                if self.repairs > REPAIRS_ALLOWED or len(self.errors) >= MAX_COLLECTED_ERRORS:
                    self._check_limits(line, len(rows))  # only then can a limit be reached
            if folded:
                cells = raw
            else:
                cells = [" ".join(c.split()) if type(c) is str else cell_text(c) for c in raw]
            if take is not None and pending is None and len(cells) == width:
                values: list[Any] = [line, *take(cells)]
                date = dates.get(values[_DATE_AT])
                year = years.get(values[_YEAR_AT], _UNREAD)
                if values[1] and date is not None and values[3] and year is not _UNREAD:
                    values[_DATE_AT], values[_YEAR_AT] = date, year
                    rows.append(values)
                    continue
            check = True
            if not any(cells):
                continue
            if records.fixed_width:
                cells += [""] * (self.width - len(cells))
            if pending is not None:
                start, first = pending
                pending = None
                joined = [*first[:-1], f"{first[-1]} {cells[0]}".strip(), *cells[1:]]
                if len(joined) == self.width:
                    self._repaired(line)
                    self.warnings.append(
                        f"Rad {start}: raden fortsatte på rad {line}; raderna har satts ihop."
                    )
                    self._add(rows, start, joined)
                    continue
                self._add_short(rows, start, first)
            if len(cells) < self.width:
                pending = (line, cells)
                continue
            self._add(rows, line, cells)
        if pending is not None:
            self._add_short(rows, *pending)
        self.errors[:0] = records.errors
        if self.progress:
            total = max(records.total, done)
            self.progress(total, total)
        if not rows and not self.errors:
            self.errors.append(f"{self.name} har inga beslut, bara rubrikraden.")
        if self.errors:
            raise DelegationListError(self.name, self.errors)
        # tuple.__new__ in C, as ListRow._make does it less its Python-level length check:
        # every row has ListRow's length by construction.
        return DelegationList(list(map(tuple.__new__, repeat(ListRow), rows)), self.warnings)

    def _header(self, lines: Iterator[Record]) -> bool:
        for line, raw in lines:
            cells = [cell_text(c) for c in raw]
            if not any(cells):
                continue
            while cells and not cells[-1]:
                cells.pop()
            self.width = len(cells)
            for position, heading in enumerate(cells):
                standard = self.aliases.get(_normal(heading))
                if standard and standard not in self.index:
                    self.index[standard] = position
            missing = [c for c in REQUIRED if c not in self.index]
            if missing:
                hint = ""
                if any("Ã" in c for c in cells):
                    hint = " Rubrikerna ser felkodade ut (UTF-8 läst som Windows-1252?)."
                self.errors.append(
                    f"Rad {line}: kolumnen {', '.join(missing)} saknas i rubrikraden "
                    f"({' | '.join(cells)}).{hint} Ange en kolumnmappning om exporten "
                    f"har andra rubriker."
                )
                return False
            self._positions = [(c, self.index.get(c)) for c in COLUMNS]
            self._date_at = self.index.get(DECISION_DATE)
            if all(at is not None for _, at in self._positions):
                self._take = itemgetter(*(at for _, at in self._positions))
            absent = [c for c in COLUMNS if c not in self.index]
            if absent:
                self.warnings.append(f"Kolumnen {', '.join(absent)} finns inte i filen.")
            return True
        self.errors.append(f"{self.name} är tom.")
        return False

    def _cell(self, cells: list[str], column: str) -> str:
        position = self.index.get(column)
        return cells[position] if position is not None and position < len(cells) else ""

    def _is_continuation(self, cells: list[str]) -> bool:
        if self._cell(cells, DECISION_DATE):
            return False  # the common case, answered without looking at every cell
        filled = {c for c in COLUMNS if self._cell(cells, c)}
        extra = any(cells[i] for i in range(len(cells)) if i not in self.index.values())
        return bool(filled) and filled <= set(_WRAPPING) and not extra

    def _add_short(self, rows: list[list[Any]], line: int, cells: list[str]) -> None:
        """A short line the next one did not complete: wrapped text, or a row of its own."""
        if self._is_continuation(cells):
            self._continue(rows, line, cells)
        elif all(self._cell(cells, c) for c in REQUIRED):
            self._add(rows, line, cells + [""] * (self.width - len(cells)))
        else:
            self.errors.append(
                f"Rad {line}: {len(cells)} fält, men rubrikraden har {self.width}, och nästa "
                "rad fullständigar den inte."
            )

    def _add(self, rows: list[list[Any]], line: int, cells: list[str]) -> None:
        if len(cells) > self.width and any(cells[self.width :]):
            self.errors.append(f"Rad {line}: {len(cells)} fält, men rubrikraden har {self.width}.")
            return
        width = len(cells)
        dated = self._date_at is not None and self._date_at < width and cells[self._date_at]
        if not dated and self._is_continuation(cells):
            self._continue(rows, line, cells)
            return
        values: list[Any] = [line]
        if self._take is not None and width >= self.width:
            values += self._take(cells)
        else:
            values += [
                cells[at] if at is not None and at < width else "" for _, at in self._positions
            ]
        if not (values[1] and values[2] and values[3]):  # Beslutsfattare, -datum, Beslut
            for column, at in _REQUIRED_AT:
                if not values[at]:
                    self.errors.append(f"Rad {line}: {column} saknas.")
        date_text, year_text = values[_DATE_AT], values[_YEAR_AT]
        date = self._dates.get(date_text)
        values[_DATE_AT] = date if date is not None else self._date(line, date_text)
        year = self._years.get(year_text)
        values[_YEAR_AT] = year if year is not None else self._year(line, year_text)
        rows.append(values)

    def _continue(self, rows: list[list[Any]], line: int, cells: list[str]) -> None:
        if not rows:
            self.errors.append(f"Rad {line}: {DECISION_DATE} saknas.")
            return
        self._repaired(line)
        previous = rows[-1]
        used, repeated = [], False
        for column in _WRAPPING:
            extra = self._cell(cells, column)
            if not extra:
                continue
            before = previous[_AT[column]]
            if before.endswith(extra):
                repeated = True
            else:
                previous[_AT[column]] = f"{before} {extra}".strip()
            used.append(column)
        note = "; upprepad text utelämnad" if repeated else ""
        self.warnings.append(
            f"Rad {line}: fortsättning av raden ovan (rad {previous[0]}, "
            f"{', '.join(used)}); raderna har satts ihop{note}."
        )

    def _check_limits(self, line: int, rows: int) -> None:
        """Stop reading a file that is not a list, or has more errors than anyone reads."""
        if self.repairs > rows + REPAIRS_ALLOWED:
            raise InvalidInput(
                f"{self.name} ser inte ut som en lista med delegationsbeslut: från rad "
                f"{self.repairs_from} är raderna inga beslut (till rad {line} har "
                f"{self.repairs} rader fått sättas ihop med raden ovan, mot {rows} beslut). "
                "Ta bort det som inte hör till listan och försök igen."
            )
        if len(self.errors) >= MAX_COLLECTED_ERRORS:
            raise DelegationListError(self.name, self.errors, stopped_at=line - 1)

    def _repaired(self, line: int) -> None:
        """Count a repaired line; ``repairs_from`` is where the latest run of them began."""
        self.repairs += 1
        if line > self._last_repair + 2:
            self.repairs_from = line
        self._last_repair = line

    def _date(self, line: int, text: str) -> dt.date | None:
        if not text:
            return None
        if len(text) == 10 and text[4] == text[7] == "-" and text.isascii():
            try:  # ÅÅÅÅ-MM-DD, nearly every row: no pattern needed
                date = self._dates[text] = dt.date.fromisoformat(text)
                return date
            except ValueError:
                pass
        if re.fullmatch(r"\d{4}-\d{2}-\d{2} 00:00:00", text):
            text = text[:10]
        for pattern, (y, m, d) in _DATE_FORMATS:
            match = pattern.match(text)
            if match:
                try:
                    date = self._dates[text] = dt.date(int(match[y]), int(match[m]), int(match[d]))
                    return date
                except ValueError:
                    break
        self.errors.append(
            f"Rad {line}: {DECISION_DATE} ”{text}” är inget giltigt datum "
            "(ÅÅÅÅMMDD eller ÅÅÅÅ-MM-DD)."
        )
        return None

    def _year(self, line: int, text: str) -> int | None:
        if not text:
            return None
        if len(text) == 4 and text.isascii() and text.isdigit() and 1880 <= int(text) <= 2100:
            year = self._years[text] = int(text)
            return year
        if re.fullmatch(r"\d{4}", text) and 1880 <= int(text) <= 2100:
            return int(text)
        self.errors.append(f"Rad {line}: {BIRTH_YEAR} ”{text}” är inget årtal.")
        return None
