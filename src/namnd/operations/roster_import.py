"""Reading a roster file of any kind the secretary is likely to have."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from namnd.rules.roster import Seat


def read_roster(
    path: Path, *, first_day: dt.date | None = None, last_day: dt.date | None = None
) -> list[Seat]:
    """YAML (``.yaml``/``.yml``) as documented, else a table (CSV, TSV or XLSX).

    ``first_day``/``last_day`` give a table's rows without Från/Till their period.
    """
    if path.suffix.casefold() in (".yaml", ".yml"):
        from namnd.formats.roster_file import parse_roster
        from namnd.formats.text_files import read_text

        return parse_roster(read_text(path))
    from namnd.formats.roster_table import parse_roster_table
    from namnd.formats.text_files import read_file

    data = read_file(path)
    return parse_roster_table(data, name=path.name, first_day=first_day, last_day=last_day)
