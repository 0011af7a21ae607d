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

from namnd.errors import InvalidInput

_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[ >/]")
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
    """Open the workbook's first sheet; a broken or cut-off file is a Swedish error."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        has_formulas = any(
            _FORMULA_TAG.search(archive.read(info))
            for info in archive.infolist()
            if info.filename.startswith("xl/worksheets/")
        )
        values = _open(data, data_only=True)
        formulas = _open(data, data_only=False) if has_formulas else None
    except Exception as err:  # zipfile, zlib, XML and openpyxl errors alike: a broken file
        raise _broken(name, err) from err
    sheet = values.worksheets[0]
    table = XlsxTable(total=sheet.max_row or 0, rows=iter(()))
    if len(values.worksheets) > 1:
        table.warnings.append(f"Bara första bladet (”{sheet.title}”) lästes.")
    formula_rows = formulas.worksheets[0].iter_rows(values_only=True) if formulas else None
    table.rows = _rows(sheet, formula_rows, table.errors, name)
    return table


def _open(data: bytes, *, data_only: bool):
    import openpyxl

    return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)


def _broken(name: str, err: Exception) -> InvalidInput:
    return InvalidInput(
        f"{name} är skadad eller ofullständig och kan inte läsas som Excel-fil (.xlsx) "
        f"({type(err).__name__}). Spara den på nytt från Excel eller exportera som CSV."
    )


def _rows(sheet, formula_rows, errors: list[str], name: str) -> Iterator[tuple[int, list]]:
    from openpyxl.utils import get_column_letter

    number = (sheet.min_row or 1) - 1
    try:
        for row in sheet.iter_rows(values_only=True):
            number += 1
            cells = list(row)
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
    except Exception as err:  # a sheet cut off half-way fails only while it is read
        raise _broken(name, err) from err
