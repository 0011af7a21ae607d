"""`namnd publish`: the meeting's tillkännagivanden on the anslagstavla (a public folder)."""

from __future__ import annotations

import argparse
from pathlib import Path

from namnd.cli.commands import open_store
from namnd.storage.workspace import Workspace


def add_arguments(commands) -> None:
    """The ``publish`` verb on the CLI's sub-parsers."""
    publish = commands.add_parser(
        "publish",
        help="anslagstavlan: tillkännagivandet av justeringen (HTML och PDF/A), det "
        "offentliga protokollet och kallelsen i en mapp för webbplatsen",
        description="Skriver efter justeringen (och för varje omedelbart justerad paragraf) "
        "tillkännagivandet som HTML och PDF/A, bredvid det offentliga protokollet och "
        "kallelsen, och en startsida med nämndens kallelser, protokoll och "
        "tillkännagivanden, och nämndernas offentliga handlingar som öppna data (OParl 1.1) "
        "i oparl/. Samma kommando igen uppdaterar mappen.",
    )
    publish.add_argument("meeting", metavar="SAMMANTRÄDE", help="datum (2019-09-19) eller id")
    publish.add_argument(
        "-o",
        "--output",
        metavar="MAPP",
        help="webbplatsens mapp (annars anslagstavla/ i arbetsmappen)",
    )
    publish.add_argument(
        "--today",
        metavar="DATUM",
        help="vilka tillkännagivanden som sitter uppe räknas från detta datum (annars i dag)",
    )
    publish.add_argument(
        "--base-url",
        metavar="URL",
        help="där mappen oparl/ (öppna data, OParl 1.1) nås på webben, "
        "t.ex. https://www.kommun.se/oparl",
    )


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    """Publish the meeting and say what was written."""
    from namnd.operations.public_site import default_folder, publish_meeting
    from namnd.rules.swedish_dates import parse_iso_date

    store = open_store(workspace)
    folder = Path(args.output) if args.output else default_folder(workspace)
    today = parse_iso_date(args.today, what="--today") if args.today else None
    options = {"base_url": args.base_url} if args.base_url else {}
    published = publish_meeting(store, args.meeting, folder, today=today, **options)
    for notice in published.notices:
        print(f"{notice.title}: anslaget {notice.up.isoformat()}–{notice.down.isoformat()}.")
    print(f"Skrev {len(published.files)} filer i {published.folder}.")
    return 0
