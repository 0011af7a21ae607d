"""METS and PREMIS of an e-arkiv package (E-ARK CSIP/SIP 2.1, FGS Paketstruktur 2.0).

Pure XML from plain data: the operation (``operations.archive_package``) lays out the
files and says what each is; this module writes the package's METS.xml files (the root
one and one per representation) and their PREMIS. The names follow the specifications
(CSIP's file groups ``Documentation``, ``Schemas``, ``Representations/…``, the structMap
labelled ``CSIP``), so a kommun's e-arkiv reads it without knowing namnd.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from namnd.formats.archive_formats import FileFormat

METS = "http://www.loc.gov/METS/"
XLINK = "http://www.w3.org/1999/xlink"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
CSIP = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
SIP = "https://DILCIS.eu/XML/METS/SIPExtensionMETS"
PREMIS = "http://www.loc.gov/premis/v3"

SIP_PROFILE = "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml"
CONTENT_TYPE = "Textual works – Digital"
#: The ärenden are described by CITS ERMS 2.1 (FGS Ärendehantering).
CONTENT_INFORMATION = "citserms_v2_1"
SOFTWARE = "namnd"
#: The schemas copied into every package's ``schemas/`` (see its README for sources).
SCHEMAS = Path(__file__).resolve().parent / "schemas"


@dataclass(frozen=True)
class PackedFile:
    """One file in the package: its path from the METS.xml that lists it, and its facts."""

    href: str
    size: int
    sha256: str
    created: dt.datetime
    format: FileFormat


#: One justering signature: the signer's name and when (the signing verification's list).
Signer = tuple[str, dt.datetime]


def _q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone().isoformat(timespec="seconds")


def _sub(parent: etree._Element, ns: str, name: str, text: str | None = None, **attrs: str):
    element = etree.SubElement(parent, _q(ns, name), {k: v for k, v in attrs.items() if v})
    if text is not None:
        element.text = text
    return element


def serialize(root: etree._Element) -> bytes:
    """UTF-8 with a declaration, indented (people read these files too)."""
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


# --- PREMIS ---------------------------------------------------------------------------


def premis_document(
    files: list[PackedFile],
    *,
    organ: str,
    created: dt.datetime,
    signatures: list[Signer],
    digital: bool = False,
    signed_href: str = "",
) -> bytes:
    """PREMIS 3 for a representation: every file's fixity and format, and the events.

    ``signatures`` are the justering, (name, time) each: the ordförande and justerare on
    the day justerat, or with ``digital`` the signatures found in the signed PDF; each
    becomes an event linked to the protokoll ``signed_href`` and to its signer.
    """
    root = etree.Element(_q(PREMIS, "premis"), nsmap={"premis": PREMIS, "xsi": XSI})
    root.set("version", "3.0")
    for packed in files:
        obj = _sub(root, PREMIS, "object")
        obj.set(_q(XSI, "type"), "premis:file")
        _identifier(obj, "objectIdentifier", packed.href)
        traits = _sub(obj, PREMIS, "objectCharacteristics")
        _sub(traits, PREMIS, "compositionLevel", "0")
        fixity = _sub(traits, PREMIS, "fixity")
        _sub(fixity, PREMIS, "messageDigestAlgorithm", "SHA-256")
        _sub(fixity, PREMIS, "messageDigest", packed.sha256)
        _sub(traits, PREMIS, "size", str(packed.size))
        fmt = _sub(traits, PREMIS, "format")
        designation = _sub(fmt, PREMIS, "formatDesignation")
        _sub(designation, PREMIS, "formatName", packed.format.name)
        if packed.format.version:
            _sub(designation, PREMIS, "formatVersion", packed.format.version)
        if packed.format.key:
            registry = _sub(fmt, PREMIS, "formatRegistry")
            _sub(registry, PREMIS, "formatRegistryName", "PRONOM")
            _sub(registry, PREMIS, "formatRegistryKey", packed.format.key)
            _sub(registry, PREMIS, "formatRegistryRole", "specification")
        _sub(obj, PREMIS, "originalName", packed.href.rsplit("/", 1)[-1])
    created_event = _Event(
        "skapad",
        "creation",
        created,
        "Arkivpaketet skapades av namnd.",
        SOFTWARE,
        "implementer",
        [p.href for p in files],
    )
    for event in [*signature_events(signatures, signed_href, digital=digital), created_event]:
        event.write(root)
    agents = {SOFTWARE: "software", organ: "organization"}
    agents.update({name: "person" for name, _ in signatures})
    for name, kind in agents.items():
        agent = _sub(root, PREMIS, "agent")
        _identifier(agent, "agentIdentifier", name)
        _sub(agent, PREMIS, "agentName", name)
        _sub(agent, PREMIS, "agentType", kind)
    return serialize(root)


def _identifier(parent: etree._Element, kind: str, value: str) -> None:
    ident = _sub(parent, PREMIS, kind)
    _sub(ident, PREMIS, f"{kind}Type", "local")
    _sub(ident, PREMIS, f"{kind}Value", value)


@dataclass(frozen=True)
class _Event:
    ident: str
    kind: str
    at: dt.datetime
    detail: str
    agent: str
    role: str
    objects: list[str]

    def write(self, root: etree._Element) -> None:
        event = _sub(root, PREMIS, "event")
        _identifier(event, "eventIdentifier", self.ident)
        _sub(event, PREMIS, "eventType", self.kind)
        _sub(event, PREMIS, "eventDateTime", _stamp(self.at))
        info = _sub(event, PREMIS, "eventDetailInformation")
        _sub(info, PREMIS, "eventDetail", self.detail)
        outcome = _sub(event, PREMIS, "eventOutcomeInformation")
        _sub(outcome, PREMIS, "eventOutcome", "success")
        link = _sub(event, PREMIS, "linkingAgentIdentifier")
        _sub(link, PREMIS, "linkingAgentIdentifierType", "local")
        _sub(link, PREMIS, "linkingAgentIdentifierValue", self.agent)
        _sub(link, PREMIS, "linkingAgentRole", self.role)
        for href in self.objects:
            linked = _sub(event, PREMIS, "linkingObjectIdentifier")
            _sub(linked, PREMIS, "linkingObjectIdentifierType", "local")
            _sub(linked, PREMIS, "linkingObjectIdentifierValue", href)


def signature_events(signatures: list[Signer], href: str, *, digital: bool) -> list[_Event]:
    """One PREMIS event per signature; one in the PDF is a ``digital signature generation``."""
    how = "digital underskrift i PDF-filen" if digital else "justering"
    return [
        _Event(
            f"justering-{n}",
            "digital signature generation" if digital else "justering",
            at,
            f"Protokollet justerat av {signer} ({how}).",
            signer,
            "signer",
            [href] if href else [],
        )
        for n, (signer, at) in enumerate(signatures, start=1)
    ]


# --- METS -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Representation:
    """A representation folder's name, its METS.xml and its PREMIS (both as PackedFile)."""

    name: str
    mets: PackedFile
    premis: PackedFile


def _mets_root(objid: str, label: str) -> etree._Element:
    nsmap = {"mets": METS, "xlink": XLINK, "xsi": XSI, "csip": CSIP, "sip": SIP}
    mets = etree.Element(_q(METS, "mets"), nsmap=nsmap)
    mets.set("OBJID", objid)
    mets.set("LABEL", label)
    mets.set("TYPE", CONTENT_TYPE)
    mets.set(_q(CSIP, "CONTENTINFORMATIONTYPE"), CONTENT_INFORMATION)
    mets.set("PROFILE", SIP_PROFILE)
    mets.set(_q(XSI, "schemaLocation"), f"{METS} http://www.loc.gov/standards/mets/mets.xsd")
    return mets


def _header(mets: etree._Element, created: dt.datetime, organ: str, version: str) -> None:
    head = _sub(mets, METS, "metsHdr", CREATEDATE=_stamp(created), RECORDSTATUS="NEW")
    head.set(_q(CSIP, "OAISPACKAGETYPE"), "SIP")
    software = _sub(head, METS, "agent", ROLE="CREATOR", TYPE="OTHER", OTHERTYPE="SOFTWARE")
    _sub(software, METS, "name", SOFTWARE)
    note = _sub(software, METS, "note", version)
    note.set(_q(CSIP, "NOTETYPE"), "SOFTWARE VERSION")
    archivist = _sub(head, METS, "agent", ROLE="ARCHIVIST", TYPE="ORGANIZATION")
    _sub(archivist, METS, "name", organ)


def _md_ref(parent: etree._Element, packed: PackedFile, ident: str, mdtype: str, **extra: str):
    ref = _sub(
        parent,
        METS,
        "mdRef",
        ID=ident,
        LOCTYPE="URL",
        MDTYPE=mdtype,
        MIMETYPE="text/xml",
        SIZE=str(packed.size),
        CREATED=_stamp(packed.created),
        CHECKSUM=packed.sha256,
        CHECKSUMTYPE="SHA-256",
        **extra,
    )
    ref.set(_q(XLINK, "type"), "simple")
    ref.set(_q(XLINK, "href"), packed.href)
    return ref


def _file(group: etree._Element, packed: PackedFile, ident: str) -> None:
    attrs = {
        "ID": ident,
        "MIMETYPE": packed.format.mimetype,
        "SIZE": str(packed.size),
        "CREATED": _stamp(packed.created),
        "CHECKSUM": packed.sha256,
        "CHECKSUMTYPE": "SHA-256",
    }
    element = _sub(group, METS, "file", **attrs)
    if packed.format.key:
        element.set(_q(SIP, "FILEFORMATNAME"), packed.format.name)
        if packed.format.version:
            element.set(_q(SIP, "FILEFORMATVERSION"), packed.format.version)
        element.set(_q(SIP, "FILEFORMATREGISTRY"), "PRONOM")
        element.set(_q(SIP, "FILEFORMATKEY"), packed.format.key)
    location = _sub(element, METS, "FLocat", LOCTYPE="URL")
    location.set(_q(XLINK, "type"), "simple")
    location.set(_q(XLINK, "href"), packed.href)


def representation_mets(
    objid: str,
    name: str,
    label: str,
    files: list[PackedFile],
    premis: PackedFile,
    *,
    organ: str,
    created: dt.datetime,
    version: str,
) -> bytes:
    """The METS.xml of one representation: its data files and its PREMIS."""
    mets = _mets_root(f"{objid}-{name}", label)
    _header(mets, created, organ, version)
    amd = _sub(mets, METS, "amdSec")
    digiprov = _sub(amd, METS, "digiprovMD", ID="premis-rep", STATUS="CURRENT")
    _md_ref(digiprov, premis, "premis-rep-ref", "PREMIS")
    sec = _sub(mets, METS, "fileSec", ID="filesec")
    group = _sub(sec, METS, "fileGrp", ID="grp-data", USE="Data")
    for n, packed in enumerate(files, start=1):
        _file(group, packed, f"file-{n:03d}")
    smap = _sub(mets, METS, "structMap", ID="structmap", TYPE="PHYSICAL", LABEL="CSIP")
    top = _sub(smap, METS, "div", ID="div-root", LABEL=f"{objid}-{name}")
    _sub(top, METS, "div", ID="div-metadata", LABEL="Metadata", ADMID="premis-rep")
    data = _sub(top, METS, "div", ID="div-data", LABEL="Data")
    for n in range(1, len(files) + 1):
        _sub(data, METS, "fptr", FILEID=f"file-{n:03d}")
    return serialize(mets)


def root_mets(
    objid: str,
    label: str,
    *,
    erms: PackedFile,
    premis: PackedFile,
    documentation: list[PackedFile],
    schemas: list[PackedFile],
    representations: list[Representation],
    organ: str,
    created: dt.datetime,
    version: str,
) -> bytes:
    """The package's METS.xml: the ERMS description, PREMIS and each representation.

    The structMap points at file groups (CSIP 2: one ``fptr`` per group) and at each
    representation's METS.xml (``mptr``, titled by its group's id).
    """
    mets = _mets_root(objid, label)
    _header(mets, created, organ, version)
    dmd = _sub(mets, METS, "dmdSec", ID="dmd-erms", CREATED=_stamp(erms.created), STATUS="CURRENT")
    _md_ref(dmd, erms, "dmd-erms-ref", "OTHER", OTHERMDTYPE="ERMS", MDTYPEVERSION="2.1")
    amd = _sub(mets, METS, "amdSec")
    digiprov = _sub(amd, METS, "digiprovMD", ID="premis-root", STATUS="CURRENT")
    _md_ref(digiprov, premis, "premis-root-ref", "PREMIS")
    sec = _sub(mets, METS, "fileSec", ID="filesec")
    for use, files in (("Documentation", documentation), ("Schemas", schemas)):
        group = _sub(sec, METS, "fileGrp", ID=f"grp-{use.casefold()}", USE=use)
        for n, packed in enumerate(files, start=1):
            _file(group, packed, f"{use.casefold()}-{n:03d}")
    for rep in representations:
        group = _sub(sec, METS, "fileGrp", ID=f"grp-{rep.name}", USE=f"Representations/{rep.name}")
        group.set(_q(CSIP, "CONTENTINFORMATIONTYPE"), CONTENT_INFORMATION)
        _file(group, rep.mets, f"mets-{rep.name}")
    smap = _sub(mets, METS, "structMap", ID="structmap", TYPE="PHYSICAL", LABEL="CSIP")
    top = _sub(smap, METS, "div", ID="div-root", LABEL=objid)
    _sub(
        top, METS, "div", ID="div-metadata", LABEL="Metadata", ADMID="premis-root", DMDID="dmd-erms"
    )
    for use in ("Documentation", "Schemas"):
        div = _sub(top, METS, "div", ID=f"div-{use.casefold()}", LABEL=use)
        _sub(div, METS, "fptr", FILEID=f"grp-{use.casefold()}")
    reps = _sub(top, METS, "div", ID="div-representations", LABEL="Representations")
    for rep in representations:
        _sub(reps, METS, "fptr", FILEID=f"grp-{rep.name}")
    for rep in representations:
        div = _sub(reps, METS, "div", ID=f"div-{rep.name}", LABEL=f"Representations/{rep.name}")
        pointer = _sub(div, METS, "mptr", LOCTYPE="URL")
        pointer.set(_q(XLINK, "type"), "simple")
        pointer.set(_q(XLINK, "href"), rep.mets.href)
        pointer.set(_q(XLINK, "title"), f"grp-{rep.name}")
    return serialize(mets)
