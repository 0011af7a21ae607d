"""The tjänsteskrivelse of one ärende, laid out like the seed's: the page a handläggare signs.

Header block (förvaltning, Datum, Dnr, Referens, Mottagare), the title, Förslag till
beslut (the förvaltning's own where it differs from the kallelse's), Sammanfattning,
the Ärendet text, the signatures as ``Underskrifter:`` holds them (``Namn, Titel``),
Bilagor and Expedieras till.

:func:`tjansteskrivelse_markdown` is the text, written once; :func:`add_tjansteskrivelse`
puts it on a new page of a Word document through the one Markdown→Word renderer. The
kallelse and the "Kallelse med handlingar" package both call these. A public version
passes the ``AgendaEntry`` from ``rules.publication.public_version``: a sekretess
ärende then has no tjänsteskrivelse page at all (the projection leaves only its title
and placeholder, printed on the ärende page).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from docx.document import Document
from docx.enum.text import WD_BREAK

from namnd.domain.agenda import AgendaEntry
from namnd.domain.models import Arende, Organ
from namnd.formats.markdown_sections import proposal_markdown
from namnd.renderers.item_markdown import memo_sections
from namnd.renderers.markdown_docx import MarkdownRenderer
from namnd.renderers.markdown_text import hard_lines, literal, shift_headings

KIND = "Tjänsteskrivelse"


def has_tjansteskrivelse(arende: Arende) -> bool:
    """True if the ärende comes with a tjänsteskrivelse worth its own page.

    A standing item or one whose handlingar are sent later has none yet.
    """
    return bool(arende.memo_date or arende.handlers or arende.signatures or arende.body_md)


def tjansteskrivelse_markdown(organ: Organ, entry: AgendaEntry, *, public: bool = False) -> str:
    """The whole tjänsteskrivelse of ``entry`` as Markdown (levels as the agenda file's).

    ``##`` is the title, ``###`` its parts; ``public`` drops the sekretess marks of the
    bilagor (the entry must then come from the public projection).
    """
    arende = entry.arende
    parts = [header_block(organ, arende), f"## {literal(arende.memo_title or arende.title)}"]
    proposal = arende.administration_proposal or arende.proposal
    if proposal:
        parts += ["### Förslag till beslut", proposal_markdown(list(proposal))]
    if arende.summary_md.strip():
        parts += ["### Sammanfattning", shift_headings(arende.summary_md.strip(), 3)]
    sections = memo_sections(entry, public=public)
    signatures = signature_block(arende.signatures)
    if signatures:  # signed below the text, above the bilagor as in the seed
        split = next((i for i, p in enumerate(sections) if p == "### Bilagor"), None)
        if split is None:
            split = next((i for i, p in enumerate(sections) if p == "### Expedieras till"), None)
        split = len(sections) if split is None else split
        sections[split:split] = [signatures]
    return "\n\n".join(parts + sections) + "\n"


def header_block(organ: Organ, arende: Arende) -> str:
    """The head of an ärende's tjänsteskrivelse (see :func:`memo_head`)."""
    return memo_head(
        organ,
        date=arende.memo_date,
        dnr=arende.dnr,
        handlers=arende.handlers,
        recipients=arende.recipients,
    )


def memo_head(
    organ: Organ,
    *,
    date: dt.date | None,
    dnr: str | None,
    handlers: Sequence[str],
    recipients: Sequence[str],
) -> str:
    """Kommun, förvaltning and TJÄNSTESKRIVELSE, then Datum, Dnr, Referens and Mottagare.

    The kommun line is printed when the organ names one (Inställningar, ``--kommun``).

    What a registrator needs to diarieföra the document; shared by the ärendens
    tjänsteskrivelser and the reports written as one (the ej verkställda redovisning).
    """
    names = (organ.municipality, organ.administration or organ.name)
    top = [*(f"**{literal(name)}**" for name in names if name), KIND.upper()]
    facts = []
    if date:
        facts.append(f"Datum {date.isoformat()}")
    if dnr:
        facts.append(f"Dnr {literal(dnr)}")
    blocks = [hard_lines(top)]
    if facts:
        blocks.append(hard_lines(facts))
    for label, people in (("Referens", handlers), ("Mottagare", recipients)):
        if people:
            blocks.append(hard_lines([f"**{label}**", *(literal(n) for n in people)]))
    return "\n\n".join(blocks)


def signature_block(signatures: Sequence[str]) -> str:
    """Each signature as its name over its title ("Petra Oxonius, Omsorgsdirektör")."""
    blocks = []
    for signature in signatures:
        name, _, title = signature.partition(",")
        lines = [literal(name.strip())] + ([literal(title.strip())] if title.strip() else [])
        blocks.append(hard_lines(lines))
    return "\n\n".join(blocks)


def add_tjansteskrivelse(
    document: Document,
    organ: Organ,
    entry: AgendaEntry,
    *,
    public: bool = False,
    new_page: bool = True,
) -> None:
    """Append the tjänsteskrivelse of ``entry`` to ``document``, on a new page.

    ``new_page=False`` for a document that holds only the tjänsteskrivelse (its first
    page). Its title is a Heading 2 and its parts Heading 3, so in the navigation pane
    (and a PDF's bookmarks) it sits under the ärende's Heading 1.
    """
    if new_page:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    MarkdownRenderer(document).render(tjansteskrivelse_markdown(organ, entry, public=public))
