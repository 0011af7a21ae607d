"""The e-arkiv package of a justerat meeting, unpacked and checked as an e-arkiv would.

Built once per module (LibreOffice makes the PDF/A files): the demo meeting with its
justerat protokoll, and a Socialnämnd with its own diarienummer format and a sekretess
ärende. eark-validator checks the E-ARK SIP 2.1 rules, lxml the ERMS against its schema.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from namnd.cli.main import main
from namnd.domain.organ_settings import OrganSettings
from namnd.errors import InvalidInput, NamndError
from namnd.operations.agenda_files import import_agenda_file
from namnd.operations.archive_package import SCHEMAS, build_archive
from namnd.operations.handlingar_export import CACHE
from namnd.operations.protocol_export import import_protocol
from namnd.storage.store import Store
from namnd.storage.workspace import resolve
from tests.earkiv.validator import validate
from tests.renderers.docx_helpers import require_libreoffice

#: One test process builds the packages for all the module's tests (``--dist loadgroup``).
pytestmark = pytest.mark.xdist_group("earkiv")

REPO = Path(__file__).resolve().parents[2]
DAY = "2019-09-19"
NS = {
    "mets": "http://www.loc.gov/METS/",
    "xlink": "http://www.w3.org/1999/xlink",
    "premis": "http://www.loc.gov/premis/v3",
    "erms": "https://DILCIS.eu/XML/ERMS",
}
#: Rules eark-validator 1.1.3 cannot let any SIP pass, each contradicting another rule:
#: CSIP63 fails every fileGrp unless its content type is OTHER (its test reads
#: ``not(@csip:CONTENTINFORMATIONTYPE)`` where the rule's text means the OTHER type),
#: while CSIP62 requires the type on each representation's group; SIP14 wants an
#: unqualified ``NOTETYPE="IDENTIFICATIONCODE"`` on the CREATOR agent's note, which CSIP16
#: requires to be ``csip:NOTETYPE="SOFTWARE VERSION"`` (the software agent, CSIP10–16).
VALIDATOR_CONTRADICTIONS = {"CSIP63", "SIP14"}


@dataclass
class Built:
    zip: Path
    root: Path
    store: Store


def _unpack(path: Path, into: Path) -> Path:
    with zipfile.ZipFile(path) as archive:
        archive.extractall(into)
        [top] = {name.split("/", 1)[0] for name in archive.namelist()}
    return into / top


@pytest.fixture(scope="module")
def demo_package(tmp_path_factory, templates, demo_handlingar) -> Built:
    require_libreoffice()
    folder = tmp_path_factory.mktemp("arkiv-demo")
    workspace = resolve(folder / "ws")
    templates.sqlite_into("demo", workspace)
    # The demo's pages as LibreOffice made them (as ``demo_pdf_cache``, for this module).
    shutil.copytree(demo_handlingar.workspace.root / CACHE, workspace.root / CACHE)
    store = Store.open(workspace)
    import_protocol(store, REPO / "protocols" / f"{DAY}-von.md")  # justerat 2019-09-26
    target = folder / "paket.zip"
    build_archive(store, DAY, target)
    yield Built(target, _unpack(target, folder / "uppackat"), store)
    store.close()


@pytest.fixture(scope="module")
def social_package(tmp_path_factory, templates) -> Built:
    """Socialnämnden in Exempelby: ``SN 2026/102`` numbers, ärende 2 under sekretess."""
    require_libreoffice()
    folder = tmp_path_factory.mktemp("arkiv-sn")
    workspace = resolve(folder / "ws")
    templates.sqlite_into("empty", workspace)
    store = Store.open(workspace)
    store.organs.create(
        OrganSettings(
            code="sn",
            name="Socialnämnden",
            diarium_prefix="SN",
            dnr_format="{prefix} {year}/{number}",
            municipality="Exempelby kommun",
            osl_reference="26 kap. 1 § OSL",
        )
    )
    data = REPO / "tests" / "data" / "socialnamnd"
    for name in ("kallelse.md", "protokoll.md"):
        text = (data / name).read_text("utf-8").replace("sn/2026:", "SN 2026/")
        (folder / name).write_text(text, "utf-8")
    import_agenda_file(store, folder / "kallelse.md")
    import_protocol(store, folder / "protokoll.md")
    target = folder / "paket"
    build_archive(store, "2026-03-12", target)
    yield Built(target, target, store)
    store.close()


def _xml(path: Path) -> etree._ElementTree:
    return etree.parse(str(path))


def test_the_demo_package_passes_eark_validator(demo_package):
    report = validate(demo_package.zip)
    assert report.structure in ("VALID", "WELLFORMED"), report.problems
    assert report.schema == "VALID", report.problems
    left = [(rule, text) for rule, text in report.problems if rule not in VALIDATOR_CONTRADICTIONS]
    assert left == []
    assert report.package_type == "SIP"


def test_the_erms_validates_against_the_erms_schema(demo_package, social_package):
    schema = etree.XMLSchema(_xml(SCHEMAS / "ERMS.xsd"))
    for built in (demo_package, social_package):
        erms = _xml(built.root / "metadata" / "descriptive" / "erms.xml")
        assert schema.validate(erms), schema.error_log
    erms = _xml(demo_package.root / "metadata" / "descriptive" / "erms.xml")
    [case] = erms.xpath("//erms:aggregation[erms:extraId='von/2019:76']", namespaces=NS)
    assert case.get("aggregationType") == "caseFile"
    [decision] = case.xpath("erms:action[erms:actionType='beslut']/erms:actionText", namespaces=NS)
    assert decision.text
    [justering] = case.xpath("erms:action[erms:actionType='justering']", namespaces=NS)
    signatories = justering.xpath("erms:agents/erms:agent/erms:name/text()", namespaces=NS)
    assert signatories == ["Tuva Lund", "Per Ek"]
    dates = case.xpath("erms:record/erms:dates/erms:date/text()", namespaces=NS)
    assert dates, "every handling carries its date"


def _listed(mets_path: Path) -> list[tuple[Path, str, int]]:
    """Every file a METS.xml lists (fileSec and mdRef), with its checksum and size."""
    mets = _xml(mets_path)
    found = []
    for element in mets.xpath("//mets:file | //mets:mdRef", namespaces=NS):
        href = element.get(f"{{{NS['xlink']}}}href") or element.find("mets:FLocat", NS).get(
            f"{{{NS['xlink']}}}href"
        )
        assert element.get("CHECKSUMTYPE") == "SHA-256"
        found.append((mets_path.parent / href, element.get("CHECKSUM"), int(element.get("SIZE"))))
    return found


def test_every_file_in_mets_is_there_with_its_checksum(demo_package):
    root = demo_package.root
    listed = _listed(root / "METS.xml")
    for rep in sorted((root / "representations").iterdir()):
        listed += _listed(rep / "METS.xml")
    for path, checksum, size in listed:
        data = path.read_bytes()
        assert hashlib.sha256(data).hexdigest() == checksum, path
        assert len(data) == size, path
    everything = {p for p in root.rglob("*") if p.is_file()} - {root / "METS.xml"}
    assert everything == {path for path, _, _ in listed}, "every file is listed"


def test_premis_has_fixity_pdfa_format_and_the_justering(demo_package):
    rep1 = demo_package.root / "representations" / "rep1"
    premis = _xml(rep1 / "metadata" / "preservation" / "premis.xml")
    for obj in premis.xpath("//premis:object", namespaces=NS):
        href = obj.findtext("premis:objectIdentifier/premis:objectIdentifierValue", None, NS)
        digest = obj.findtext(".//premis:fixity/premis:messageDigest", None, NS)
        assert hashlib.sha256((rep1 / href).read_bytes()).hexdigest() == digest
    key = premis.xpath(
        "//premis:object[.//premis:objectIdentifierValue='data/2019-09-19-von.pdf']"
        "//premis:formatRegistryKey/text()",
        namespaces=NS,
    )
    assert key and key[0] in ("fmt/476", "fmt/477", "fmt/478")  # PDF/A-2 a, b or u
    events = premis.xpath("//premis:event[premis:eventType='justering']", namespaces=NS)
    signers = [e.findtext(".//premis:linkingAgentIdentifierValue", None, NS) for e in events]
    assert signers == ["Tuva Lund", "Per Ek"]
    times = [e.findtext("premis:eventDateTime", None, NS) for e in events]
    assert all(time.startswith("2019-09-26") for time in times)
    assert (rep1 / "data" / "2019-09-19-von-handlingar.pdf").is_file()
    sources = demo_package.root / "representations" / "rep2" / "data"
    assert (sources / "agendas" / "2019-09-19-von.md").read_text("utf-8").startswith("---")
    assert "## § 82" in (sources / "protocols" / "2019-09-19-von.md").read_text("utf-8")


def test_sekretess_goes_in_marked_with_its_ground(demo_package, social_package):
    erms = _xml(social_package.root / "metadata" / "descriptive" / "erms.xml")
    [case] = erms.xpath("//erms:aggregation[erms:extraId='SN 2026/102']", namespaces=NS)
    assert case.findtext("erms:title", None, NS) == "Ansökan om vård enligt LVU"
    grounds = case.xpath("erms:restriction[@restrictionType='confidential']/erms:regulation/text()",
                         namespaces=NS)  # fmt: skip
    assert grounds == ["26 kap. 1 § OSL"]
    assert case.xpath("erms:action[erms:actionType='beslut']/erms:actionText/text()", namespaces=NS)
    [public] = erms.xpath("//erms:aggregation[erms:extraId='SN 2026/101']", namespaces=NS)
    assert not public.xpath("erms:restriction", namespaces=NS)
    assert "Exempelby kommun" in erms.xpath("//erms:agencyName/text()", namespaces=NS)
    # The demo's sekretess bilagor are in the package, each record marked.
    demo = _xml(demo_package.root / "metadata" / "descriptive" / "erms.xml")
    marked = demo.xpath(
        "//erms:record[erms:restriction]/erms:additionalInformation/erms:appendix/@path",
        namespaces=NS,
    )
    assert any(p.endswith(".tsv") for p in marked)
    for path in marked:
        assert (demo_package.root / path).is_file()


def test_a_meeting_not_justerat_is_refused_and_nothing_written(demo_store, workspace, capsys):
    target = workspace.root / "paket.zip"
    with pytest.raises(InvalidInput, match="inget justerat protokoll"):
        build_archive(demo_store, DAY, target)  # no protokoll at all
    demo_store.protocols.open(demo_store.schedule.find_meeting(DAY).id, by="sekr", first_number=82)
    with pytest.raises(InvalidInput, match="inget justerat protokoll"):
        build_archive(demo_store, DAY, target)  # a protokoll being written
    demo_store.close()
    code = main(["--workspace", str(workspace.root), "archive", DAY, "-o", str(target)])
    assert code == 1
    assert "inget justerat protokoll" in capsys.readouterr().err
    assert not target.exists()
    assert not list(workspace.root.glob(".namnd-*"))


def test_a_folder_holding_something_else_is_refused_before_any_work(social_package, tmp_path):
    other = tmp_path / "mina-filer"
    other.mkdir()
    (other / "anteckning.txt").write_text("min egen fil")
    with pytest.raises(NamndError, match="finns redan och är inget arkivpaket"):
        build_archive(social_package.store, "2026-03-12", other)
    assert [p.name for p in other.iterdir()] == ["anteckning.txt"]


def test_a_signed_protokoll_goes_in_with_its_signatures(social_package, tmp_path):
    """``protocols/DATUM-KOD-justerat.pdf`` is taken as it is; the signers fed in are the
    PREMIS events (digital signature generation) and the ERMS eSignatures."""
    store = social_package.store
    workspace = store.workspace
    made = social_package.root / "representations" / "rep1" / "data" / "2026-03-12-sn.pdf"
    signed = workspace.protocols / "2026-03-12-sn-justerat.pdf"
    signed.parent.mkdir(parents=True, exist_ok=True)
    signed.write_bytes(made.read_bytes() + b"\n%signerad\n")  # stands in for the signed file
    at = dt.datetime(2026, 3, 17, 9, 30).astimezone()
    signers = [("Mona Sahlin", at), ("Olof Ek", at + dt.timedelta(minutes=12))]
    try:
        build_archive(store, "2026-03-12", tmp_path / "paket", signatures=signers)
    finally:
        signed.unlink()
    rep1 = tmp_path / "paket" / "representations" / "rep1"
    assert (rep1 / "data" / signed.name).read_bytes().endswith(b"%signerad\n")
    assert not (rep1 / "data" / "2026-03-12-sn.pdf").exists()
    premis = _xml(rep1 / "metadata" / "preservation" / "premis.xml")
    events = premis.xpath("//premis:event[premis:eventType='digital signature generation']",
                          namespaces=NS)  # fmt: skip
    assert [e.findtext(".//premis:linkingAgentIdentifierValue", None, NS) for e in events] == [
        "Mona Sahlin",
        "Olof Ek",
    ]
    linked = {e.findtext(".//premis:linkingObjectIdentifierValue", None, NS) for e in events}
    assert linked == {f"data/{signed.name}"}
    erms = _xml(tmp_path / "paket" / "metadata" / "descriptive" / "erms.xml")
    assert set(erms.xpath("//erms:eSignature/@present", namespaces=NS)) == {"true"}
