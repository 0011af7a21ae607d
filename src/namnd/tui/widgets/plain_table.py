"""The TUI's lists: Textual's DataTable, showing every cell exactly as it was typed."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey


class PlainTable(DataTable[object]):
    """A DataTable whose ``str`` cells are text, never Rich markup.

    DataTable reads a ``str`` cell as markup: an ärende titled "Yttrande [utkast] till
    IVO" was listed without "[utkast]", a place "Sal [rum 3]" lost the room, and a "[/]"
    could stop the app. Here a ``str`` becomes a ``Text`` as it is added, which also spares
    the markup parser a pass over every cell. A ``Text`` (a styled status) is kept as given.
    Read back, a cell is that ``Text``: ``str(cell)`` is what was typed.
    """

    def add_row(
        self,
        *cells: object,
        height: int | None = 1,
        key: str | None = None,
        label: str | Text | None = None,
    ) -> RowKey:
        plain = [as_typed(cell) for cell in cells]
        return super().add_row(*plain, height=height, key=key, label=label)

    def update_cell(
        self,
        row_key: RowKey | str,
        column_key: ColumnKey | str,
        value: object,
        *,
        update_width: bool = False,
    ) -> None:
        super().update_cell(row_key, column_key, as_typed(value), update_width=update_width)


def as_typed(cell: object) -> object:
    """``cell`` as text to show as it is, when it is a ``str``."""
    return Text(cell, end="") if isinstance(cell, str) else cell
