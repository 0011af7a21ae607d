"""Read and write the protokoll file format described in ``docs/protocol-format.md``.

Like the agenda file: YAML front matter for the head (the närvaro as the printed lines,
justering, rättelser), then ``## § N Rubrik`` per paragraf with ``Nyckel: värde`` lines
and ``###`` parts. ``dump_protocol(parse_protocol(text))`` is the canonical spelling, so
export → import → export is byte-identical. A mistake raises
:class:`~namnd.formats.agenda_markdown.AgendaFormatError` naming its line, and so does
every broken rule of the protokoll (a vote by someone not serving, …).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Collection
from functools import partial
from typing import Any, TypeVar

import yaml

from namnd.domain.kinds import VoteChoice, YrkandeKind
from namnd.domain.organ_code import check_organ_code
from namnd.domain.protocol import (
    Attendee,
    Ballot,
    Correction,
    Justering,
    Note,
    Protocol,
    ProtocolParagraph,
    Reservation,
    Vote,
    Yrkande,
)
from namnd.errors import InvalidInput
from namnd.formats.agenda_markdown import AgendaFormatError, TextDumper, load_front_matter
from namnd.formats.attendance_lines import boxes, parse_line
from namnd.formats.markdown_sections import (
    escape_text,
    find_blocks,
    key_lines,
    split_parts,
    unescape_text,
)
from namnd.rules.protocol_rules import problems
from namnd.rules.swedish_dates import clock, parse_clock, parse_iso_date

DECISION, YRKANDEN, PROCESS, VOTE = "Beslut", "Yrkanden", "Beslutsgång", "Omröstning"
RESERVATIONS, NOTES, DISPATCH = "Reservationer", "Protokollsanteckningar", "Expedieras till"
PARTS = (DECISION, YRKANDEN, PROCESS, VOTE, RESERVATIONS, NOTES, DISPATCH)
_BOXES = (("beslutande", "deciding"), ("ersättare", "substitutes"), ("övriga närvarande", "others"))

_T = TypeVar("_T")

_HEADING = re.compile(r"^## § (\d+) (.+?)\s*$")


# --- writing --------------------------------------------------------------------------


def dump_protocol(protocol: Protocol) -> str:
    """The canonical protokoll file."""
    out = ["---", *_dump_head(protocol), "---", ""]
    for paragraph in protocol.paragraphs:
        out += _dump_paragraph(paragraph)
    return "\n".join(out).rstrip("\n") + "\n"


def _dump_head(protocol: Protocol) -> list[str]:
    a = protocol.justering
    hours = clock(protocol.start_time)
    if protocol.end_time:
        hours += f"–{clock(protocol.end_time)}"
    data: dict[str, object] = {
        "nämnd": protocol.organ_name,
        "kod": protocol.organ_code,
        "datum": protocol.date.isoformat(),
        "plats": protocol.place,
        "tid": hours,
        "sekreterare": protocol.secretary,
    }
    lines = boxes(protocol)
    for key, box in _BOXES:
        data[key] = lines[box].split("\n") if lines[box] else []
    data |= {
        "justerare": ", ".join(a.justerare),
        "justeringens plats": a.place,
        "justeringsdag": _iso(a.date),
        **({"justeringstid": clock(a.time)} if a.time else {}),
        "justerat": _iso(a.justerat_on),
        "anslaget": _iso(a.posted_on),
        "förvaringsplats": a.archive,
    }
    if protocol.corrections:
        data["rättelser"] = [
            {
                "paragraf": str(c.number),
                "vad": c.what,
                "skäl": c.reason,
                "av": c.by,
                "tid": c.at.isoformat(),
            }
            for c in protocol.corrections
        ]
    text = yaml.dump(data, Dumper=TextDumper, allow_unicode=True, sort_keys=False, width=10_000)
    return text.rstrip("\n").split("\n")


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _dump_paragraph(p: ProtocolParagraph) -> list[str]:
    meta = [
        ("Dnr", p.dnr or ""),
        ("Ärende", str(p.item) if p.item is not None else ""),
        ("Jäv", ", ".join(p.recused)),
        ("Omedelbart justerad", "ja" if p.immediate else ""),
        ("Sekretess", "ja" if p.confidential else ""),
    ]
    out = [f"## § {p.number} {p.title}", ""]
    lines = [f"{key}: {value}" for key, value in meta if value]
    out += [*lines, ""] if lines else []
    parts = {
        DECISION: escape_text(p.decision_md),
        YRKANDEN: "\n".join(
            f"- {', '.join(m.by)}: {m.kind.label}" + (f" – {m.text}" if m.text else "")
            for m in p.yrkanden
        ),
        PROCESS: escape_text(p.process_md),
        VOTE: _dump_vote(p.vote) if p.vote else "",
        RESERVATIONS: "\n".join(_dump_reservation(r) for r in p.reservations),
        NOTES: "\n".join(f"- {', '.join(n.by)}: {n.text}" for n in p.notes),
        DISPATCH: "\n".join(f"- {d}" for d in p.dispatch_to),
    }
    for name in PARTS:
        if parts[name]:
            out += [f"### {name}", "", parts[name], ""]
    return out


def _dump_vote(vote: Vote) -> str:
    ballots = "\n".join(f"- {b.name}: {b.choice.label}" for b in vote.ballots)
    return f"Ja: {vote.yes_for}\nNej: {vote.no_for}\n\n{ballots}"


def _dump_reservation(r: Reservation) -> str:
    line = f"- {', '.join(r.by)}" + (f": {r.reason}" if r.reason else "")
    # Indented two spaces, so no line of it reads as a heading; a blank line stays blank.
    written = "".join(f"\n  {text}" if text else "\n" for text in r.written.split("\n"))
    return line + (written if r.written else "")


# --- reading --------------------------------------------------------------------------


def parse_protocol(
    text: str,
    *,
    agenda_items: Collection[int] | None = None,
    secret_items: Collection[int] = (),
    warnings: list[str] | None = None,
    check: bool = True,
) -> Protocol:
    """Read a protokoll file; with ``check`` every rule it breaks is an error with its line.

    ``agenda_items`` are the meeting's numbers on the föredragningslista: a § for any
    other ärende is an error. A § for one of ``secret_items`` (sekretess ärenden) is
    sekretess: without the flag it is marked so, with a warning in ``warnings``;
    ``Sekretess: nej`` on it is an error.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    body_start, data = load_front_matter(lines)
    head = _parse_head(data, lines, body_start)
    paragraphs, heading_lines = _parse_paragraphs(lines, body_start)
    protocol = Protocol(**head, paragraphs=tuple(paragraphs))
    if check:
        protocol = _secret_items_marked(protocol, lines, heading_lines, secret_items, warnings)
        _check(protocol, heading_lines, agenda_items)
    return protocol


def _secret_items_marked(
    protocol: Protocol,
    lines: list[str],
    heading_lines: dict[int, int],
    secret_items: Collection[int],
    warnings: list[str] | None,
) -> Protocol:
    """Every § of a sekretess ärende marked sekretess (an ärende's sekretess rules its §)."""
    paragraphs = []
    for p in protocol.paragraphs:
        if p.item in secret_items and not p.confidential:
            heading = heading_lines[p.number]
            meta, _ = key_lines(lines, heading - 1, len(lines))
            for line_no, line in meta:
                key, _, value = line.partition(":")
                if key.strip().casefold() == "sekretess":
                    raise AgendaFormatError(
                        line_no,
                        f"§ {p.number} gäller ärende {p.item}, som har sekretess, och kan inte "
                        f"publiceras (”Sekretess: {value.strip()}”). Skriv ”Sekretess: ja”; "
                        "ett ärendes sekretess ändras på ärendet, inte i protokollet.",
                    )
            if warnings is not None:
                warnings.append(
                    f"rad {heading}: § {p.number} gäller ärende {p.item}, som har sekretess; "
                    "paragrafen markeras med sekretess."
                )
            p = dataclasses.replace(p, confidential=True)
        paragraphs.append(p)
    return dataclasses.replace(protocol, paragraphs=tuple(paragraphs))


def _check(
    protocol: Protocol, heading_lines: dict[int, int], agenda_items: Collection[int] | None
) -> None:
    for paragraph in protocol.paragraphs:
        if agenda_items is not None and paragraph.item is not None:
            if paragraph.item not in agenda_items:
                raise AgendaFormatError(
                    heading_lines[paragraph.number],
                    f"§ {paragraph.number} gäller ärende {paragraph.item}, som inte finns på "
                    "sammanträdets föredragningslista.",
                )
    broken = problems(protocol)
    if broken:
        first = broken[0]
        line = heading_lines.get(first.number, 1) if first.number is not None else 1
        raise AgendaFormatError(line, first.message)


def _line_of(lines: list[str], value: str, stop: int) -> int:
    """The front-matter line a value is written on (for errors), else the first."""
    return next((i + 1 for i in range(stop) if value and value in lines[i]), 1)


def _parse_head(data: dict[str, Any], lines: list[str], stop: int) -> dict[str, Any]:
    def text(key: str, required: bool = False) -> str:
        value = data.get(key, "")
        if not isinstance(value, str):
            raise AgendaFormatError(_line_of(lines, f"{key}:", stop), f"”{key}” ska vara text.")
        if required and not value.strip():
            raise AgendaFormatError(1, f"uppgiften ”{key}” saknas överst i filen.")
        return value.strip()

    def day(key: str, required: bool = False) -> dt.date | None:
        value = text(key, required)
        return (
            _read(lines, stop, f"{key}:", lambda: parse_iso_date(value, what=key))
            if value
            else None
        )

    start, _, end = text("tid").partition("–")
    attendees: list[Attendee] = []
    for key, box in _BOXES:
        values = data.get(key) or []
        if not isinstance(values, list):
            raise AgendaFormatError(_line_of(lines, f"{key}:", stop), f"”{key}” ska vara en lista.")
        for value in values:
            attendees.append(_read(lines, stop, value, partial(parse_line, value, box)))
    return {
        "organ_name": text("nämnd", True),
        "organ_code": _read(lines, stop, "kod:", lambda: check_organ_code(text("kod", True))),
        "date": day("datum", True),
        "place": text("plats"),
        "start_time": _read(lines, stop, "tid:", lambda: parse_clock(start)) if start else None,
        "end_time": _read(lines, stop, "tid:", lambda: parse_clock(end)) if end else None,
        "secretary": text("sekreterare"),
        "attendees": tuple(attendees),
        "justering": Justering(
            justerare=tuple(n.strip() for n in text("justerare").split(",") if n.strip()),
            place=text("justeringens plats"),
            date=day("justeringsdag"),
            time=_read(lines, stop, "justeringstid:", lambda: parse_clock(text("justeringstid")))
            if text("justeringstid")
            else None,
            justerat_on=day("justerat"),
            posted_on=day("anslaget"),
            archive=text("förvaringsplats"),
        ),
        "corrections": tuple(_parse_corrections(data.get("rättelser") or [], lines, stop)),
    }


def _read(lines: list[str], stop: int, anchor: str, parse: Callable[[], _T]) -> _T:
    try:
        return parse()
    except InvalidInput as err:
        raise AgendaFormatError(_line_of(lines, anchor, stop), str(err)) from None


def _parse_corrections(raw: object, lines: list[str], stop: int) -> list[Correction]:
    line = _line_of(lines, "rättelser:", stop)
    if not isinstance(raw, list) or not all(isinstance(r, dict) for r in raw):
        raise AgendaFormatError(
            line, "”rättelser” ska vara en lista med paragraf, vad, skäl, av, tid."
        )
    try:
        return [
            Correction(
                int(r["paragraf"]),
                r["vad"],
                r["skäl"],
                r["av"],
                _aware(dt.datetime.fromisoformat(r["tid"])),
            )
            for r in raw
        ]
    except (KeyError, ValueError) as err:
        raise AgendaFormatError(line, f"en rättelse går inte att läsa ({err}).") from None


def _aware(moment: dt.datetime) -> dt.datetime:
    """A time written without an offset is the secretary's local time."""
    return moment if moment.tzinfo is not None else moment.astimezone()


def _parse_paragraphs(
    lines: list[str], start: int
) -> tuple[list[ProtocolParagraph], dict[int, int]]:
    blocks = find_blocks(
        lines,
        start,
        _HEADING,
        expected="en paragraf ska ha rubriken ”## § N Rubrik”.",
        before="text före första paragrafen (”## § N Rubrik”).",
    )
    paragraphs = [
        _parse_paragraph(lines, index, stop, int(match[1]), match[2])
        for index, match, stop in blocks
    ]
    return paragraphs, {int(match[1]): index + 1 for index, match, _ in blocks}


_META = {
    "dnr": "dnr",
    "ärende": "item",
    "jäv": "recused",
    "omedelbart justerad": "immediate",
    "sekretess": "confidential",
}


def _parse_paragraph(
    lines: list[str], heading: int, stop: int, number: int, title: str
) -> ProtocolParagraph:
    fields: dict[str, object] = {}
    meta, index = key_lines(lines, heading, stop)
    for line_no, line in meta:
        key, sep, value = line.partition(":")
        name = _META.get(key.strip().casefold())
        if not sep or name is None:
            allowed = "Dnr, Ärende, Jäv, Omedelbart justerad, Sekretess"
            raise AgendaFormatError(
                line_no, f"okänd uppgift ”{key.strip()}” (tillåtna: {allowed})."
            )
        fields[name] = _meta_value(name, value.strip(), line_no)
    parts = split_parts(
        lines,
        index,
        stop,
        PARTS,
        where="paragrafen",
        stray="text utanför en rubrik (### Beslut, ### Yrkanden …).",
    )
    for name, (line_no, body) in parts.items():
        fields |= _parse_part(name, body, line_no)
    return ProtocolParagraph(number=number, title=title, **fields)  # type: ignore[arg-type]


def _meta_value(name: str, value: str, line: int) -> object:
    if name == "item":
        if not value.isdigit():
            raise AgendaFormatError(
                line, f"”Ärende” ska vara ett nummer på listan, inte ”{value}”."
            )
        return int(value)
    if name in ("immediate", "confidential"):
        if value.casefold() not in ("ja", "nej"):
            raise AgendaFormatError(line, f"skriv ja eller nej, inte ”{value}”.")
        return value.casefold() == "ja"
    if name == "recused":
        return tuple(n.strip() for n in value.split(",") if n.strip())
    return value or None


def _parse_part(name: str, body: list[str], heading_line: int) -> dict[str, object]:
    text = unescape_text("\n".join(body).strip("\n"))
    if name == DECISION:
        return {"decision_md": text}
    if name == PROCESS:
        return {"process_md": text}
    if name == VOTE:
        return {"vote": _vote(body, heading_line)}
    items = _items(body, heading_line, allow_continuation=name == RESERVATIONS)
    if name == DISPATCH:
        return {"dispatch_to": tuple(item for _, item, _ in items)}
    if name == YRKANDEN:
        return {"yrkanden": tuple(_yrkande(line, item) for line, item, _ in items)}
    if name == NOTES:
        return {"notes": tuple(Note(*_who(line, item, required=True)) for line, item, _ in items)}
    return {"reservations": tuple(_reservation(line, item, more) for line, item, more in items)}


def _items(
    body: list[str], heading_line: int, *, allow_continuation: bool
) -> list[tuple[int, str, list[str]]]:
    """``- item`` lines with their line numbers and (if allowed) indented continuation."""
    items: list[tuple[int, str, list[str]]] = []
    for offset, line in enumerate(body, start=1):
        if line.startswith("- "):
            items.append((heading_line + offset, line[2:].strip(), []))
        elif allow_continuation and items and (line.startswith("  ") or not line.strip()):
            items[-1][2].append(line[2:] if line.startswith("  ") else "")
        elif line.strip():
            raise AgendaFormatError(heading_line + offset, "skriv en rad per punkt, som ”- …”.")
    return items


def _who(line: int, item: str, *, required: bool) -> tuple[tuple[str, ...], str]:
    names, sep, rest = item.partition(":")
    if (required and not sep) or not names.strip():
        raise AgendaFormatError(line, f"skriv ”Namn: text”, inte ”{item}”.")
    return tuple(n.strip() for n in names.split(",") if n.strip()), rest.strip()


def _yrkande(line: int, item: str) -> Yrkande:
    by, rest = _who(line, item, required=True)
    label, _, text = rest.partition(" – ")
    try:
        kind = YrkandeKind.from_label(label)
    except InvalidInput as err:
        raise AgendaFormatError(line, str(err)) from None
    return Yrkande(by, kind, text.strip())


def _reservation(line: int, item: str, more: list[str]) -> Reservation:
    by, reason = _who(line, item, required=False)
    return Reservation(by, reason, "\n".join(more).strip("\n"))


def _vote(body: list[str], heading_line: int) -> Vote:
    yes_for = no_for = ""
    ballots = []
    for offset, line in enumerate(body, start=1):
        number = heading_line + offset
        if line.startswith("Ja: "):
            yes_for = line[4:].strip()
        elif line.startswith("Nej: "):
            no_for = line[5:].strip()
        elif line.startswith("- "):
            name, sep, choice = line[2:].rpartition(":")
            try:
                ballots.append(Ballot(name.strip(), VoteChoice.from_label(choice)))
            except InvalidInput as err:
                raise AgendaFormatError(number, str(err)) from None
            if not sep:
                raise AgendaFormatError(number, "skriv ”- Namn: Ja”, ”Nej” eller ”Avstår”.")
        elif line.strip():
            raise AgendaFormatError(
                number, "omröstningen har raderna ”Ja: …”, ”Nej: …” och ”- Namn: Ja”."
            )
    if not yes_for or not no_for:
        raise AgendaFormatError(heading_line, "omröstningen behöver både ”Ja: …” och ”Nej: …”.")
    return Vote(yes_for, no_for, tuple(ballots))
