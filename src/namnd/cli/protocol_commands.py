"""`namnd export utdrag|expediering` and `namnd import protokoll`."""

from __future__ import annotations

import argparse
from pathlib import Path

from namnd.cli.commands import open_store
from namnd.errors import InvalidInput
from namnd.storage.workspace import Workspace


def add_arguments(exports, imports) -> None:
    """The utdrag, expediering and protokoll import verbs (the protokoll: ``EXPORTS``)."""
    extract = exports.add_parser("utdrag", help="protokollsutdrag: en paragraf (Word)")
    extract.add_argument("meeting", metavar="SAMMANTRÄDE", help="datum (2019-09-19) eller id")
    extract.add_argument("paragraph", metavar="PARAGRAF", help="paragrafens nummer, t.ex. 90")
    extract.add_argument(
        "--template", metavar="MALL.docx", help="kommunens egen Word-mall (stilar, sidhuvud)"
    )
    extract.add_argument(
        "-o",
        "--output",
        metavar="FIL",
        help="fil att skriva (annars protocols/DATUM-KOD-utdrag-N.docx)",
    )
    dispatching = exports.add_parser(
        "expediering", help="utdrag till alla mottagare under ”Expedieras till”, med lista"
    )
    dispatching.add_argument("meeting", metavar="SAMMANTRÄDE", help="datum (2019-09-19) eller id")
    dispatching.add_argument(
        "-o", "--output", metavar="MAPP", help="mapp att skriva i (annars protocols/)"
    )
    source = imports.add_parser("protokoll", help="en protokollsfil (docs/protocol-format.md)")
    source.add_argument("file", metavar="FIL")


def export(args: argparse.Namespace, workspace: Workspace) -> int:
    """Write a protokollsutdrag, or the utdrag of an expediering with its list."""
    from namnd.operations.exports import default_path
    from namnd.operations.protocol_export import export_extract

    store = open_store(workspace)
    if args.what == "expediering":
        return _dispatch(args, workspace, store)
    template = Path(args.template) if args.template else None
    number = _number(args.paragraph)
    path = (
        Path(args.output)
        if args.output
        else default_path(workspace, store, args.meeting, "protokoll", "docx", number=number)
    )
    print(f"Skrev {export_extract(store, args.meeting, number, path=path, template=template)}.")
    return 0


def import_file(args: argparse.Namespace, workspace: Workspace) -> int:
    """Read a protokoll file into its meeting (all or nothing)."""
    from namnd.operations.protocol_export import import_protocol

    store = open_store(workspace)
    warnings: list[str] = []
    protocol = import_protocol(store, Path(args.file), warnings)
    for warning in warnings:
        print(f"Obs: {warning}")
    span = protocol.numbers.text if protocol.numbers else "inga §§"
    print(f"Läste in protokollet {protocol.date.isoformat()} ({span}).")
    # A justering or anslag in the file after the law's last day (KL 5:69, 8:12).
    for meeting in store.schedule.meetings(year=protocol.date.year):
        if (meeting.date, meeting.organ_code) == (protocol.date, protocol.organ_code):
            for warning in store.schedule.meeting_deadlines(meeting.id).warnings:
                print(f"Obs: {warning}")
    return 0


def _number(text: str) -> int:
    try:
        return int(text.strip().lstrip("§").strip())
    except ValueError:
        raise InvalidInput(f"”{text}” är inget paragrafnummer (skriv t.ex. 90).") from None


def _dispatch(args: argparse.Namespace, workspace: Workspace, store) -> int:
    from namnd.operations.protocol_export import export_dispatch
    from namnd.rules.dispatch import paragraph_list

    folder = Path(args.output) if args.output else None
    listing, plan = export_dispatch(store, args.meeting, workspace, folder=folder)
    for name, numbers in plan.recipients:
        print(f"{name}: {paragraph_list(numbers)}")
    if plan.waiting:
        print(f"Väntar på justering: {paragraph_list(plan.waiting)}.")
    print(f"Skrev {len(plan.numbers)} utdrag och expedieringslistan {listing}.")
    return 0
