"""``namnd forhinder`` and ``namnd inkalla``: record förhinder, call in the ersättare."""

from __future__ import annotations

import argparse
from pathlib import Path

from namnd.storage.workspace import Workspace


def add_arguments(commands) -> None:
    """The two verbs, with Swedish help."""
    forhinder = commands.add_parser(
        "forhinder", help="anmäl, lista eller återkalla en ledamots förhinder till ett sammanträde"
    )
    forhinder.add_argument("meeting", metavar="SAMMANTRÄDE", help="datum (2019-09-19) eller id")
    forhinder.add_argument("name", metavar="NAMN", nargs="?", help="ledamoten, t.ex. ”Per Ek”")
    forhinder.add_argument("--note", metavar="TEXT", default="", help="anteckning, t.ex. ”sjuk”")
    forhinder.add_argument(
        "--list", action="store_true", help="lista sammanträdets förhinder och förslag"
    )
    forhinder.add_argument(
        "--withdraw", action="store_true", help="återkalla förhindret (och dess inkallelse)"
    )
    inkalla = commands.add_parser(
        "inkalla", help="kalla in ersättare för ledamöter med förhinder (e-post med handlingar)"
    )
    inkalla.add_argument("meeting", metavar="SAMMANTRÄDE", help="datum (2019-09-19) eller id")
    inkalla.add_argument(
        "--for", dest="member", metavar="NAMN", help="bara för denna ledamot (annars alla)"
    )
    inkalla.add_argument(
        "--ersattare", metavar="NAMN", help="kalla in denna ersättare i stället för förslaget"
    )
    how = inkalla.add_mutually_exclusive_group()
    how.add_argument(
        "--dry-run", metavar="MAPP", help="skriv e-postmeddelandena som .eml-filer i MAPP"
    )
    how.add_argument(
        "--smtp", metavar="URL", help="e-postserver, t.ex. smtp+starttls://namn@smtp.kommun.se:587"
    )
    how.add_argument(
        "--phone", action="store_true", help="ringer själv: registrera och visa telefonnumret"
    )


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    """Run ``forhinder`` or ``inkalla`` on the workspace's store."""
    from namnd.cli.commands import open_store

    store = open_store(workspace)
    try:
        return _forhinder(args, store) if args.command == "forhinder" else _inkalla(args, store)
    finally:
        store.close()


def _forhinder(args: argparse.Namespace, store) -> int:
    from namnd.errors import InvalidInput
    from namnd.operations import inkallelse
    from namnd.storage.preferences import current_user

    if args.name and not args.list:
        if args.withdraw:
            inkallelse.withdraw_forhinder(store, args.meeting, args.name)
            print(f"Förhindret för {args.name} är återkallat.")
            return 0
        seat = inkallelse.report_forhinder(
            store, args.meeting, args.name, note=args.note, by=current_user()
        )
        print(f"Förhinder registrerat för {seat.display}.")
    elif not args.list:
        raise InvalidInput("Ange ledamotens namn, eller --list för sammanträdets förhinder.")
    _print_state(inkallelse.meeting_forhinder(store, args.meeting))
    return 0


def _print_state(state) -> None:
    from namnd.rules.roster import call_in_text

    if not state.forhinder:
        print("Inga förhinder anmälda.")
        return
    print("Förhinder:")
    for entry in state.forhinder:
        print(f"  {entry.line()}")
    text = call_in_text(state.proposals)
    if text:
        print("Förslag till inkallelse (namnd inkalla):")
        for line in text.splitlines():
            print(f"  {line}")


def _inkalla(args: argparse.Namespace, store) -> int:
    from namnd.errors import InvalidInput
    from namnd.operations import inkallelse
    from namnd.operations.mail_transport import configured_server
    from namnd.storage.preferences import current_user

    state = inkallelse.meeting_forhinder(store, args.meeting)
    members = [args.member] if args.member else [seat.name for seat, _ in state.proposals]
    if not members:
        print("Ingen ledamot med förhinder väntar på inkallelse.")
        return 0
    if args.ersattare and len(members) > 1:
        raise InvalidInput("--ersattare gäller en ledamot: ange vilken med --for NAMN.")
    server = None
    if args.dry_run:
        mode = "draft"
    elif args.phone:
        mode = "phone"
    else:
        server = configured_server(args.smtp)
        if server is None:
            raise InvalidInput(
                "Ingen e-postserver är inställd (--smtp, NAMND_SMTP_URL eller inställningarna). "
                "Skriv utkast med --dry-run MAPP, eller ring själv med --phone."
            )
        mode = "email"
    failed = 0
    for member in members:
        outcome = inkallelse.call_in(
            store,
            args.meeting,
            member,
            args.ersattare,
            mode=mode,  # type: ignore[arg-type]
            by=current_user(),
            server=server,
            folder=Path(args.dry_run) if args.dry_run else None,
        )
        print(outcome.message())
        failed += bool(outcome.error)
    return 1 if failed else 0
