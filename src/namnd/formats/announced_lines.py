"""The anmälda handlingar as lines: ``Titel | dnr | källa [sekretess]``.

Used under ``### Anmälda handlingar`` in the agenda file (with a leading ``- ``) and as
the editor's lines field (without). Dnr and källa may be empty; the title may not.
The dnr is checked in the organ's format when the caller knows it (the agenda file);
the editor's lines leave that to the Store, which knows the ärende's organ.
"""

from __future__ import annotations

import re

from namnd.domain.diarienummer import DnrFormat
from namnd.domain.models import AnnouncedDocument
from namnd.errors import InvalidInput

_SECRET = re.compile(r"\s*\[sekretess\]\s*$")


def dump_line(document: AnnouncedDocument) -> str:
    """One handling as its line (no leading dash)."""
    line = " | ".join((document.title, document.dnr or "", document.source)).rstrip(" |")
    return line + (" [sekretess]" if document.confidential else "")


def parse_line(text: str, position: int, dnr_format: DnrFormat | None = None) -> AnnouncedDocument:
    """One line back (InvalidInput in Swedish for a missing title or a bad dnr)."""
    secret = _SECRET.search(text)
    if secret:
        text = text[: secret.start()]
    title, _, rest = text.partition("|")
    dnr, _, source = rest.partition("|")
    if not title.strip():
        raise InvalidInput("en anmäld handling behöver en titel (”Titel | dnr | källa”).")
    return AnnouncedDocument(
        arende_id=0,
        position=position,
        title=title.strip(),
        dnr=_dnr(dnr.strip(), dnr_format) if dnr.strip() else None,
        source=source.strip(),
        confidential=bool(secret),
    )


def _dnr(text: str, dnr_format: DnrFormat | None) -> str:
    if dnr_format is not None:
        return dnr_format.normalise(text)
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise InvalidInput(f"diarienumret ”{text}” innehåller ett styrtecken.")
    return text


def announcement_lines(documents: list[AnnouncedDocument]) -> str:
    """The editor's text for a list of handlingar."""
    return "\n".join(dump_line(d) for d in documents)


def parse_announcement_lines(
    text: str, dnr_format: DnrFormat | None = None
) -> list[AnnouncedDocument]:
    """The editor's lines back, naming the line of a mistake; blank lines are skipped."""
    documents: list[AnnouncedDocument] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                documents.append(parse_line(line, len(documents) + 1, dnr_format))
            except InvalidInput as err:
                raise InvalidInput(f"Anmälda handlingar, rad {number}: {err}") from None
    return documents
