"""Tables exported from other systems, as records: TSV, CSV (``;``, ``,`` or tab) or XLSX.

Text files may be UTF-8 (with or without BOM), UTF-16 or Windows-1252 (``text_files``);
an old binary .xls gets a Swedish request to save it as .xlsx or CSV. Each record keeps
its line (or sheet row) number so every later error can name it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from namnd.errors import InvalidInput
from namnd.formats.text_files import decode
from namnd.rules.plain_text import check_rows

Record = tuple[int, list[Any]]
"""A line number (or sheet row) and its raw cells (text from CSV, typed values from xlsx)."""

_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0"


@dataclass
class Records:
    """Records with their count known up front (for progress) and what reading found."""

    total: int
    rows: Iterable[Record]
    fixed_width: bool = False
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    file_format: str = "tsv"


def read_records(data: bytes, *, name: str = "Filen") -> Records:
    """The file's records, its format detected; a Swedish error for what cannot be read."""
    if not data.strip():
        raise InvalidInput(f"{name} är tom.")
    if data.startswith(_XLS_MAGIC):
        raise InvalidInput(
            f"{name} är en äldre Excel-fil (.xls); spara den som .xlsx eller CSV och försök igen."
        )
    if data.startswith(_XLSX_MAGIC):
        from namnd.formats.xlsx_tables import read_xlsx

        table = read_xlsx(data, name=name)
        return Records(
            table.total,
            check_rows(table.rows, name=name),
            fixed_width=True,
            errors=table.errors,
            warnings=list(table.warnings),
            file_format="xlsx",
        )
    return _text_records(decode(data, name=name), name)


def _text_records(text: str, name: str = "Filen") -> Records:
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = sniff_delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    total = text.count("\n") + 1

    def rows() -> Iterator[Record]:
        line = 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                raise _csv_refusal(name, line, err) from None
            yield line, cells
            line = reader.line_num + 1

    return Records(total, rows(), file_format="tsv" if delimiter == "\t" else "csv")


def _csv_refusal(name: str, line: int, err: csv.Error) -> InvalidInput:
    if "field larger than field limit" in str(err):
        limit = f"{csv.field_size_limit():,}".replace(",", " ")
        return InvalidInput(
            f"{name}, rad {line}: ett fält är längre än {limit} tecken. Är filen en tabell "
            '(TSV eller CSV)? Ett citattecken (") som aldrig avslutas ger också detta.'
        )
    return InvalidInput(f"{name}, rad {line}: raden går inte att läsa som tabell ({err}).")


def sniff_delimiter(header: str) -> str:
    """Tab, semicolon or comma: whichever splits the heading row most (tab on a tie)."""
    counts = {d: header.count(d) for d in ("\t", ";", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else "\t"


def cell_text(value: object) -> str:
    """A cell as one line of text: '' for empty, 12.0 as 12, all spaces collapsed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).replace("\xa0", " ").split())
