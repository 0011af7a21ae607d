"""Excel files built in memory, for the tests of every import that reads .xlsx."""

from __future__ import annotations

import io

import openpyxl


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    """A one-sheet workbook holding ``rows``, as the bytes of an .xlsx file."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
