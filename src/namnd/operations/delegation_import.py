"""Import a delegationsbeslut list file into a meeting: all or nothing, never twice.

The file is parsed completely before the database is touched; the rows are then written
in one transaction with the file's SHA-256, so a failure leaves nothing behind and the
same file imported again is recognised and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Protocol

from namnd.errors import InvalidInput
from namnd.formats.delegation_lists import ListRow, parse_delegation_list
from namnd.formats.text_files import read_file
from namnd.storage.delegation_batch import AlreadyImported, ImportView, NewImport

Progress = Callable[[int, int, str], None]
"""(done, total, what is being done) for a progress bar."""

_PERIOD = re.compile(r"^(\d{4})-(\d{2})$")


class ImportStorage(Protocol):
    """Where a list is stored: ``store.delegation``, or ``SqliteImports``.

    ``storage.delegation_direct.SqliteImports`` is the CLI's ORM-free path on an
    up-to-date SQLite workspace; both store the same rows the same way.
    """

    def earlier_import(self, sha256: str) -> ImportView | None: ...

    def save_import(
        self,
        batch: NewImport,
        rows: Sequence[ListRow],
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportView: ...


@dataclass
class ImportResult:
    """What the import did; ``duplicate`` is the earlier import when nothing was done."""

    imported: ImportView | None = None
    duplicate: ImportView | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        """One Swedish sentence for the CLI and the TUI's notification."""
        if self.duplicate is not None:
            d = self.duplicate
            return (
                f"Filen är redan inläst ({d.list_name}, {d.period}, {d.row_count} beslut, "
                f"{d.imported_at:%Y-%m-%d} av {d.imported_by}); inget ändrades."
            )
        assert self.imported is not None
        i = self.imported
        return f"Läste in {i.row_count} delegationsbeslut ({i.list_name}, {i.period})."


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """No cyclic garbage collection while the rows are read and written.

    The 100 000 rows of a big list are never garbage before the import ends, yet the
    collector would walk them again every few hundred new objects: a third of the time.
    Reference counting still frees everything else.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@_no_cycle_collection()
def import_delegation_list(
    storage: ImportStorage,
    path: Path,
    *,
    meeting: str,
    by: str,
    period: str | None = None,
    list_name: str | None = None,
    columns: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import ``path`` as a list anmäld at ``meeting`` (a date or an id)."""
    data = _read(path)
    sha256 = hashlib.sha256(data).hexdigest()
    earlier = storage.earlier_import(sha256)
    if earlier is not None:
        return ImportResult(duplicate=earlier)

    def parsing(done: int, total: int) -> None:
        if progress:
            progress(done, total, "Läser raderna")

    parsed = parse_delegation_list(
        data, name=f"Filen {path.name}", columns=columns, progress=parsing
    )
    warnings = list(parsed.warnings)
    batch = NewImport(
        meeting=meeting,
        list_name=list_name or path.stem,
        period=_period(period, parsed.rows, warnings),
        file_name=path.name,
        file_sha256=sha256,
        file_format=parsed.file_format,
        row_count=len(parsed.rows),
        warnings=warnings,
        imported_by=by,
        imported_at=dt.datetime.now(dt.UTC),
    )

    def saving(done: int, total: int) -> None:
        if progress:
            progress(done, total, "Sparar")

    try:
        imported = storage.save_import(batch, parsed.rows, progress=saving)
    except AlreadyImported:
        # Someone imported the same file a moment ago; report theirs.
        earlier = storage.earlier_import(sha256)
        if earlier is None:
            raise
        return ImportResult(duplicate=earlier)
    return ImportResult(imported=imported, warnings=warnings)


def _read(path: Path) -> bytes:
    return read_file(path)


def _period(period: str | None, rows: list[ListRow], warnings: list[str]) -> str:
    """The given month (rows outside it warned about), or the rows' own span."""
    dates = set(map(attrgetter("decision_date"), rows))
    first, last = min(dates), max(dates)
    if period is None:
        if (first.year, first.month) == (last.year, last.month):
            return f"{first:%Y-%m}"
        return f"{first.isoformat()}–{last.isoformat()}"
    match = _PERIOD.match(period.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        raise InvalidInput(f"Perioden ”{period}” ska skrivas ÅÅÅÅ-MM, t.ex. 2019-08.")
    year, month = int(match[1]), int(match[2])
    outside = [r for r in rows if (r.decision_date.year, r.decision_date.month) != (year, month)]
    if outside:
        lines = ", ".join(str(r.line) for r in outside[:10])
        more = " …" if len(outside) > 10 else ""
        warnings.append(
            f"{len(outside)} beslut har beslutsdatum utanför perioden {period} (rad {lines}{more})."
        )
    return f"{year:04d}-{month:02d}"
