"""The first sheet of an Excel file (.xlsx) as rows of cell values, with Swedish errors.

openpyxl reads in read-only mode (constant memory for 100 000 rows) with the values Excel
saved for formula cells. A formula cell without a saved value (a file written by a
program that never calculated it) or with an error value (``#REF!``) is reported by its
cell name, since silently reading it as empty would lose a beslut's data.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from namnd.errors import InvalidInput

if TYPE_CHECKING:
    from openpyxl import Workbook

    from namnd.formats.tables import Record

_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[ >/]")
_CHUNK = 1 << 20

#: Limits checked before anything is unpacked (from the zip's own directory, which
#: zipfile holds each member to) and while the rows stream: a 5 MB file can hold a
#: 1 GB sheet, which was read whole (2.1 GB of memory) before.
MAX_UNPACKED_MB = 256
MAX_RATIO = 100
MAX_ROWS = 500_000
MAX_CELLS = 5_000_000
#: Excel's own limit for the text of one cell.
MAX_CELL_CHARS = 32_767
_ERROR_VALUES = frozenset(
    {"#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#N/A", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}
)


@dataclass
class XlsxTable:
    """Rows as (sheet row number, values); ``errors`` fills while the rows are read."""

    total: int
    rows: Iterator[tuple[int, list[object]]]
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_xlsx(data: bytes, *, name: str) -> XlsxTable:
    """Open the workbook's first sheet; a broken or cut-off file is a Swedish error.

    So is a file past the limits (``MAX_UNPACKED_MB``, ``MAX_RATIO``, ``MAX_ROWS``,
    ``MAX_CELLS``, ``MAX_CELL_CHARS``), each named in the message.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        _check_sizes(archive.infolist(), name)
        has_formulas = any(
            _has_formula(archive, info)
            for info in archive.infolist()
            if info.filename.startswith("xl/worksheets/")
        )
        values = _open(data, data_only=True)
        formulas = _open(data, data_only=False) if has_formulas else None
    except InvalidInput:
        raise
    except Exception as err:  # zipfile, zlib, XML and openpyxl errors alike: a broken file
        raise _broken(name, err) from err
    sheet = values.worksheets[0]
    table = XlsxTable(total=sheet.max_row or 0, rows=iter(()))
    if len(values.worksheets) > 1:
        table.warnings.append(f"Bara första bladet (”{sheet.title}”) lästes.")
    formula_rows = formulas.worksheets[0].iter_rows(values_only=True) if formulas else None
    table.rows = _rows(sheet, formula_rows, table.errors, name)
    return table


def _check_sizes(members: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse a package that unpacks too big, before a byte of it is unpacked."""
    unpacked = sum(info.file_size for info in members)
    if unpacked > MAX_UNPACKED_MB << 20:
        raise InvalidInput(
            f"{name} är för stor: den packas upp till {unpacked >> 20} MB, och gränsen är "
            f"{MAX_UNPACKED_MB} MB. Dela upp listan eller exportera den som CSV."
        )
    for info in members:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _CHUNK and ratio > MAX_RATIO:
            raise InvalidInput(
                f"{name} är för stor: {info.filename} packas upp {ratio:.0f} gånger större "
                f"(till {info.file_size >> 20} MB), och gränsen är {MAX_RATIO} gånger. Filen "
                "ser inte ut som en vanlig Excel-fil; spara den på nytt från Excel."
            )


def _has_formula(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether a sheet has a formula cell, read a chunk at a time (never whole)."""
    tail = b""
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            if _FORMULA_TAG.search(tail + chunk):
                return True
            tail = chunk[-16:]
    return False


def _open(data: bytes, *, data_only: bool) -> Workbook:
    import openpyxl

    return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)


def _broken(name: str, err: Exception) -> InvalidInput:
    return InvalidInput(
        f"{name} är skadad eller ofullständig och kan inte läsas som Excel-fil (.xlsx) "
        f"({type(err).__name__}). Spara den på nytt från Excel eller exportera som CSV."
    )


def _rows(
    sheet: Any,  # ReadOnlyWorksheet: openpyxl's stubs check its iter_rows against Worksheet
    formula_rows: Iterator[tuple[object, ...]] | None,
    errors: list[str],
    name: str,
) -> Iterator[Record]:
    from openpyxl.utils import get_column_letter

    number = (sheet.min_row or 1) - 1
    filled = 0
    try:
        for count, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            number += 1
            if count > MAX_ROWS:
                raise InvalidInput(
                    f"{name} har fler än {MAX_ROWS} rader (gränsen för en fil); dela upp listan."
                )
            cells = list(row)
            filled += _check_cells(cells, number, name)
            if filled > MAX_CELLS:
                raise InvalidInput(
                    f"{name} har fler än {MAX_CELLS} ifyllda celler (gränsen för en fil, nådd "
                    f"på rad {number}); dela upp listan."
                )
            formula_cells = list(next(formula_rows, ())) if formula_rows is not None else []
            for column, value in enumerate(cells):
                cell = f"{get_column_letter(column + 1)}{number}"
                formula = formula_cells[column] if column < len(formula_cells) else None
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    errors.append(
                        f"Cell {cell}: formeln {formula} saknar sparat värde; öppna filen i "
                        "Excel och spara den igen (eller klistra in som värden)."
                    )
                elif isinstance(value, str) and value in _ERROR_VALUES:
                    errors.append(f"Cell {cell}: formeln gav felvärdet {value}.")
                    cells[column] = None
            yield number, cells
    except InvalidInput:
        raise
    except Exception as err:  # a sheet cut off half-way fails only while it is read
        raise _broken(name, err) from err


def _check_cells(cells: list[object], number: int, name: str) -> int:
    """The row's filled cells; a text longer than Excel allows is an error naming it."""
    from openpyxl.utils import get_column_letter

    filled = 0
    for column, value in enumerate(cells):
        if value is None:
            continue
        filled += 1
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            raise InvalidInput(
                f"{name}: Cell {get_column_letter(column + 1)}{number} har {len(value)} tecken; "
                f"en cell får ha högst {MAX_CELL_CHARS} (Excels egen gräns)."
            )
    return filled
