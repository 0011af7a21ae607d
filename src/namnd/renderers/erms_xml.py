"""The ärenden of an e-arkiv package as FGS Ärendehantering / CITS ERMS 2 XML.

One ``aggregation`` (an akt, ``caseFile``) per ärende: its diarienummer, rubrik, the
beslut as an ``action``, the justering as signatories and ``eSignature``, the sekretess
as a ``restriction`` naming the organ's OSL reference; one ``record`` per handling with
its date and the file it is in the package. The archive keeps everything: a sekretess
handling is described like the others, marked with its ground.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lxml import etree

from namnd.renderers.earkiv_mets import SOFTWARE, Signer, serialize

ERMS = "https://DILCIS.eu/XML/ERMS"


@dataclass(frozen=True)
class Handling:
    """One handling of an ärende: tjänsteskrivelse, bilaga or protokollsparagraf."""

    title: str
    kind: str
    date: dt.date | None
    href: str = ""
    confidential: bool = False
    file_format: str = ""


@dataclass(frozen=True)
class CaseFile:
    """An ärende as the archive describes it."""

    ident: str
    dnr: str
    title: str
    paragraph: int | None
    decision: str
    decided_on: dt.date
    confidential: bool = False
    handlingar: list[Handling] = field(default_factory=list)


@dataclass(frozen=True)
class Description:
    """What the whole ERMS file says besides the ärenden."""

    ident: str
    organ: str
    municipality: str
    osl_reference: str
    created: dt.datetime
    signatures: list[Signer]
    signed: bool


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str):
    element = etree.SubElement(parent, f"{{{ERMS}}}{tag}", {k: v for k, v in attrs.items() if v})
    if text is not None:
        element.text = text
    return element


def _moment(day: dt.date | dt.datetime) -> str:
    if isinstance(day, dt.datetime):
        return day.astimezone().isoformat(timespec="seconds")
    return dt.datetime.combine(day, dt.time(0, 0)).astimezone().isoformat(timespec="seconds")


def erms_document(description: Description, cases: list[CaseFile]) -> bytes:
    """The ERMS XML of a meeting's ärenden (valid against the ERMS 2.1 schema)."""
    # lxml takes None as the default namespace's prefix; lxml-stubs allows only str keys.
    root = etree.Element(f"{{{ERMS}}}erms", nsmap={None: ERMS})  # type: ignore[dict-item]
    control = _sub(root, "control")
    _sub(control, "identification", description.ident, identificationType="namnd")
    upkeep = _sub(control, "maintenanceInformation")
    _sub(upkeep, "maintenanceStatus", value="new")
    agency = _sub(upkeep, "maintenanceAgency")
    _sub(agency, "agencyName", description.municipality or description.organ)
    history = _sub(upkeep, "maintenanceHistory")
    event = _sub(history, "maintenanceEvent")
    _sub(event, "eventType", value="created")
    _sub(event, "eventDateTime", _moment(description.created))
    _agent(event, "creator", SOFTWARE)
    aggregations = _sub(root, "aggregations")
    for case in cases:
        _case(aggregations, case, description)
    return serialize(root)


def _agent(parent: etree._Element, kind: str, name: str, role: str = "") -> None:
    agent = _sub(parent, "agent", agentType=kind)
    _sub(agent, "name", name)
    if role:
        _sub(agent, "role", role)


def _restriction(parent: etree._Element, ground: str) -> None:
    restriction = _sub(parent, "restriction", restrictionType="confidential")
    _sub(restriction, "explanatoryText", "Sekretess: lämnas inte ut utan sekretessprövning.")
    _sub(restriction, "regulation", ground)


def _case(parent: etree._Element, case: CaseFile, description: Description) -> None:
    agg = _sub(parent, "aggregation", systemIdentifier=case.ident, aggregationType="caseFile")
    _sub(agg, "objectId", case.dnr or case.ident)
    if case.dnr:
        _sub(agg, "extraId", case.dnr, extraIdType="diarienummer")
    if case.paragraph is not None:
        _sub(agg, "extraId", f"§ {case.paragraph}", extraIdType="paragraf")
    _sub(agg, "title", case.title)
    _sub(agg, "status", value="closed")
    if case.confidential:
        _restriction(agg, description.osl_reference)
    agents = _sub(agg, "agents")
    _agent(agents, "responsible_person", description.organ, "beslutande organ")
    dates = _sub(agg, "dates")
    _sub(dates, "date", _moment(case.decided_on), dateType="decision")
    if case.decision:
        action = _sub(agg, "action")
        _sub(action, "actionText", case.decision)
        _sub(action, "actionType", "beslut")
        when = _sub(action, "dates")
        _sub(when, "actionDate", _moment(case.decided_on), dateType="decision")
        who = _sub(action, "agents")
        _agent(who, "authorising_person", description.organ)
    _justering(agg, description)
    for n, handling in enumerate(case.handlingar, start=1):
        _record(agg, f"{case.ident}-{n}", handling, description)


def _justering(parent: etree._Element, description: Description) -> None:
    """The justering: an action with its signatories, then one eSignature per signer."""
    if not description.signatures:
        return
    action = _sub(parent, "action")
    names = ", ".join(name for name, _ in description.signatures)
    _sub(action, "actionText", f"Protokollet justerat av {names}.")
    _sub(action, "actionType", "justering")
    when = _sub(action, "dates")
    for n, (_, at) in enumerate(description.signatures):
        kind = "main_signature" if n == 0 else "other_signature"
        _sub(when, "actionDate", _moment(at), dateType=kind)
    who = _sub(action, "agents")
    for n, (name, _) in enumerate(description.signatures):
        _agent(who, "main_signatory" if n == 0 else "other_signatory", name)
    signatures = _sub(parent, "eSignatures")
    present = "true" if description.signed else "false"  # in the PDF, or on paper
    for _ in description.signatures:
        _sub(signatures, "eSignature", present=present)


def _record(parent: etree._Element, ident: str, handling: Handling, description: Description):
    record = _sub(parent, "record", systemIdentifier=ident, recordType=handling.kind)
    _sub(record, "objectId", ident)
    _sub(record, "title", handling.title)
    if handling.confidential:
        _restriction(record, description.osl_reference)
    if handling.date is not None:
        dates = _sub(record, "dates")
        _sub(dates, "date", _moment(handling.date), dateType="created")
    if handling.href:
        extra = _sub(record, "additionalInformation")
        _sub(
            extra,
            "appendix",
            name=handling.href.rsplit("/", 1)[-1],
            path=handling.href,
            fileFormat=handling.file_format,
        )
