"""Read and write the agenda file format described in ``docs/agenda-format.md``.

``dump_agenda(parse_agenda(text))`` is the canonical spelling of a file, and
``parse_agenda(dump_agenda(doc))`` gives back the same content: that is what makes
export → import → export byte-identical.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import yaml

from namnd.domain.agenda import AgendaDocument, AgendaEntry
from namnd.domain.diarienummer import DnrFormat, external_reference
from namnd.domain.kinds import ArendeKind, MeetingStatus
from namnd.domain.models import AnnouncedDocument, Arende, Attachment, GroupMeeting, Meeting, Organ
from namnd.domain.organ_code import check_organ_code
from namnd.errors import InvalidInput
from namnd.formats.announced_lines import dump_line as dump_announced
from namnd.formats.announced_lines import parse_line as parse_announced
from namnd.formats.markdown_sections import (
    FileFormatError,
    escape_text,
    find_blocks,
    key_lines,
    proposal_markdown,
    split_parts,
    unescape_text,
)
from namnd.rules.swedish_dates import clock, parse_clock, parse_iso_date

# A mistake in an agenda file, with the line it is on (shared with the protokoll file).
AgendaFormatError = FileFormatError


# --- sections and their order -------------------------------------------------------

PREAMBLE = "Ingress"
PROPOSAL = "Förslag till beslut"
ADMIN_PROPOSAL = "Förvaltningens förslag till beslut"
SUMMARY = "Sammanfattning"
BODY = "Ärendet"
ANNOUNCED = "Anmälda handlingar"
ATTACHMENTS = "Bilagor"
DISPATCH = "Expedieras till"
SECTIONS = (PREAMBLE, PROPOSAL, ADMIN_PROPOSAL, SUMMARY, ANNOUNCED, BODY, ATTACHMENTS, DISPATCH)

_T = TypeVar("_T")

_ITEM_HEADING = re.compile(r"^## (\d+)\. (.+?)\s*$")
_NUMBERED = re.compile(r"^(\d+)[.)]\s+(.*)$")
# A lone att-sats that would read as item 1 of a numbered list, and its escaped form.
_LOOKS_NUMBERED = re.compile(r"^(\d+)(\\*[.)]\s)")
_ESCAPED_NUMBER = re.compile(r"^(\d+)\\(\\*[.)]\s)")
_FLAG = re.compile(r"\s*\[(sekretess|skickas ut senare|fil:\s*([^\]]+))\]\s*$")


def _split_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _yes(value: str) -> bool:
    lowered = value.strip().casefold()
    if lowered in ("ja", "nej"):
        return lowered == "ja"
    raise InvalidInput(f"skriv ja eller nej, inte ”{value}”")


@dataclass(frozen=True)
class _MetaKey:
    """How one ``Key: value`` line maps onto an Arende field."""

    key: str
    field: str
    #: Reads the value; the organ's diarienummer format is the second argument.
    read: Callable[[str, DnrFormat], object]
    write: Callable[[Any], str]  # takes the value of the Arende field ``field``


def _plain(read: Callable[[str], object]) -> Callable[[str, DnrFormat], object]:
    return lambda value, _format: read(value)


_META: tuple[_MetaKey, ...] = (
    _MetaKey("Dnr", "dnr", lambda v, f: f.normalise(v), str),
    _MetaKey(
        "Övriga dnr",
        "related_dnrs",
        lambda v, f: [f.normalise(p) for p in _split_list(v)],
        "; ".join,
    ),
    # Another authority's number (a motion's KS number, Regeringskansliet's): as typed.
    _MetaKey("Extern referens", "external_ref", _plain(external_reference), str),
    _MetaKey("Typ", "kind", _plain(ArendeKind.from_label), lambda k: k.label),
    _MetaKey("Referens", "handlers", _plain(_split_list), "; ".join),
    _MetaKey("Mottagare", "recipients", _plain(_split_list), "; ".join),
    _MetaKey("Datum", "memo_date", _plain(parse_iso_date), lambda d: d.isoformat()),
    _MetaKey(
        "Svar senast",
        "reply_by",
        _plain(lambda v: parse_iso_date(v, what="datum för svar senast")),
        lambda d: d.isoformat(),
    ),
    _MetaKey("Tjänsteskrivelse", "memo_title", _plain(str.strip), str),
    _MetaKey("Underskrifter", "signatures", _plain(_split_list), "; ".join),
    _MetaKey("Skickas ut", "sent_later", _plain(str.strip), str),
    _MetaKey("Sekretess", "confidential", _plain(_yes), lambda b: "ja"),
)
_META_BY_KEY = {meta.key.casefold(): meta for meta in _META}

# Front matter: (key, required). Values are read as text (YAML BaseLoader).
_FRONT_KEYS = (
    "nämnd",
    "kod",
    "diarieprefix",
    "förvaltning",
    "sekretessgrund",
    "datum",
    "tid",
    "plats",
    "kallelsedatum",
    "status",
    "ordförande",
    "sekreterare",
    "sekreterartitel",
    "justering",
    "gruppmöten",
)
_GROUP_KEYS = ("partier", "plats", "datum", "tid")


# --- parsing --------------------------------------------------------------------------


def parse_agenda(
    text: str, dnr_format: Callable[[Organ], DnrFormat] | None = None
) -> AgendaDocument:
    """Parse an agenda file; any mistake raises :class:`AgendaFormatError` with its line.

    ``dnr_format`` gives the diarienummer format of the file's organ (the stored organ's
    own, on import); without it the format is the default with the file's diarieprefix.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    body_start, organ, meeting, groups = _parse_front_matter(lines)
    numbers = dnr_format(organ) if dnr_format else DnrFormat(organ.dnr_format, organ.diarium_prefix)
    entries = _parse_items(lines, body_start, numbers)
    return AgendaDocument(organ=organ, meeting=meeting, group_meetings=groups, entries=entries)


def load_front_matter(lines: list[str]) -> tuple[int, dict[str, object]]:
    """The YAML between the opening ``---`` lines, read as text; and where the body starts.

    Shared with the protokoll file format (``formats.protocol_markdown``).
    """
    if not lines or lines[0].strip() != "---":
        raise AgendaFormatError(1, "filen ska börja med --- och sammanträdets uppgifter (YAML).")
    try:
        # Only an unindented ---: YAML writes a --- inside a value indented.
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")
    except StopIteration:
        raise AgendaFormatError(1, "uppgifterna överst avslutas aldrig med ---.") from None
    try:
        data = yaml.load("\n".join(lines[1:end]), Loader=yaml.BaseLoader) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise AgendaFormatError(line, f"uppgifterna överst går inte att läsa: {err}") from None
    if not isinstance(data, dict):
        raise AgendaFormatError(2, "uppgifterna överst ska vara nyckel: värde-rader.")
    return end + 1, data


def _parse_front_matter(lines: list[str]) -> tuple[int, Organ, Meeting, list[GroupMeeting]]:
    body_start, data = load_front_matter(lines)
    end = body_start - 1

    def line_of(key: str) -> int:
        for i in range(1, end):
            if lines[i].lstrip().startswith(f"{key}:"):
                return i + 1
        return 1

    for key in data:
        if key not in _FRONT_KEYS:
            allowed = ", ".join(_FRONT_KEYS)
            raise AgendaFormatError(line_of(key), f"okänd uppgift ”{key}” (tillåtna: {allowed}).")

    def text_of(key: str, *, required: bool = False) -> str:
        value = data.get(key, "")
        if not isinstance(value, str):
            raise AgendaFormatError(line_of(key), f"”{key}” ska vara en text.")
        if required and not value.strip():
            raise AgendaFormatError(line_of(key), f"uppgiften ”{key}” saknas.")
        return value.strip()

    def convert(key: str, reader: Callable[[str], _T]) -> _T | None:
        value = text_of(key)
        if not value:
            return None
        try:
            return reader(value)
        except InvalidInput as err:
            raise AgendaFormatError(line_of(key), str(err)) from None

    code = text_of("kod", required=True)
    try:
        check_organ_code(code)
    except InvalidInput as err:
        raise AgendaFormatError(line_of("kod"), str(err)) from None
    organ = Organ(
        code=code,
        name=text_of("nämnd", required=True),
        diarium_prefix=text_of("diarieprefix") or code,
        administration=text_of("förvaltning"),
        osl_reference=text_of("sekretessgrund"),
    )
    if not text_of("datum", required=True):
        raise AgendaFormatError(line_of("datum"), "uppgiften ”datum” saknas.")
    meeting_date = convert("datum", parse_iso_date)
    assert meeting_date is not None, "datum is required above"
    meeting = Meeting(
        organ_id=0,
        date=meeting_date,
        start_time=convert("tid", parse_clock),
        place=text_of("plats"),
        kallelse_date=convert("kallelsedatum", parse_iso_date),
        status=convert("status", MeetingStatus.from_label) or MeetingStatus.DRAFT,
        chair_name=text_of("ordförande"),
        secretary_name=text_of("sekreterare"),
        secretary_title=text_of("sekreterartitel") or "Nämndsekreterare",
        justering_text=text_of("justering"),
    )
    groups = _parse_groups(data.get("gruppmöten") or [], line_of("gruppmöten"))
    return end + 1, organ, meeting, groups


def _parse_groups(raw: object, line: int) -> list[GroupMeeting]:
    if not isinstance(raw, list):
        raise AgendaFormatError(line, "”gruppmöten” ska vara en lista.")
    groups = []
    for position, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or set(item) - set(_GROUP_KEYS):
            raise AgendaFormatError(
                line, f"gruppmöte {position}: ange partier, plats, datum och tid."
            )
        try:
            groups.append(
                GroupMeeting(
                    meeting_id=0,
                    position=position,
                    parties=str(item.get("partier", "")).strip(),
                    place=str(item.get("plats", "")).strip(),
                    date=parse_iso_date(item["datum"]) if item.get("datum") else None,
                    start_time=parse_clock(item["tid"]) if item.get("tid") else None,
                )
            )
        except InvalidInput as err:
            raise AgendaFormatError(line, f"gruppmöte {position}: {err}") from None
    return groups


def _parse_items(lines: list[str], start: int, numbers: DnrFormat) -> list[AgendaEntry]:
    """Split the body into ``## N.`` items and each item into metadata and sections."""
    blocks = find_blocks(
        lines,
        start,
        _ITEM_HEADING,
        expected="ett ärende ska ha rubriken ”## N. Rubrik”.",
        before="text före första ärendet (”## 1. Rubrik”).",
    )
    entries = []
    for n, (index, match, stop) in enumerate(blocks, start=1):
        if int(match[1]) != n:
            raise AgendaFormatError(index + 1, f"ärendet har nummer {match[1]}, väntat {n}.")
        entries.append(_parse_item(lines, index, stop, match[2], numbers))
    return entries


def _parse_item(
    lines: list[str], heading: int, stop: int, title: str, numbers: DnrFormat
) -> AgendaEntry:
    arende = Arende(organ_id=0, title=title)
    meta, index = key_lines(lines, heading, stop)
    for line_no, line in meta:
        _apply_meta(arende, line, line_no, numbers)
    sections = split_parts(
        lines,
        index,
        stop,
        SECTIONS,
        where="ärendet",
        stray="text utanför en rubrik; uppgiftsraderna ska stå direkt under ärendets rubrik.",
    )
    attachments: list[Attachment] = []
    attachment_lines: list[int] = []
    announcements: list[AnnouncedDocument] = []
    for name, (heading_line, body) in sections.items():
        text = unescape_text("\n".join(body).strip("\n"))
        # Line number of the line before the text's first line, for error messages.
        line_no = heading_line + next((i for i, b in enumerate(body) if b.strip()), 0)
        if name == PREAMBLE:
            arende.preamble_md = text
        elif name == PROPOSAL:
            arende.proposal = _parse_proposal(text, line_no)
        elif name == ADMIN_PROPOSAL:
            arende.administration_proposal = _parse_proposal(text, line_no)
        elif name == SUMMARY:
            arende.summary_md = text
        elif name == BODY:
            arende.body_md = text
        elif name == ATTACHMENTS:
            attachments = _parse_attachments(body, heading_line)
            attachment_lines = [line for line, _ in _bullets(body, heading_line, ATTACHMENTS)]
        elif name == ANNOUNCED:
            announcements = _parse_announcements(body, heading_line, numbers)
        elif name == DISPATCH:
            arende.dispatch_to = [text for _, text in _bullets(body, heading_line, DISPATCH)]
    return AgendaEntry(
        arende=arende,
        attachments=attachments,
        announcements=announcements,
        attachment_lines=attachment_lines,
    )


def _apply_meta(arende: Arende, line: str, line_no: int, numbers: DnrFormat) -> None:
    key, sep, value = line.partition(":")
    meta = _META_BY_KEY.get(key.strip().casefold())
    if not sep or meta is None:
        allowed = ", ".join(m.key for m in _META)
        raise AgendaFormatError(
            line_no, f"okänd uppgiftsrad ”{line.strip()}” (tillåtna nycklar: {allowed})."
        )
    try:
        setattr(arende, meta.field, meta.read(value.strip(), numbers))
    except InvalidInput as err:
        raise AgendaFormatError(line_no, f"{meta.key}: {err}") from None


def _parse_proposal(text: str, line_no: int) -> list[str]:
    """A numbered list of att-satser, or one paragraph for a single att-sats."""
    if not text.strip():
        return []
    lines = text.split("\n")
    if not _NUMBERED.match(lines[0]):
        single = " ".join(part.strip() for part in lines if part.strip())
        return [_ESCAPED_NUMBER.sub(r"\1\2", single)]
    items: list[str] = []
    for offset, line in enumerate(lines, start=1):
        match = _NUMBERED.match(line)
        if match:
            if int(match[1]) != len(items) + 1:
                raise AgendaFormatError(
                    line_no + offset, f"att-sats {match[1]}, väntat {len(items) + 1}."
                )
            items.append(match[2].strip())
        elif line.strip() and line.startswith((" ", "\t")) and items:
            items[-1] += " " + line.strip()
        elif line.strip():
            raise AgendaFormatError(
                line_no + offset, "förslaget ska vara en numrerad lista eller ett enda stycke."
            )
    return items


def _bullets(body: list[str], line_no: int, section: str) -> list[tuple[int, str]]:
    out = []
    for offset, line in enumerate(body, start=1):
        if not line.strip():
            continue
        if not line.startswith("- "):
            raise AgendaFormatError(
                line_no + offset, f"under ”{section}” ska varje rad börja med ”- ”."
            )
        out.append((line_no + offset, line[2:].strip()))
    return out


def _parse_announcements(
    body: list[str], line_no: int, numbers: DnrFormat
) -> list[AnnouncedDocument]:
    documents: list[AnnouncedDocument] = []
    for line, text in _bullets(body, line_no, ANNOUNCED):
        try:
            documents.append(parse_announced(text, len(documents) + 1, numbers))
        except InvalidInput as err:
            raise AgendaFormatError(line, str(err)) from None
    return documents


def _parse_attachments(body: list[str], line_no: int) -> list[Attachment]:
    attachments = []
    for position, (_, text) in enumerate(_bullets(body, line_no, ATTACHMENTS), start=1):
        attachment = Attachment(arende_id=0, position=position, title=text)
        while match := _FLAG.search(attachment.title):
            flag = match[1]
            if flag == "sekretess":
                attachment.confidential = True
            elif flag == "skickas ut senare":
                attachment.sent_later = True
            else:
                attachment.file = match[2].strip()
            attachment.title = attachment.title[: match.start()].rstrip()
        attachments.append(attachment)
    return attachments


# --- writing --------------------------------------------------------------------------


def dump_agenda(doc: AgendaDocument) -> str:
    """Write the canonical agenda file for ``doc``."""
    out = ["---", *_dump_front_matter(doc), "---", ""]
    for number, entry in enumerate(doc.entries, start=1):
        out.extend(_dump_item(number, entry))
    return "\n".join(out).rstrip("\n") + "\n"


class TextDumper(yaml.SafeDumper):
    """Emits every value as text, quoting only what YAML syntax needs (mirrors BaseLoader)."""

    yaml_implicit_resolvers: dict[str, object] = {}  # noqa: RUF012  (PyYAML reads this class attribute)


def _dump_front_matter(doc: AgendaDocument) -> list[str]:
    m, o = doc.meeting, doc.organ
    data: dict[str, object] = {
        "nämnd": o.name,
        "kod": o.code,
        "diarieprefix": o.diarium_prefix,
        "förvaltning": o.administration,
        **({"sekretessgrund": o.osl_reference} if o.osl_reference else {}),
        "datum": m.date.isoformat(),
        "tid": clock(m.start_time),
        "plats": m.place,
        "kallelsedatum": m.kallelse_date.isoformat() if m.kallelse_date else "",
        "status": m.status.label,
        "ordförande": m.chair_name,
        "sekreterare": m.secretary_name,
        "sekreterartitel": m.secretary_title,
        "justering": m.justering_text,
    }
    if doc.group_meetings:
        data["gruppmöten"] = [
            {
                "partier": group.parties,
                "plats": group.place,
                "datum": group.date.isoformat() if group.date else "",
                "tid": clock(group.start_time),
            }
            for group in doc.group_meetings
        ]
    text = yaml.dump(data, Dumper=TextDumper, allow_unicode=True, sort_keys=False, width=10_000)
    return text.rstrip("\n").split("\n")


def _dump_item(number: int, entry: AgendaEntry) -> list[str]:
    arende = entry.arende
    out = [f"## {number}. {arende.title}", ""]
    meta = []
    for key in _META:
        value = getattr(arende, key.field)
        if value in (None, "", [], False) or (key.field == "kind" and value is None):
            continue
        meta.append(f"{key.key}: {key.write(value)}")
    if meta:
        out.extend([*meta, ""])

    def section(name: str, text: str) -> None:
        if text:
            out.extend([f"### {name}", "", text, ""])

    section(PREAMBLE, escape_text(arende.preamble_md))
    section(PROPOSAL, _dump_proposal(arende.proposal))
    if arende.administration_proposal is not None:
        section(ADMIN_PROPOSAL, _dump_proposal(arende.administration_proposal))
    section(SUMMARY, escape_text(arende.summary_md))
    section(ANNOUNCED, "\n".join(f"- {dump_announced(d)}" for d in entry.announcements))
    section(BODY, escape_text(arende.body_md))
    section(ATTACHMENTS, "\n".join(_dump_attachment(a) for a in entry.attachments))
    section(DISPATCH, "\n".join(f"- {recipient}" for recipient in arende.dispatch_to))
    return out


def _dump_proposal(items: list[str]) -> str:
    """The proposal as the file holds it: a lone att-sats never reads as a list or heading."""
    if len(items) == 1:
        return escape_text(_LOOKS_NUMBERED.sub(r"\1\\\2", items[0]))
    return escape_text(proposal_markdown(items))


def _dump_attachment(attachment: Attachment) -> str:
    flags = []
    if attachment.confidential:
        flags.append("[sekretess]")
    if attachment.sent_later:
        flags.append("[skickas ut senare]")
    if attachment.file:
        flags.append(f"[fil: {attachment.file}]")
    return " ".join([f"- {attachment.title}", *flags])


# --- the editor's bilagor field: the same line syntax as the file, without "- " -----


def attachment_lines(attachments: list[Attachment]) -> str:
    """Bilagor as editable lines: ``Titel [sekretess] [skickas ut senare] [fil: X]``."""
    return "\n".join(_dump_attachment(a)[2:] for a in attachments)


def parse_attachment_lines(text: str) -> list[Attachment]:
    """Read the editor's bilagor lines back; blank lines are skipped."""
    return _parse_attachments([f"- {line}" for line in text.splitlines() if line.strip()], 0)
