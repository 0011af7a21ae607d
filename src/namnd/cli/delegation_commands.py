"""CLI verbs for delegationsbeslut lists and ej verkställda beslut (kept out of commands.py)."""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from namnd.errors import InvalidInput
from namnd.storage.workspace import Workspace

if TYPE_CHECKING:
    from namnd.operations.delegation_import import ImportStorage
    from namnd.storage.store import Store


def _user() -> str:
    from namnd.storage.preferences import current_user

    return current_user()


def _columns(pairs: list[str]) -> dict[str, str]:
    columns = {}
    for pair in pairs:
        heading, sep, standard = pair.partition("=")
        if not sep or not heading.strip() or not standard.strip():
            raise InvalidInput(f"--column ”{pair}” ska skrivas RUBRIK=KOLUMN.")
        columns[heading.strip()] = standard.strip()
    return columns


def import_delegation(args: argparse.Namespace, workspace: Workspace) -> int:
    """``namnd import delegationsbeslut FIL --meeting …``.

    On an up-to-date SQLite workspace the list is stored without the ORM
    (``storage.delegation_direct``): the import then costs what reading the rows does.
    """
    from namnd.operations.delegation_import import import_delegation_list
    from namnd.storage.delegation_direct import SqliteImports

    direct = SqliteImports.open(workspace)
    with direct or nullcontext():
        result = import_delegation_list(
            direct or _store_imports(workspace),
            Path(args.file),
            meeting=args.meeting,
            by=_user(),
            period=args.period,
            list_name=args.list_name,
            columns=_columns(args.column),
        )
    print(result.message)
    for warning in result.warnings:
        print(f"Obs: {warning}")
    return 0


def _store_imports(workspace: Workspace) -> ImportStorage:
    """The Store's import (PostgreSQL, a new workspace, a schema to migrate first)."""
    from namnd.cli.commands import open_store

    return open_store(workspace).delegation


def import_register(args: argparse.Namespace, store: Store) -> int:
    """``namnd import ej-verkstallda FIL``."""
    from namnd.operations.unexecuted_report import import_register as run

    result = run(store, Path(args.file), by=_user(), organ=args.organ)
    print(
        f"Lade in {result.added} ej verkställda beslut i registret ({result.already} fanns redan)."
    )
    return 0


def report(args: argparse.Namespace, store: Store, workspace: Workspace) -> int:
    """``namnd report ej-verkstallda …`` and ``namnd report delegationsbeslut …``."""
    if args.what == "delegationsbeslut":
        meeting = store.schedule.find_meeting(args.meeting)
        from namnd.operations.delegation_section import delegation_summary

        tables = delegation_summary(store, meeting.id)
        if not tables or tables[0].rows[-1][-1] == "0":
            print(f"Inga delegationsbeslut är inlästa till sammanträdet {meeting.date}.")
            return 0
        print("\n\n".join(t.markdown() for t in tables))
        return 0
    from namnd.operations.unexecuted_report import export_report
    from namnd.rules.swedish_dates import parse_iso_date

    as_of = parse_iso_date(args.as_of, what="referensdatum") if args.as_of else None
    if args.meeting:
        return _place(args, store, workspace, as_of)
    path = Path(args.output) if args.output else None
    if path is None and args.format == "docx":
        suffix = "-offentlig" if args.public else ""
        path = workspace.file_in(
            workspace.agendas, f"ej-verkstallda-{args.quarter.upper()}{suffix}.docx"
        )
    result = export_report(
        store,
        args.quarter,
        fmt=args.format,
        path=path,
        law=args.lag,
        public=args.public,
        as_of=as_of,
        organ=args.organ,
        memo=_memo(args),
    )
    if isinstance(result, str):
        sys.stdout.write(result)
    else:
        print(f"Skrev {result}.")
    return 0


def _memo(args: argparse.Namespace):
    """The tjänsteskrivelse head and signatures the options give."""
    from namnd.operations.unexecuted_report import MemoFacts

    return MemoFacts(
        dnr=args.dnr, handlers=tuple(args.referens), signatures=tuple(args.underskrift)
    )


def _place(args: argparse.Namespace, store: Store, workspace: Workspace, as_of) -> int:
    """``--meeting``: the redovisning becomes anmälda handlingar with sekretess bilagor."""
    from namnd.operations.unexecuted_placing import place_redovisning

    placed = place_redovisning(
        store,
        workspace,
        args.quarter,
        args.meeting,
        by=_user(),
        law=args.lag,
        as_of=as_of,
        memo=_memo(args),
    )
    for title in placed.announced:
        print(f"Anmäld handling: {title}")
    for title in placed.attachments:
        print(f"Bilaga (sekretess): {title}")
    if not placed.announced and not placed.attachments:
        print("Redovisningen fanns redan under anmälningsärendena; bilagorna är uppdaterade.")
    for path in placed.files:
        print(f"Skrev {path}.")
    return 0
