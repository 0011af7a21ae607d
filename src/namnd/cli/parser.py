"""The argument parser, with Swedish help and Swedish error messages."""

from __future__ import annotations

import argparse
import functools
import re
from collections.abc import Sequence
from typing import NoReturn

# argparse writes its own errors in English; these are the ones users actually meet.
_ERRORS = (
    (r"the following arguments are required: (.*)", r"dessa argument saknas: \1"),
    (r"unrecognized arguments: (.*)", r"okända argument: \1"),
    (
        r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)",
        r"\1: ogiltigt val \2 (välj \3)",
    ),
    (r"argument (.*?): invalid int value: (.*)", r"\1: \2 är inget heltal"),
    (r"argument (.*?): expected one argument", r"\1: ett värde behövs"),
    (r"argument (.*?): not allowed with argument (.*)", r"\1 går inte att kombinera med \2"),
)


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        # prefix="" is argparse computing a subcommand's prog; keep that untouched.
        super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)


class SwedishParser(argparse.ArgumentParser):
    """ArgumentParser that speaks Swedish to the user."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argument"
        self._optionals.title = "flaggor"
        self.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")

    def error(self, message: str) -> NoReturn:
        for pattern, swedish in _ERRORS:
            message = re.sub(pattern, swedish, message)
        self.print_usage()
        self.exit(2, f"{self.prog}: fel: {message}\n")


def add_document_exports(exports: argparse._SubParsersAction) -> None:
    """``namnd export kallelse|protokoll …``: one parser per document of the registry."""
    from namnd.operations.exports import EXPORTS

    for document in EXPORTS.values():
        verb = exports.add_parser(document.name, help=document.help)
        verb.add_argument("meeting", metavar="SAMMANTRÄDE", help="datum (2019-09-19) eller id")
        *first, last = document.formats
        verb.add_argument(
            "--format",
            choices=document.formats,
            default=document.default_format,
            help=f"filformat: {', '.join(first)} eller {last} "
            "(PDF/A via LibreOffice, för publicering och arkiv)",
        )
        verb.add_argument(
            "--public", action="store_true", help="offentlig version: sekretess utelämnas"
        )
        verb.add_argument(
            "--template", metavar="MALL.docx", help="kommunens egen Word-mall (stilar, sidhuvud)"
        )
        verb.add_argument("-o", "--output", metavar="FIL", help=document.output_help)


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    """``--workspace`` and ``--db``: the options before any command, and of ``namnd`` alone."""
    parser.add_argument(
        "--workspace",
        metavar="MAPP",
        help="arbetsmapp med namnd.db, agendas/ och protocols/ (annars NAMND_HOME eller "
        "aktuell mapp)",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="databas-URL, t.ex. postgresql://user@host/namnd (annars NAMND_DATABASE_URL "
        "eller SQLite i arbetsmappen)",
    )


class _NotOnlyGlobalOptions(Exception):
    """The arguments hold more than ``--workspace``/``--db``: the whole parser reads them."""


class _GlobalOptionsParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotOnlyGlobalOptions(message)


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line read; ``namnd`` alone, the terminal program, without every verb.

    ``namnd`` (perhaps with ``--workspace``/``--db``) starts the TUI, and building the
    parser of all verbs imports their modules, which the first screen then waits for.
    Anything else (a verb, ``-h``, a mistake) is read by :func:`build_parser`, so help
    and errors are the whole parser's.
    """
    only = _GlobalOptionsParser(prog="namnd", add_help=False, allow_abbrev=False)
    _add_global_options(only)
    try:
        args, rest = only.parse_known_args(argv)
    except _NotOnlyGlobalOptions:
        return build_parser().parse_args(argv)
    if rest:
        return build_parser().parse_args(argv)
    args.command = None
    return args


@functools.cache
def build_parser() -> SwedishParser:
    """All commands and their options.

    Built once per process: parsing leaves the parser as it was, and the tests call
    ``main`` hundreds of times in one.
    """
    parser = SwedishParser(
        prog="namnd",
        description="Kallelse, protokoll och uppföljning för en nämnds sekretariat. "
        "Utan kommando öppnas terminalprogrammet.",
    )
    _add_global_options(parser)
    commands = parser.add_subparsers(
        dest="command", title="kommandon", metavar="KOMMANDO", parser_class=SwedishParser
    )

    commands.add_parser("demo", help="läs in demonämnden (kallelsen 19 september 2019)")

    meetings = commands.add_parser("meetings", help="lista sammanträden")
    meetings.add_argument("--year", type=int, metavar="ÅR", help="bara detta år")
    meetings.add_argument("--json", action="store_true", help="skriv JSON (se docs/cli.md)")

    agenda = commands.add_parser("agenda", help="visa ett sammanträdes föredragningslista")
    agenda.add_argument("meeting", metavar="SAMMANTRÄDE", help="datum (2019-09-19) eller id")
    agenda.add_argument("--json", action="store_true", help="skriv JSON (se docs/cli.md)")

    plan = commands.add_parser(
        "schedule", help="sammanträdesordning: ett års sammanträden med alla tidsfrister"
    )
    plan.add_argument("year", type=int, metavar="ÅR")
    plan.add_argument("--organ", metavar="KOD", help="nämndens kod, t.ex. von")
    plan.add_argument("--json", action="store_true", help="skriv JSON (se docs/cli.md)")
    plan.add_argument("--ics", metavar="FIL", help="skriv en iCalendar-fil (Outlook, Google)")
    plan.add_argument("--deadlines", action="store_true", help="ta med tidsfristerna i --ics")
    plan.add_argument(
        "--add", nargs="+", metavar="DATUM", help="lägg till sammanträden (ÅÅÅÅ-MM-DD …)"
    )
    plan.add_argument(
        "--remove",
        nargs="+",
        metavar="DATUM",
        help="ta bort planerade sammanträden som ännu saknar föredragningslista",
    )
    plan.add_argument(
        "--propose",
        metavar="VECKODAG",
        help="föreslå datum: en veckodag i månaden (t.ex. torsdag), inget i juli",
    )
    plan.add_argument(
        "--decision",
        metavar="SAMMANTRÄDE",
        help="lägg ärendet ”Sammanträdesordning ÅR” på detta sammanträdes dagordning",
    )
    plan.add_argument("--nth", type=int, default=3, help="vilken veckodag i månaden (-1 = sista)")
    plan.add_argument(
        "--skip-in", metavar="MÅNADER", default="7", help="inga sammanträden dessa månader (7)"
    )
    plan.add_argument(
        "--twice-in",
        metavar="MÅNADER",
        default="",
        help="två sammanträden dessa månader, t.ex. 9,11",
    )

    uppdrag = commands.add_parser("uppdrag", help="nämnduppdrag: lista och följ upp")
    uppdrag.add_argument(
        "--status",
        metavar="STATUS",
        help="bara denna status: ej påbörjad, pågår, återrapporterad, avslutad eller försenad",
    )
    uppdrag.add_argument("--overdue", action="store_true", help="bara försenade uppdrag")
    uppdrag.add_argument(
        "--due-before", metavar="DATUM", help="bara uppdrag med tidpunkt före DATUM (ÅÅÅÅ-MM-DD)"
    )
    uppdrag.add_argument(
        "--today", metavar="DATUM", help="räkna försenade per detta datum (annars i dag)"
    )
    uppdrag.add_argument("--json", action="store_true", help="skriv JSON (se docs/cli.md)")

    todo = commands.add_parser(
        "todo", help="att göra snart: tidsfrister, remisser och nämnduppdrag"
    )
    todo.add_argument("--today", metavar="DATUM", help="räkna från detta datum (annars i dag)")

    copy = commands.add_parser("backup", help="säkerhetskopiera databasen (även medan namnd körs)")
    copy.add_argument(
        "-o", "--output", metavar="FIL", help="fil att skriva (annars backups/namnd-DATUM-TID)"
    )

    archive = commands.add_parser(
        "archive", help="arkivpaket för e-arkivet (FGS/E-ARK) av ett justerat sammanträde"
    )
    archive.add_argument("meeting", metavar="SAMMANTRÄDE", help="datum (2019-09-19) eller id")
    archive.add_argument(
        "-o",
        "--output",
        metavar="MAPP|FIL.zip",
        help="mapp eller zip-fil att skriva (annars protocols/DATUM-KOD-arkivpaket.zip)",
    )

    search = commands.add_parser("search", help="sök ärenden och paragrafer i alla år")
    search.add_argument("query", nargs="+", metavar="ORD", help="ord, namn eller diarienummer")
    search.add_argument("--limit", type=int, default=50, metavar="N", help="högst N träffar")
    search.add_argument("--json", action="store_true", help="skriv JSON (se docs/cli.md)")

    members = commands.add_parser("members", help="ledamöter och ersättare")
    members.add_argument("--organ", metavar="KOD", help="nämndens kod, t.ex. von")
    members.add_argument(
        "--on", metavar="DATUM", help="de som har en plats detta datum (annars i dag)"
    )
    members.add_argument("--all", action="store_true", help="alla platser, även avslutade")
    members.add_argument("--json", action="store_true", help="skriv JSON (se docs/cli.md)")

    codes = commands.add_parser(
        "delegation-codes", help="delegationsordningen: koder, ärenden och delegater"
    )
    codes.add_argument("--organ", metavar="KOD", help="nämndens kod, t.ex. von")
    codes.add_argument(
        "--add", nargs=3, metavar=("KOD", "ÄRENDE", "DELEGAT"), help="lägg till eller ändra en kod"
    )
    codes.add_argument("--json", action="store_true", help="skriv JSON (se docs/cli.md)")

    check = commands.add_parser(
        "check-public",
        help="granska filer före publicering: personnummer, HTML-kommentarer och text ur "
        "sekretessärenden",
    )
    check.add_argument(
        "files", nargs="+", metavar="FIL", help="docx, pdf, md, txt, json, ics eller html"
    )

    imports = commands.add_parser("import", help="läs in en fil").add_subparsers(
        dest="what", title="vad", metavar="VAD", required=True, parser_class=SwedishParser
    )
    agenda_import = imports.add_parser("agenda", help="en dagordningsfil (docs/agenda-format.md)")
    agenda_import.add_argument("file", metavar="FIL")
    agenda_import.add_argument(
        "--new-versions",
        action="store_true",
        help="sammanträdet finns redan: ta in ändrade bilagefiler som nya versioner",
    )
    lists = imports.add_parser(
        "delegationsbeslut", help="en lista med delegationsbeslut (TSV, CSV eller XLSX)"
    )
    lists.add_argument("file", metavar="FIL")
    lists.add_argument(
        "--meeting", required=True, metavar="SAMMANTRÄDE", help="anmäls vid (datum eller id)"
    )
    lists.add_argument("--period", metavar="ÅÅÅÅ-MM", help="listans månad, t.ex. 2019-08")
    lists.add_argument("--list-name", metavar="NAMN", help="listans namn, t.ex. ”LSS/SFB”")
    lists.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="RUBRIK=KOLUMN",
        help="filens rubrik för en kolumn, t.ex. ”Handläggare=Beslutsfattare” (upprepa)",
    )
    roster = imports.add_parser(
        "ledamoter",
        help="ledamöter och ersättare för en mandatperiod: YAML, CSV eller XLSX "
        "(docs/roster-format.md)",
    )
    roster.add_argument("file", metavar="FIL")
    roster.add_argument("--organ", metavar="KOD", help="nämndens kod, t.ex. von")
    roster.add_argument(
        "--from", dest="first_day", metavar="DATUM", help="mandatperiodens första dag (tabeller)"
    )
    roster.add_argument(
        "--to", dest="last_day", metavar="DATUM", help="mandatperiodens sista dag (tabeller)"
    )
    register = imports.add_parser(
        "ej-verkstallda", help="ej verkställda beslut till registret (YAML, se docs/cli.md)"
    )
    register.add_argument("file", metavar="FIL")
    register.add_argument("--organ", metavar="KOD", help="nämndens kod, t.ex. von")

    exports = commands.add_parser("export", help="skriv ut ett dokument").add_subparsers(
        dest="what", title="vad", metavar="VAD", required=True, parser_class=SwedishParser
    )
    add_document_exports(exports)
    package = exports.add_parser(
        "handlingar", help="kallelse med handlingar: en PDF/A med tjänsteskrivelser och bilagor"
    )
    package.add_argument("meeting", metavar="SAMMANTRÄDE", help="datum (2019-09-19) eller id")
    package.add_argument(
        "--public", action="store_true", help="offentlig version: sekretessbilagor utelämnas"
    )
    package.add_argument(
        "-o",
        "--output",
        metavar="FIL.pdf",
        help="fil att skriva (annars agendas/DATUM-KOD-handlingar.pdf)",
    )
    report = exports.add_parser("uppdrag", help="Uppföljning av nämnduppdrag (Word)")
    report.add_argument(
        "-o",
        "--output",
        metavar="FIL.docx",
        help="fil att skriva (annars uppfoljning-namnduppdrag-DATUM.docx i arbetsmappen)",
    )
    report.add_argument(
        "--since",
        metavar="DATUM",
        help="ta med uppdrag återrapporterade eller avslutade från DATUM (annars 90 dagar bakåt)",
    )
    report.add_argument(
        "--today", metavar="DATUM", help="räkna försenade per detta datum (annars i dag)"
    )
    report.add_argument(
        "--template", metavar="MALL.docx", help="kommunens egen Word-mall (stilar, sidhuvud)"
    )
    oparl = exports.add_parser(
        "oparl", help="öppna data: det offentliga innehållet som OParl 1.1 (JSON-filer)"
    )
    oparl.add_argument(
        "-o", "--output", metavar="MAPP", required=True, help="mapp att skriva oparl/ i"
    )
    oparl.add_argument(
        "--base-url",
        metavar="URL",
        help="adressen där oparl/ publiceras (annars https://example.org/oparl)",
    )
    from namnd.cli.protocol_commands import add_arguments

    add_arguments(exports, imports)
    from namnd.cli.signing_commands import add_arguments as add_signing_arguments

    add_signing_arguments(commands)
    from namnd.cli.send_commands import add_arguments as add_send_arguments

    add_send_arguments(commands)
    from namnd.cli.organ_commands import add_arguments as add_organ_arguments

    add_organ_arguments(commands)
    from namnd.cli.inkallelse_commands import add_arguments as add_inkallelse_arguments

    add_inkallelse_arguments(commands)
    from namnd.cli.publish_commands import add_arguments as add_publish_arguments

    add_publish_arguments(commands)
    reports = commands.add_parser("report", help="skriv en rapport").add_subparsers(
        dest="what", title="vad", metavar="VAD", required=True, parser_class=SwedishParser
    )
    unexecuted = reports.add_parser(
        "ej-verkstallda", help="kvartalets redovisning av ej verkställda gynnande beslut"
    )
    unexecuted.add_argument("--quarter", required=True, metavar="ÅÅÅÅQN", help="t.ex. 2019Q2")
    unexecuted.add_argument("--lag", choices=["sol", "lss"], help="bara SoL eller bara LSS")
    unexecuted.add_argument(
        "--format", choices=["md", "docx"], default="md", help="filformat (md eller docx)"
    )
    unexecuted.add_argument(
        "--public", action="store_true", help="offentlig version: bara antal, inga individrader"
    )
    unexecuted.add_argument(
        "--as-of", metavar="DATUM", help="räkna tid till detta datum (annars kvartalets sista dag)"
    )
    unexecuted.add_argument("--organ", metavar="KOD", help="nämndens kod, t.ex. von")
    unexecuted.add_argument(
        "--meeting",
        metavar="SAMMANTRÄDE",
        help="lägg redovisningen under sammanträdets anmälningsärenden (bilaga med sekretess)",
    )
    unexecuted.add_argument(
        "-o", "--output", metavar="FIL", help="fil att skriva (md: annars stdout)"
    )
    unexecuted.add_argument(
        "--dnr", help="tjänsteskrivelsens diarienummer (med --meeting: anmälningsärendets)"
    )
    unexecuted.add_argument(
        "--referens", metavar="NAMN", action="append", default=[], help="handläggare (flera ggr)"
    )
    unexecuted.add_argument(
        "--underskrift",
        metavar="'NAMN, TITEL'",
        action="append",
        default=[],
        help="undertecknare (flera ggr; annars referensen)",
    )
    summary = reports.add_parser(
        "delegationsbeslut", help="antal inlästa delegationsbeslut per insats, lagrum och månad"
    )
    summary.add_argument("meeting", metavar="SAMMANTRÄDE", help="datum (2019-09-19) eller id")
    return parser
