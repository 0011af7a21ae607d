"""What may be published: the public version of a kallelse leaves sekretess out.

Kallelser are published on the municipality's website. An ärende marked sekretess keeps
its number and title on the list (as the protokoll keeps a secret §'s heading) but
nothing else; a bilaga marked sekretess keeps nothing, not even its title. Both get
``SECRET_PLACEHOLDER`` in their place. Works on unsaved copies, never on stored rows.
"""

from __future__ import annotations

import dataclasses

from namnd.domain.models import AnnouncedDocument, Arende, Attachment
from namnd.domain.protocol import Protocol, ProtocolParagraph
from namnd.formats.agenda_document import AgendaDocument, AgendaEntry

SECRET_PLACEHOLDER = "Sekretessbelagd handling"
NOT_FOR_PUBLICATION = "Innehåller sekretessbelagda uppgifter – ej för publicering"
SECRET_PARAGRAPH = "Ärendet redovisas inte med hänvisning till sekretess."


def has_secrets(doc: AgendaDocument) -> bool:
    """True if any ärende, bilaga or anmäld handling is marked sekretess."""
    return any(
        entry.arende.confidential
        or any(a.confidential for a in entry.attachments)
        or any(d.confidential for d in entry.announcements)
        for entry in doc.entries
    )


def public_version(doc: AgendaDocument) -> AgendaDocument:
    """A copy of ``doc`` with every sekretess ärende and bilaga replaced by the placeholder."""
    return AgendaDocument(
        organ=doc.organ,
        meeting=doc.meeting,
        group_meetings=list(doc.group_meetings),
        entries=[_public_entry(entry) for entry in doc.entries],
    )


def _public_entry(entry: AgendaEntry) -> AgendaEntry:
    arende = entry.arende
    if arende.confidential:
        secret = Arende(
            organ_id=arende.organ_id,
            dnr=arende.dnr,
            title=arende.title,
            kind=arende.kind,
            confidential=True,
            summary_md=SECRET_PLACEHOLDER,
        )
        return AgendaEntry(arende=secret, attachments=[])
    attachments = [
        Attachment(arende_id=0, position=a.position, title=SECRET_PLACEHOLDER, confidential=True)
        if a.confidential
        else a
        for a in entry.attachments
    ]
    announcements = [
        AnnouncedDocument(
            arende_id=0,
            position=d.position,
            title=SECRET_PLACEHOLDER,
            source=d.source,
            confidential=True,
        )
        if d.confidential
        else d
        for d in entry.announcements
    ]
    return AgendaEntry(arende=arende, attachments=attachments, announcements=announcements)


def public_protocol(protocol: Protocol) -> Protocol:
    """The protokoll as published: a sekretess § keeps number, heading and dnr only."""
    return dataclasses.replace(
        protocol,
        paragraphs=tuple(
            ProtocolParagraph(
                p.number, p.title, p.dnr, p.item, decision_md=SECRET_PARAGRAPH, confidential=True
            )
            if p.confidential
            else p
            for p in protocol.paragraphs
        ),
    )
