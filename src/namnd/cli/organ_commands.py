"""`namnd organ add|edit|list`: the organs of the workspace and their settings."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from namnd.storage.workspace import Workspace

#: Option → OrganSettings field, shared by add and edit.
OPTIONS = (
    ("--name", "name", "NAMN", "organets namn, t.ex. Socialnämnden"),
    ("--prefix", "diarium_prefix", "P", "diarieprefix (annars koden), t.ex. SN"),
    ("--dnr-format", "dnr_format", "F", "diarienummerformat, t.ex. ”{prefix} {year}/{number}”"),
    ("--parent", "parent", "KOD", "överordnat organ (nämnden ett utskott bereder för)"),
    ("--forvaltning", "administration", "T", "förvaltningen, t.ex. Socialförvaltningen"),
    ("--kommun", "municipality", "T", "kommunen"),
    ("--sekreterare", "secretary_name", "T", "nämndsekreterarens namn"),
    ("--sekreterare-titel", "secretary_title", "T", "sekreterarens titel"),
    ("--forvaring", "archive_place", "T", "förvaringsplats för protokollet"),
    ("--sekretessgrund", "osl_reference", "T", "sekretessgrund, t.ex. ”26 kap. 1 § OSL”"),
    ("--mall", "template_path", "FIL.docx", "Word-mall för kallelse och protokoll"),
)


def add_arguments(commands) -> None:
    """The ``organ`` verb and its sub-verbs on the CLI's parser."""
    from namnd.cli.parser import SwedishParser

    verbs = commands.add_parser("organ", help="nämnder och utskott: lägg till, ändra, lista")
    sub = verbs.add_subparsers(
        dest="what", title="vad", metavar="VAD", required=True, parser_class=SwedishParser
    )
    for verb, help_text in (("add", "lägg till ett organ"), ("edit", "ändra ett organ")):
        parser = sub.add_parser(verb, help=help_text)
        parser.add_argument("code", metavar="KOD", help="organets kod, t.ex. sn")
        for option, field, metavar, text in OPTIONS:
            parser.add_argument(option, dest=field, metavar=metavar, help=text)
    listing = sub.add_parser("list", help="lista organen")
    listing.add_argument("--json", action="store_true", help="skriv JSON (se docs/cli.md)")


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    """Add, edit or list organs."""
    from namnd.cli.commands import open_store

    if args.what == "list":
        return _list(args, open_store(workspace))
    from namnd.domain.organ_settings import OrganSettings
    from namnd.errors import InvalidInput

    values = {field: getattr(args, field) for _, field, _, _ in OPTIONS}
    given = {field: value for field, value in values.items() if value is not None}
    if given.get("template_path"):
        given["template_path"] = str(Path(given["template_path"]).expanduser().resolve())
    if args.what == "add":
        if not given.get("name"):
            raise InvalidInput("Ange organets namn med --name.")
        saved = open_store(workspace).organs.create(OrganSettings(code=args.code, **given))
        print(f"Lade till {saved.name} ({saved.code}), diarienummer som {_example(saved)}.")
        return 0
    if not given:
        raise InvalidInput("Ange vad som ska ändras, t.ex. --name eller --dnr-format.")
    from namnd.domain.changes import OrganChanges  # not on every verb's way: the parser

    saved = open_store(workspace).organs.edit(args.code, OrganChanges(**given))
    print(f"Sparade {saved.name} ({saved.code}).")
    return 0


def _example(settings) -> str:
    from namnd.domain.diarienummer import DnrFormat

    return DnrFormat(settings.dnr_format, settings.diarium_prefix).example()


def _list(args: argparse.Namespace, store) -> int:
    from namnd.cli.output import text_table

    organs = store.organs.all()
    if args.json:
        data = {"organs": [dataclasses.asdict(organ) for organ in organs]}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif organs:
        header = ("Kod", "Namn", "Prefix", "Diarienummer", "Överordnat", "Förvaltning")
        rows = [
            (o.code, o.name, o.diarium_prefix, _example(o), o.parent, o.administration)
            for o in organs
        ]
        print(text_table(header, rows))
    else:
        print("Inga nämnder ännu. Lägg till en med: namnd organ add KOD --name NAMN")
    return 0
