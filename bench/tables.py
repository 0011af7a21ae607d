"""Do the big-table paths grow linearly? Times for n and 4n rows, and their ratio.

- the internal kallelse in Word with a delegationsbeslut list of n rows (every row is a
  table row of the sekretess bilaga), through ``export_kallelse``;
- a roster table of n seats, parsed and imported into the register.

A ratio near 4 means linear; near 16 quadratic (before the one-pass table writer and the
indexed clash check: 400 delegation rows took 89 s, 2 000 roster rows 79 s).

    python bench/tables.py [--rows 400]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from namnd.formats.roster_table import parse_roster_table
from namnd.operations.delegation_import import import_delegation_list
from namnd.operations.demo import load_demo
from namnd.operations.kallelse_export import export_kallelse
from namnd.storage.store import Store
from namnd.storage.workspace import resolve

HEADER = "Beslutsfattare\tBeslutsdatum\tBeslut\tAnledning till avslag\tFödelseår\tKön"


def _demo(folder: Path) -> Store:
    store = Store.open(resolve(folder))
    load_demo(store)
    return store


def kallelse(rows: int) -> float:
    """Seconds to write the internal kallelse with a list of ``rows`` delegationsbeslut."""
    with tempfile.TemporaryDirectory() as folder:
        store = _demo(Path(folder) / "ws")
        listing = Path(folder) / "lista.tsv"
        lines = [f"Handläggare {n}\t20190814\tBifall {n}\t\t1950\tKvinna" for n in range(rows)]
        listing.write_text("\n".join([HEADER, *lines]), encoding="utf-8")
        import_delegation_list(store, listing, meeting="2019-09-19", by="bench", period="2019-08")
        started = time.perf_counter()
        export_kallelse(store, "2019-09-19", fmt="docx", path=Path(folder) / "k.docx")
        took = time.perf_counter() - started
        store.close()
    return took


def roster(rows: int) -> float:
    """Seconds to parse and import a roster table of ``rows`` seats."""
    lines = ["Namn\tParti\tRoll\tFrån"]
    for n in range(rows):
        lines.append(f"Person {n}\tS\t{'ledamot' if n % 2 else 'ersättare'}\t2019-01-01")
    with tempfile.TemporaryDirectory() as folder:
        store = _demo(Path(folder) / "ws")
        started = time.perf_counter()
        store.members.import_seats(parse_roster_table("\n".join(lines).encode()))
        took = time.perf_counter() - started
        store.close()
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=400)
    n = parser.parse_args().rows
    for name, timed in (("kallelse (delegationsrader)", kallelse), ("ledamotsimport", roster)):
        small, large = timed(n), timed(4 * n)
        print(
            f"{name}: {n} rader {small:.2f} s, {4 * n} rader {large:.2f} s, "
            f"kvot {large / small:.1f} (4 = linjärt)"
        )


if __name__ == "__main__":
    main()
