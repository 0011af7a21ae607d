"""`namnd send kallelse` and `namnd lists`: utskick by e-mail and the sändlistor."""

from __future__ import annotations

import argparse
from pathlib import Path

from namnd.storage.workspace import Workspace


def add_arguments(commands) -> None:
    """The ``send`` and ``lists`` verbs on the CLI's parser."""
    from namnd.cli.parser import SwedishParser

    send = commands.add_parser("send", help="skicka kallelsen med e-post till sändlistorna")
    what = send.add_subparsers(
        dest="what", title="vad", metavar="VAD", required=True, parser_class=SwedishParser
    )
    kallelse = what.add_parser(
        "kallelse",
        help="kallelsen (med handlingar eller offentlig, efter sändlista) till var mottagare",
    )
    kallelse.add_argument("meeting", metavar="SAMMANTRÄDE", help="datum (2019-09-19) eller id")
    kallelse.add_argument(
        "--to",
        metavar="LISTA",
        action="append",
        default=[],
        help="bara denna sändlista (flera ggr), t.ex. ledamoter eller press",
    )
    kallelse.add_argument(
        "--dry-run",
        metavar="MAPP",
        help="skriv e-breven som .eml-filer i MAPP (för Outlook) i stället för att skicka",
    )
    kallelse.add_argument(
        "--smtp", metavar="URL", help="e-postserver, t.ex. smtp+starttls://namn@smtp.kommun.se:587"
    )
    kallelse.add_argument(
        "--from", dest="sender", metavar="AVSÄNDARE", help="avsändare (annars Inställningar)"
    )
    kallelse.add_argument(
        "--tillagg",
        action="store_true",
        help="skicka ”Tillägg till kallelse” med ändringarna efter utskicket",
    )

    lists = commands.add_parser("lists", help="nämndens sändlistor för kallelsen")
    lists.add_argument("--organ", metavar="KOD", help="nämndens kod, t.ex. von")
    verbs = lists.add_subparsers(
        dest="what", title="vad", metavar="VAD", required=True, parser_class=SwedishParser
    )
    show = verbs.add_parser("show", help="visa sändlistorna och vilken version de får")
    show.add_argument("--members", metavar="DATUM", help="visa även mottagarna detta datum")
    new = verbs.add_parser("add", help="lägg till en egen sändlista")
    new.add_argument("name", metavar="NAMN")
    new.add_argument("--public", action="store_true", help="får den offentliga kallelsen")
    gone = verbs.add_parser("remove", help="ta bort en egen sändlista")
    gone.add_argument("name", metavar="NAMN")
    version = verbs.add_parser("version", help="vilken version listan får")
    version.add_argument("name", metavar="NAMN")
    version.add_argument("version", choices=["intern", "offentlig"])
    for verb, text in (("address", "lägg till adresser"), ("unaddress", "ta bort adresser")):
        parser = verbs.add_parser(verb, help=text)
        parser.add_argument("name", metavar="NAMN", help="sändlistan, t.ex. press")
        parser.add_argument("addresses", metavar="ADRESS", nargs="+", help="”Namn <a@b.se>”")
    limit = verbs.add_parser("limit", help="största bilaga i e-post och var handlingarna finns")
    limit.add_argument("--mb", type=int, help="största PDF att bifoga, i MB")
    limit.add_argument("--url", help="adress där handlingarna publiceras (länkas i stället)")


def run_send(args: argparse.Namespace, workspace: Workspace) -> int:
    """Send (or write as .eml) the kallelse; one line per recipient, refusals by name."""
    from namnd.cli.commands import open_store
    from namnd.operations.send_kallelse import send

    store = open_store(workspace)
    outcome = send(
        store,
        args.meeting,
        lists=args.to,
        tillagg=args.tillagg,
        dry_run=Path(args.dry_run).expanduser() if args.dry_run else None,
        smtp=args.smtp,
        sender=args.sender,
    )
    for line in report_lines(outcome, dry_run=bool(args.dry_run)):
        print(line)
    return 1 if outcome.refused else 0


def report_lines(outcome, *, dry_run: bool) -> list[str]:
    """The outcome as the CLI prints it (and the TUI shows it)."""
    from namnd.rules.mailing import version_label
    from namnd.rules.swedish_numbers import counted

    plan = outcome.plan
    lines = []
    for result in outcome.results:
        who = f"{result.recipient.name} <{result.recipient.address}>"
        what = version_label(result.recipient.public)
        if result.error:
            lines.append(f"EJ SKICKAD  {who}: {result.error}")
        else:
            lines.append(f"{'skriven' if dry_run else 'skickad'}  {who} – {what}")
    for name in plan.without_address:
        lines.append(f"saknar e-post  {name} (lägg in den under Ledamöter och ersättare)")
    if plan.already and not dry_run:
        lines.append(f"{counted(plan.already, 'mottagare', 'mottagare')} hade redan fått den.")
    if dry_run:
        lines.append(f"{counted(len(outcome.files), 'fil', 'filer')} skrivna.")
    elif outcome.refused:
        lines.append(
            f"{counted(len(outcome.refused), 'mottagare', 'mottagare')} nåddes inte; kör "
            "kommandot igen för att skicka till dem."
        )
    if outcome.marked_sent:
        lines.append("Kallelsen är markerad som utskickad.")
    return lines


def run_lists(args: argparse.Namespace, workspace: Workspace) -> int:
    """Show or change the sändlistor."""
    from namnd.cli.commands import open_store
    from namnd.cli.output import text_table
    from namnd.operations import mailing_lists as ops
    from namnd.rules.mailing import FROM_SEATS, version_label
    from namnd.rules.swedish_dates import parse_iso_date

    store = open_store(workspace)
    organ = args.organ
    if args.what == "show":
        views = ops.lists(store, organ)
        rows = [
            (
                v.name,
                version_label(v.public),
                "ur ledamotsregistret" if v.kind in FROM_SEATS else f"{len(v.addresses)} adresser",
            )
            for v in views
        ]
        print(text_table(("Sändlista", "Får", "Mottagare"), rows))
        if args.members:
            day = parse_iso_date(args.members, what="datum")
            resolved = ops.members_of(store, organ, day)
            print()
            print(
                text_table(
                    ("Mottagare", "Adress", "Lista", "Får"),
                    [
                        (r.name, r.address, r.list_name, version_label(r.public))
                        for r in resolved.recipients
                    ],
                )
            )
            for name in resolved.without_address:
                print(f"saknar e-post: {name}")
        return 0
    if args.what == "add":
        view = ops.add_list(store, organ, args.name, public=args.public)
        print(f"Lade till sändlistan {view.name} ({version_label(view.public)}).")
    elif args.what == "remove":
        ops.remove_list(store, organ, args.name)
        print(f"Tog bort sändlistan {args.name}.")
    elif args.what == "version":
        view = ops.set_public(store, organ, args.name, public=args.version == "offentlig")
        print(f"{view.name} får nu {version_label(view.public)}.")
    elif args.what in ("address", "unaddress"):
        key = "add" if args.what == "address" else "remove"
        view = ops.change_addresses(store, organ, args.name, **{key: args.addresses})
        print(f"{view.name}: {len(view.addresses)} adresser.")
    elif args.what == "limit":
        saved = ops.set_limit(store, organ, megabytes=args.mb, url=args.url)
        where = saved.handlingar_url or "ingen adress angiven"
        print(f"Största bilaga {saved.mail_limit_mb} MB; större handlingar länkas: {where}.")
    return 0
