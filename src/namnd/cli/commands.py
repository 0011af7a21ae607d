"""The commands behind the CLI verbs; each imports what it needs when it runs."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from namnd.cli import output
from namnd.rules.swedish_numbers import counted
from namnd.storage.workspace import Workspace, resolve

if TYPE_CHECKING:
    from namnd.storage.store import Store


def run(args: argparse.Namespace) -> int:
    """Dispatch to the command named on the command line."""
    workspace = resolve(args.workspace, args.db)
    handler = {
        None: _tui,
        "demo": _demo,
        "meetings": _meetings,
        "agenda": _agenda,
        "import": _import,
        "schedule": _schedule,
        "members": _members,
        "search": _search,
        "backup": _backup,
        "archive": _archive,
        "todo": _todo,
        "delegation-codes": _delegation_codes,
        "export": _export,
        "uppdrag": _uppdrag,
        "report": _report,
        "check-public": _check_public,
        "organ": _organ,
        "sign": _sign,
        "verify": _verify,
        "forhinder": _inkallelse,
        "inkalla": _inkallelse,
        "publish": _publish,
        "send": _send,
        "lists": _lists,
    }[args.command]
    if not may_create_database(args):
        workspace.require_database()
    return handler(args, workspace)


def may_create_database(args: argparse.Namespace) -> bool:
    """Whether the command may start a new workspace; the others only read (or need data).

    ``namnd meetings`` in a folder without a database says so instead of leaving an
    empty ``namnd.db`` behind.
    """
    if args.command in (None, "demo", "import", "verify"):
        return True
    if args.command == "organ":
        return args.what == "add"
    if args.command == "schedule":
        return bool(args.add or args.remove or args.propose)
    if args.command == "delegation-codes":
        return bool(args.add)
    return False


def open_store(workspace: Workspace) -> Store:
    """Open the workspace (imported here: SQLAlchemy would slow the TUI's first paint)."""
    from namnd.storage.store import Store

    return Store.open(workspace)


def _sign(args: argparse.Namespace, workspace: Workspace) -> int:
    from namnd.cli.signing_commands import sign

    return sign(args, workspace)


def _verify(args: argparse.Namespace, workspace: Workspace) -> int:
    from namnd.cli.signing_commands import verify

    return verify(args, workspace)


def _organ(args: argparse.Namespace, workspace: Workspace) -> int:
    from namnd.cli.organ_commands import run as run_organ

    return run_organ(args, workspace)


def _inkallelse(args: argparse.Namespace, workspace: Workspace) -> int:
    from namnd.cli.inkallelse_commands import run as run_inkallelse

    return run_inkallelse(args, workspace)


def _publish(args: argparse.Namespace, workspace: Workspace) -> int:
    from namnd.cli.publish_commands import run as run_publish

    return run_publish(args, workspace)


def _send(args: argparse.Namespace, workspace: Workspace) -> int:
    from namnd.cli.send_commands import run_send

    return run_send(args, workspace)


def _lists(args: argparse.Namespace, workspace: Workspace) -> int:
    from namnd.cli.send_commands import run_lists

    return run_lists(args, workspace)


def _tui(args: argparse.Namespace, workspace: Workspace) -> int:
    from namnd.storage.meeting_peek import peek_meetings
    from namnd.tui.app import create_app

    # An up-to-date SQLite workspace paints its meetings before the ORM is imported;
    # anything else opens the Store first, so a database error is a CLI message.
    first = peek_meetings(workspace, dt.date.today())
    store = None if first is not None else open_store(workspace)
    app = create_app(store, workspace=workspace, first_meetings=first)
    app.run()
    return app.return_code or 0  # 128 + the signal after SIGHUP/SIGTERM


def _demo(args: argparse.Namespace, workspace: Workspace) -> int:
    from namnd.operations.demo import load_demo

    store = open_store(workspace)
    report = load_demo(store)
    if report.changed:
        added = ", ".join(f"{n} {what}" for what, n in report.added.items() if n)
        print(f"Demonämnden är inläst i {output.where(workspace)}: {added}.")
    else:
        print(f"Demonämnden fanns redan i {output.where(workspace)}; inget ändrades.")
    return 0


def _meetings(args: argparse.Namespace, workspace: Workspace) -> int:
    meetings = open_store(workspace).schedule.meetings(year=args.year)
    if args.json:
        _print_json({"meetings": [output.meeting_json(m) for m in meetings]})
    else:
        print(output.meetings_table(meetings, year=args.year))
    return 0


def _agenda(args: argparse.Namespace, workspace: Workspace) -> int:
    store = open_store(workspace)
    view = store.agendas.agenda(store.schedule.find_meeting(args.meeting).id)
    if args.json:
        _print_json(output.agenda_json(view))
    else:
        print(output.agenda_text(view))
    return 0


def _import(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.what in ("delegationsbeslut", "ej-verkstallda"):
        from namnd.cli.delegation_commands import import_delegation, import_register

        if args.what == "delegationsbeslut":
            return import_delegation(args, workspace)
        return import_register(args, open_store(workspace))
    if args.what == "protokoll":
        from namnd.cli.protocol_commands import import_file

        return import_file(args, workspace)
    if args.what == "ledamoter":
        from namnd.operations.roster_import import read_roster

        seats = read_roster(
            Path(args.file),
            first_day=_date(args.first_day, "datum för --from"),
            last_day=_date(args.last_day, "datum för --to"),
        )
        added = open_store(workspace).members.import_seats(seats, organ_code=args.organ)
        print(
            f"Läste in {added} av {counted(len(seats), 'plats', 'platser')}."
            if added
            else "Alla platser i filen fanns redan; inget ändrades."
        )
        return 0
    from namnd.operations.agenda_files import import_agenda_file

    result = import_agenda_file(
        open_store(workspace), Path(args.file), new_versions=args.new_versions
    )
    if result.new_versions:
        print(f"Tog in nya versioner av {', '.join(result.new_versions)}.")
    else:
        print(f"Läste in sammanträdet (id {result.meeting_id}) med {result.items} ärenden.")
    return 0


def _todo(args: argparse.Namespace, workspace: Workspace) -> int:
    import datetime as dt

    from namnd.operations.todo import todo_lines

    today = _date(args.today, "datum för --today") or dt.date.today()
    lines = todo_lines(open_store(workspace), today, keys=False)
    print("\n".join(lines) if lines else "Inget att göra de närmaste två veckorna.")
    return 0


def _backup(args: argparse.Namespace, workspace: Workspace) -> int:
    import datetime as dt

    from namnd.operations.backup import backup, default_path

    target = Path(args.output) if args.output else default_path(workspace, dt.datetime.now())
    path = backup(workspace, target)
    print(f"Säkerhetskopian är skriven: {path} ({path.stat().st_size // 1024} kB).")
    return 0


def _archive(args: argparse.Namespace, workspace: Workspace) -> int:
    from namnd.operations.archive_package import build_archive, default_path

    store = open_store(workspace)
    target = Path(args.output) if args.output else default_path(workspace, store, args.meeting)
    result = build_archive(store, args.meeting, target)
    print(f"Arkivpaketet är skrivet: {result.path} ({result.files} filer, id {result.objid}).")
    return 0


def _search(args: argparse.Namespace, workspace: Workspace) -> int:
    from namnd.rules.search import COLUMNS, hit_cells

    query = " ".join(args.query)
    hits = open_store(workspace).search.find(query, limit=args.limit)
    if args.json:
        _print_json({"hits": [output.hit_json(h) for h in hits]})
    elif hits:
        print(output.text_table(COLUMNS, [hit_cells(h) for h in hits]))
    else:
        print(f"Inga träffar för ”{query}”.")
    return 0


def _members(args: argparse.Namespace, workspace: Workspace) -> int:
    import datetime as dt

    day = _date(args.on, "datum för --on") or dt.date.today()
    seats = open_store(workspace).members.seats(organ_code=args.organ)
    if not args.all:
        seats = [s for s in seats if s.holds_on(day)]
    if args.json:
        _print_json({"seats": [output.seat_json(s) for s in seats]})
    else:
        print(output.seats_table(seats, day=None if args.all else day))
    return 0


def _uppdrag(args: argparse.Namespace, workspace: Workspace) -> int:
    from namnd.domain.kinds import AssignmentStatus
    from namnd.errors import InvalidInput

    overdue = True if args.overdue else None
    statuses: set[AssignmentStatus] = set()
    if args.status and args.status.strip().casefold() in ("försenad", "overdue"):
        overdue = True
    elif args.status:
        try:
            statuses.add(AssignmentStatus.from_label(args.status))
        except InvalidInput:
            choices = ", ".join(s.label for s in AssignmentStatus)
            raise InvalidInput(
                f"Okänd status ”{args.status}”: välj {choices} eller försenad."
            ) from None
    views = open_store(workspace).assignments.find(
        statuses=statuses,
        overdue=overdue,
        due_before=_date(args.due_before, "datum för --due-before"),
        today=_date(args.today, "datum för --today"),
    )
    if args.json:
        _print_json({"assignments": [output.assignment_json(v) for v in views]})
    else:
        print(output.assignments_table(views))
    return 0


def _export_uppdrag(args: argparse.Namespace, workspace: Workspace) -> int:
    import datetime as dt

    from namnd.operations.assignment_export import default_path, export_assignment_report

    today = _date(args.today, "datum för --today") or dt.date.today()
    path = Path(args.output) if args.output else default_path(workspace, today)
    result = export_assignment_report(
        open_store(workspace),
        path,
        today=today,
        since=_date(args.since, "datum för --since"),
        template=Path(args.template) if args.template else None,
    )
    print(f"Skrev {result}.")
    return 0


def _date(text: str | None, what: str):
    from namnd.rules.swedish_dates import parse_iso_date

    return parse_iso_date(text, what=what) if text else None


def _report(args: argparse.Namespace, workspace: Workspace) -> int:
    from namnd.cli.delegation_commands import report

    return report(args, open_store(workspace), workspace)


def _export(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.what == "uppdrag":
        return _export_uppdrag(args, workspace)
    if args.what == "handlingar":
        return _export_handlingar(args, workspace)
    if args.what == "oparl":
        return _export_oparl(args, workspace)
    if args.what in ("utdrag", "expediering"):
        from namnd.cli.protocol_commands import export

        return export(args, workspace)
    return _export_document(args, workspace)


def _export_document(args: argparse.Namespace, workspace: Workspace) -> int:
    """``namnd export kallelse|protokoll``: a document of ``operations.exports.EXPORTS``.

    The internal Word protokoll of an up-to-date SQLite workspace is read without the
    Store (``operations.printed_protocol.export_direct``).
    """
    path = Path(args.output) if args.output else None
    template = Path(args.template) if args.template else None
    if args.what == "protokoll" and args.format == "docx" and not args.public:
        from namnd.operations.printed_protocol import export_direct

        written = export_direct(workspace, args.meeting, path=path, template=template)
        if written is not None:
            output.print_result(written)
            return 0
    from namnd.operations.exports import EXPORTS, default_path, export

    store = open_store(workspace)
    if path is None and not (args.format == "md" and EXPORTS[args.what].markdown_to_stdout):
        path = default_path(
            workspace, store, args.meeting, args.what, args.format, public=args.public
        )
    result = export(
        store,
        args.what,
        args.meeting,
        fmt=args.format,
        path=path,
        public=args.public,
        template=template,
    )
    output.print_result(result)
    return 0


def _export_oparl(args: argparse.Namespace, workspace: Workspace) -> int:
    from namnd.operations.oparl_export import DEFAULT_BASE_URL, write_oparl

    written = write_oparl(
        open_store(workspace), Path(args.output), base_url=args.base_url or DEFAULT_BASE_URL
    )
    print(f"Skrev {counted(len(written), 'fil', 'filer')} i {Path(args.output) / 'oparl'}.")
    return 0


def _export_handlingar(args: argparse.Namespace, workspace: Workspace) -> int:
    from namnd.operations.handlingar_export import default_path, export_handlingar

    store = open_store(workspace)
    path = Path(args.output) if args.output else None
    if path is None:
        path = default_path(workspace, store, args.meeting, args.public)
    result = export_handlingar(store, args.meeting, path, public=args.public)
    for warning in result.warnings:
        print(f"Varning: {warning}", file=sys.stderr)
    print(f"{result.path} ({result.pages} sidor)")
    return 0


def _schedule(args: argparse.Namespace, workspace: Workspace) -> int:
    from namnd.operations.schedule import add_dates, year_plan

    store = open_store(workspace)
    if args.propose:
        return _propose(args, store)
    if args.add:
        from namnd.rules.swedish_dates import parse_iso_date

        dates = [parse_iso_date(text, what="sammanträdesdatum") for text in args.add]
        added = add_dates(store, dates, args.organ)
        what = counted(added, "sammanträde", "sammanträden")
        print(f"Lade till {what} ({len(dates) - added} fanns redan).")
    if args.remove:
        from namnd.rules.swedish_dates import parse_iso_date

        dates = [parse_iso_date(text, what="sammanträdesdatum") for text in args.remove]
        store.schedule.remove_planned_meetings(dates, args.organ)
        print(f"Tog bort {counted(len(dates), 'planerat sammanträde', 'planerade sammanträden')}.")
    if args.decision:
        from namnd.operations.schedule import place_decision
        from namnd.storage.preferences import current_user

        meeting = store.schedule.find_meeting(args.decision)
        place_decision(store, meeting.id, args.year, by=current_user())
        print(f"Lade ”Sammanträdesordning {args.year}” på dagordningen {meeting.date}.")
    plan = year_plan(store, args.year, args.organ)
    if args.ics:
        from namnd.operations.publishing import publish
        from namnd.renderers.ics import write_ics
        from namnd.rules.publication import public_plan

        published = public_plan(plan)

        def render(target: Path | None) -> Path:
            assert target is not None, "a calendar is always written to its file"
            return write_ics(published, target, deadlines=args.deadlines)

        path = publish(store, Path(args.ics), "ics", render)
        print(f"Skrev {path} ({counted(len(plan.meetings), 'sammanträde', 'sammanträden')}).")
    elif args.json:
        _print_json(output.plan_json(plan))
    else:
        print(output.plan_text(plan))
    return 0


def _propose(args: argparse.Namespace, store: Store) -> int:
    from namnd.operations.schedule import propose
    from namnd.rules.meeting_plan import PlanRule, parse_months, proposal_lines
    from namnd.rules.swedish_dates import weekday_number

    rule = PlanRule(
        weekday=weekday_number(args.propose),
        nth=args.nth,
        skip_months=parse_months(args.skip_in),
        second_in_months=parse_months(args.twice_in),
    )
    dates, warnings = propose(store, args.year, rule, args.organ)
    print(f"Förslag till sammanträdesordning {args.year}:")
    print("\n".join(proposal_lines(dates, warnings)))
    organ = f" --organ {args.organ}" if args.organ else ""
    iso = " ".join(d.isoformat() for d in dates)
    print(f"Spara med: namnd schedule {args.year}{organ} --add {iso}")
    return 0


def _delegation_codes(args: argparse.Namespace, workspace: Workspace) -> int:
    store = open_store(workspace)
    if args.add:
        code, subject, delegate = args.add
        store.delegation.save_code(code, subject, delegate, organ_code=args.organ)
        print(f"Sparade delegationskod {args.add[0].upper()}.")
    codes = store.delegation.codes(args.organ)
    if args.json:
        _print_json(
            {
                "codes": [
                    {"code": c.code, "matter": c.subject, "delegate": c.delegate} for c in codes
                ]
            }
        )
    elif not args.add:
        rows = [(c.code, c.subject, c.delegate) for c in codes]
        print(output.text_table(("Kod", "Ärende", "Delegat"), rows) if rows else "Inga koder ännu.")
    for code in store.delegation.unknown_codes(args.organ):
        print(
            f"Obs: koden {code} används i anmälda delegationsbeslut men saknas i ordningen.",
            file=sys.stderr,
        )
    return 0


def _check_public(args: argparse.Namespace, workspace: Workspace) -> int:
    """Exit 1 and list the findings when any file holds what must not be published."""
    from namnd.errors import InvalidInput
    from namnd.formats.public_files import kind_of
    from namnd.operations.confidential_texts import secret_index
    from namnd.operations.public_gate import check_public_file

    paths = [Path(name) for name in args.files]
    for path in paths:
        kind_of(path)
        if not path.is_file():
            raise InvalidInput(f"Filen {path} finns inte.")
    index = secret_index(open_store(workspace))
    leaking = 0
    for path in paths:
        findings = check_public_file(path, secrets=index)
        if findings:
            leaking += 1
            print(f"{path}: {len(findings)} fynd")
            print("\n".join(f"  - {finding.message}" for finding in findings))
    if len(paths) == 1:
        print("Publicera inte filen förrän fynden är åtgärdade." if leaking else "Inga fynd.")
    elif leaking:
        files = counted(len(paths), "fil", "filer")
        print(f"Fynd i {leaking} av {files}: publicera inte förrän de är åtgärdade.")
    else:
        print(f"Inga fynd i de {len(paths)} filerna.")
    return 1 if leaking else 0


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
