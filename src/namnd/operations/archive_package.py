"""``namnd archive``: a justerat meeting as an e-arkiv package (FGS Paketstruktur 2.0).

The package is an E-ARK SIP 2.1 (CSIP): ``METS.xml`` at the root with the ärenden
described by CITS ERMS (``metadata/descriptive/erms.xml``, FGS Ärendehantering) and
PREMIS (``metadata/preservation/premis.xml``), and two representations:

- ``rep1`` (arkivformat): the protokoll as PDF/A (the signed ``-justerat.pdf`` if there
  is one), the kallelse med handlingar, each bilaga as stored in the workspace;
- ``rep2`` (källfiler): the kallelse's and the protokoll's Markdown files.

The archive keeps everything, sekretess too: a sekretess ärende or bilaga goes in,
marked in the ERMS with the organ's OSL reference. The package is made in a temporary
folder and moved into place whole (a folder, or a zip written through a temporary file),
so a failure leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import tempfile
import uuid
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from namnd import __version__
from namnd.atomic_files import replacing, write_bytes, write_text
from namnd.domain.agenda import AgendaDocument
from namnd.errors import InvalidInput, NamndError
from namnd.formats.archive_formats import file_format
from namnd.operations.agenda_files import store_workspace
from namnd.operations.bilaga_files import stored_path
from namnd.renderers.earkiv_mets import (
    SCHEMAS,
    PackedFile,
    Representation,
    Signer,
    premis_document,
    representation_mets,
    root_mets,
)
from namnd.renderers.erms_xml import CaseFile, Description, Handling, erms_document
from namnd.rules.publication import DEFAULT_OSL_REFERENCE
from namnd.rules.swedish_dates import long_date
from namnd.storage import agendas, queries
from namnd.storage.database import read_snapshot
from namnd.storage.store import Store, one_snapshot
from namnd.storage.workspace import Workspace


@dataclass(frozen=True)
class ArchiveResult:
    """The written package: where, how many files, and the package's id (OBJID)."""

    path: Path
    files: int
    objid: str


def default_path(workspace: Workspace, store: Store, ref: str) -> Path:
    """``protocols/2019-09-19-von-arkivpaket.zip``."""
    meeting = store.schedule.find_meeting(ref)
    name = f"{meeting.date.isoformat()}-{meeting.organ_code}-arkivpaket.zip"
    return workspace.file_in(workspace.protocols, name)


def signed_protocol_path(workspace: Workspace, date_iso: str, code: str) -> Path:
    """``protocols/2019-09-19-von-justerat.pdf``: the signed protokoll, if there is one."""
    return workspace.file_in(workspace.protocols, f"{date_iso}-{code}-justerat.pdf")


@one_snapshot
def build_archive(
    store: Store,
    ref: str,
    target: Path,
    *,
    signatures: Iterable[Signer] | None = None,
    now: dt.datetime | None = None,
) -> ArchiveResult:
    """Write the package of the justerat meeting ``ref`` to ``target`` (a folder or .zip).

    ``signatures`` are the signers of a signed protokoll, by name and time, as its
    verification found them; without them the justering (ordförande and justerare, on
    the day justerat) is recorded.
    """
    from namnd.operations.handlingar_export import export_handlingar
    from namnd.operations.protocol_export import export_protocol

    with read_snapshot(store.engine) as session:
        meeting = queries.find_meeting(session=session, ref=ref)
        assert meeting.id is not None  # a stored meeting
        doc = agendas.load_agenda(session=session, meeting_id=meeting.id)
    view = store.protocols.get(meeting.id)
    day = meeting.date.isoformat()
    if view is None or not view.protocol.is_justerat:
        raise InvalidInput(
            f"Sammanträdet {day} har inget justerat protokoll: ett arkivpaket görs först när "
            "protokollet är justerat. Inget skrevs."
        )
    target = Path(target)
    _check_target(target)
    protocol = view.protocol
    workspace = store_workspace(store)
    now = (now or dt.datetime.now()).astimezone()
    code = doc.organ.code
    objid = _objid(doc)
    signed = signed_protocol_path(workspace, day, code)
    signed_file = signed if signed.is_file() else None
    if signatures is None and signed_file is not None:
        signatures = _recorded_signers(store, meeting.id)
    justering = _signatures(protocol, signatures)
    digital = signed_file is not None and signatures is not None
    with tempfile.TemporaryDirectory(prefix="namnd-arkiv-") as tmp:
        root = Path(tmp) / objid
        rep1, rep2 = root / "representations" / "rep1", root / "representations" / "rep2"
        for folder in (rep1 / "data" / "bilagor", rep2 / "data", root / "metadata"):
            folder.mkdir(parents=True)
        protocol_pdf = rep1 / "data" / (signed.name if signed_file else f"{day}-{code}.pdf")
        if signed_file:
            shutil.copyfile(signed_file, protocol_pdf)
        else:
            export_protocol(store, ref, fmt="pdf", path=protocol_pdf)
        handlingar = rep1 / "data" / f"{day}-{code}-handlingar.pdf"
        export_handlingar(store, ref, handlingar)
        bilagor = _copy_bilagor(workspace, doc, rep1 / "data" / "bilagor")
        (rep2 / "data" / "agendas").mkdir()
        (rep2 / "data" / "protocols").mkdir()
        from namnd.formats.agenda_markdown import dump_agenda

        write_text(rep2 / "data" / "agendas" / f"{day}-{code}.md", dump_agenda(doc))
        markdown = export_protocol(store, ref, fmt="md", path=None)
        write_text(rep2 / "data" / "protocols" / f"{day}-{code}.md", str(markdown))

        organ = doc.organ.name
        facts = _Facts(objid, organ, now, justering, digital)
        reps = [
            _representation(facts, "rep1", REP1_LABEL, rep1, root, signed=protocol_pdf),
            _representation(facts, "rep2", REP2_LABEL, rep2, root),
        ]

        description = Description(
            ident=objid,
            organ=organ,
            municipality=doc.organ.municipality,
            osl_reference=(doc.organ.osl_reference or DEFAULT_OSL_REFERENCE).strip(),
            created=now,
            signatures=justering,
            signed=digital,
        )
        cases = _cases(doc, protocol, bilagor, root, protocol_pdf, handlingar)
        erms_path = root / "metadata" / "descriptive" / "erms.xml"
        erms_path.parent.mkdir(parents=True)
        write_bytes(erms_path, erms_document(description, cases))
        root_premis = root / "metadata" / "preservation" / "premis.xml"
        root_premis.parent.mkdir(parents=True)
        erms = _packed(erms_path, root, now)
        write_bytes(root_premis, premis_document([erms], organ=organ, created=now, signatures=[]))
        label = f"{organ}, sammanträde {long_date(meeting.date)}"
        about = root / "documentation" / "om-paketet.txt"
        about.parent.mkdir()
        write_text(about, about_text(label, description.osl_reference))
        shutil.copytree(SCHEMAS, root / "schemas", ignore=shutil.ignore_patterns("*.md"))
        write_bytes(
            root / "METS.xml",
            root_mets(
                objid, label, erms=erms, premis=_packed(root_premis, root, now),
                documentation=[_packed(about, root, now)],
                schemas=[_packed(p, root, now) for p in _files_under(root / "schemas")],
                representations=reps, organ=organ, created=now,
                version=__version__,
            )
        )  # fmt: skip
        count = sum(1 for _ in _files_under(root))
        _place(root, target)
    return ArchiveResult(target, count, objid)


REP1_LABEL = "Arkivformat: protokoll, kallelse med handlingar och bilagor"
REP2_LABEL = "Källfiler: kallelsen och protokollet i Markdown"


@dataclass(frozen=True)
class _Facts:
    """What every METS and PREMIS file of one package says alike."""

    objid: str
    organ: str
    now: dt.datetime
    justering: list[Signer]
    digital: bool


def _representation(
    facts: _Facts, name: str, label: str, folder: Path, root: Path, *, signed: Path | None = None
) -> Representation:
    """Write a representation's PREMIS and METS.xml over the files in its ``data/``.

    ``signed`` is the protokoll the justering events point at (in ``rep1``).
    """
    now = facts.now
    files = [_packed(path, folder, now) for path in _files_under(folder / "data")]
    premis_path = folder / "metadata" / "preservation" / "premis.xml"
    premis_path.parent.mkdir(parents=True)
    write_bytes(
        premis_path,
        premis_document(
            files,
            organ=facts.organ,
            created=now,
            signatures=facts.justering if signed else [],
            digital=facts.digital,
            signed_href=signed.relative_to(folder).as_posix() if signed else "",
        ),
    )
    premis = _packed(premis_path, folder, now)
    mets_path = folder / "METS.xml"
    write_bytes(
        mets_path,
        representation_mets(
            facts.objid, name, label, files, premis, organ=facts.organ, created=now,
            version=__version__,
        )
    )  # fmt: skip
    return Representation(name, _packed(mets_path, root, now), premis)


def about_text(label: str, osl_reference: str) -> str:
    """The package's documentation: what it holds, in Swedish, for whoever opens it."""
    return "\n".join(
        [
            f"Arkivpaket: {label}",
            "",
            "Paketet följer E-ARK SIP 2.1 (FGS Paketstruktur 2.0). METS.xml beskriver paketet.",
            "metadata/descriptive/erms.xml beskriver ärendena enligt FGS Ärendehantering",
            "(CITS ERMS 2.1): diarienummer, rubrik, handlingar, beslut och justering.",
            "representations/rep1: protokollet, kallelsen med handlingar och bilagorna i",
            "arkivformat; representations/rep2: kallelsen och protokollet i Markdown.",
            "Sekretessbelagda handlingar finns med och är märkta med sekretessgrunden",
            f"({osl_reference}).",
            "",
        ]
    )


def _objid(doc: AgendaDocument) -> str:
    """The package's id: the same meeting always gets the same one."""
    name = f"namnd:{doc.organ.municipality}:{doc.organ.code}:{doc.meeting.date.isoformat()}"
    return f"uuid-{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def _recorded_signers(store: Store, meeting_id: int) -> list[Signer] | None:
    """The signers of the latest signed version, as ``namnd sign`` recorded them."""
    rows = store.protocols.signatures(meeting_id)
    latest = max((row.version for row in rows), default=None)
    signers = [(r.signer_name, r.signed_at.astimezone()) for r in rows if r.version == latest]
    return signers or None


def _signatures(protocol, given: Iterable[Signer] | None) -> list[Signer]:
    """The justering's signers: as given (a signed PDF), else ordförande and justerare."""
    if given is not None:
        return list(given)
    justering = protocol.justering
    at = dt.datetime.combine(justering.justerat_on, justering.time or dt.time(12, 0))
    chair = protocol.chair
    names = ([chair.name] if chair else []) + [
        name for name in justering.justerare if not chair or name != chair.name
    ]
    return [(name, at.astimezone()) for name in names]


def _copy_bilagor(workspace: Workspace, doc: AgendaDocument, folder: Path) -> dict[int, Path]:
    """Each stored bilaga file into ``folder/arende-NN/``; keyed by the bilaga's id."""
    copied: dict[int, Path] = {}
    for number, entry in enumerate(doc.entries, start=1):
        for attachment in entry.attachments:
            if not attachment.stored:
                continue
            source = stored_path(workspace, attachment)
            if not source.is_file():
                raise NamndError(
                    f"Bilagan ”{attachment.title}” (ärende {number}): filen "
                    f"{attachment.stored} finns inte längre i arbetsmappen. Inget skrevs."
                )
            target = folder / f"arende-{number:02d}" / source.name
            target.parent.mkdir(exist_ok=True)
            shutil.copyfile(source, target)
            assert attachment.id is not None
            copied[attachment.id] = target
    return copied


def _files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


def _packed(path: Path, base: Path, now: dt.datetime) -> PackedFile:
    data = path.read_bytes()
    return PackedFile(
        href=path.relative_to(base).as_posix(),
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        created=now,
        format=file_format(path),
    )


def _cases(
    doc: AgendaDocument,
    protocol,
    bilagor: dict[int, Path],
    root: Path,
    protocol_pdf: Path,
    handlingar: Path,
) -> list[CaseFile]:
    """Each ärende with its handlingar, the § that decided it and its sekretess."""
    by_item = {p.item: p for p in protocol.paragraphs if p.item is not None}
    decided_on = protocol.date
    cases = []
    for number, entry in enumerate(doc.entries, start=1):
        arende = entry.arende
        paragraph = by_item.get(number)
        memo = Handling(
            arende.memo_title or f"Tjänsteskrivelse: {arende.title}",
            "tjänsteskrivelse",
            arende.memo_date,
            _href(handlingar, root),
            confidential=arende.confidential,
            file_format="PDF/A",
        )
        items = [memo]
        for attachment in entry.attachments:
            copied = bilagor.get(attachment.id) if attachment.id is not None else None
            items.append(
                Handling(
                    attachment.title,
                    "bilaga",
                    doc.meeting.kallelse_date,
                    _href(copied, root) if copied else "",
                    confidential=attachment.confidential or arende.confidential,
                    file_format=copied.suffix.lstrip(".").upper() if copied else "",
                )
            )
        if paragraph is not None:
            items.append(
                Handling(
                    f"Protokollsparagraf § {paragraph.number}",
                    "protokollsutdrag",
                    protocol.justering.justerat_on,
                    _href(protocol_pdf, root),
                    confidential=paragraph.confidential,
                    file_format="PDF/A",
                )
            )
        cases.append(
            CaseFile(
                ident=f"arende-{number:02d}",
                dnr=arende.dnr or "",
                title=arende.title,
                paragraph=paragraph.number if paragraph else None,
                decision=(paragraph.decision_md if paragraph else "").strip(),
                decided_on=decided_on,
                confidential=arende.confidential or bool(paragraph and paragraph.confidential),
                handlingar=items,
            )
        )
    return cases


def _href(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _check_target(target: Path) -> None:
    """Refuse, before any work, a folder that holds something other than a package."""
    if target.suffix.casefold() == ".zip":
        if target.is_dir():
            raise NamndError(f"{target} är en mapp; ange en zip-fil eller en mapp. Inget skrevs.")
        return
    if target.is_file() or (
        target.is_dir() and not (target / "METS.xml").is_file() and any(target.iterdir())
    ):
        raise NamndError(
            f"{target} finns redan och är inget arkivpaket; välj en ny mapp. Inget skrevs."
        )


def _place(built: Path, target: Path) -> None:
    """Move the finished package to ``target``: a zip file, or a folder of its own."""
    if target.suffix.casefold() == ".zip":
        with replacing(target) as temporary:
            with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in _files_under(built):
                    archive.write(path, f"{built.name}/{path.relative_to(built).as_posix()}")
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=".namnd-arkiv-", dir=target.parent))
    shutil.copytree(built, staged, dirs_exist_ok=True)
    if target.exists():
        old = staged.with_name(staged.name + "-gammal")
        os.replace(target, old)
        os.replace(staged, target)
        shutil.rmtree(old)
    else:
        os.replace(staged, target)
