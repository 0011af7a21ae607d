"""The kallelse med handlingar read back: bookmarks, page order, labels, stamps, PDF/A.

Every package is built once per session (LibreOffice is slow); the tests read the files.
The demo's is the one the sending tests reuse (``demo_handlingar`` in tests/conftest.py).
Two meetings: the demo (Botkyrka, PDF and TSV bilagor, sekretess bilagor) and a
Miljö- och hälsoskyddsnämnd with a bilaga of every other kind (DOCX, XLSX, PNG) and a
sekretess ärende.
"""

from __future__ import annotations

import shutil
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from namnd.formats.pdfa_conformance import require as require_pdfa
from namnd.operations.agenda_files import import_agenda_file
from namnd.operations.demo import demo_dir
from namnd.operations.handlingar_export import default_path, export_handlingar
from namnd.storage.store import Store
from namnd.storage.workspace import resolve
from tests.renderers.docx_helpers import require_libreoffice

#: One test process builds these packages for all the module's tests (``--dist loadgroup``).
pytestmark = pytest.mark.xdist_group("handlingar-pdf")

OTHER = """---
nämnd: Miljö- och hälsoskyddsnämnden
kod: mhn
förvaltning: Miljöförvaltningen
sekretessgrund: 21 kap. 1 § OSL
datum: 2026-05-20
tid: 09:00
plats: Rådhuset, sal 2
ordförande: Ada Ek (C)
sekreterare: Bo Lind
---

## 1. Tillsynsplan 2026

Dnr: mhn/2026:12
Referens: Eva Holm

### Förslag till beslut

Nämnden antar tillsynsplanen.

### Sammanfattning

Planen gäller hela året.

### Bilagor

- Tillsynsplan 2026 [fil: bilagor/plan.docx]
- Avgifter per bransch [fil: bilagor/avgifter.xlsx]
- Karta över tillsynsområdena [fil: bilagor/karta.png]

## 2. Föreläggande mot enskild

Dnr: mhn/2026:14
Sekretess: ja

### Förslag till beslut

Nämnden förelägger fastighetsägaren att åtgärda avloppet.

### Bilagor

- Inspektionsrapport om avloppet på fastigheten [fil: bilagor/inspektion.pdf]

## 3. Remiss om grundvatten

Dnr: mhn/2026:15

### Förslag till beslut

Nämnden lämnar yttrandet.

### Bilagor

- Remissen [fil: bilagor/remiss.pdf]
- Klagomål från grannar [sekretess] [fil: bilagor/klagomal.tsv]
"""


def png(width: int, height: int) -> bytes:
    """A grey PNG, written with zlib (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def other_agenda(folder: Path) -> Path:
    import docx
    import openpyxl

    bilagor = folder / "bilagor"
    bilagor.mkdir(parents=True)
    document = docx.Document()
    document.add_heading("Tillsynsplan för Miljö- och hälsoskyddsnämnden 2026", 1)
    document.add_paragraph("Planen beskriver tillsynen av livsmedel och miljöfarlig verksamhet.")
    document.save(bilagor / "plan.docx")
    book = openpyxl.Workbook()
    book.active.append(["Bransch", "Avgift"])
    book.active.append(["Restauranger", 1400])
    book.save(bilagor / "avgifter.xlsx")
    (bilagor / "karta.png").write_bytes(png(40, 30))
    data = demo_dir() / "data"
    shutil.copyfile(data / "motion-halvera-matsvinnet.pdf", bilagor / "inspektion.pdf")
    shutil.copyfile(data / "remiss-riktlinjer-iop.pdf", bilagor / "remiss.pdf")
    (bilagor / "klagomal.tsv").write_text(
        "Klagande\tDatum\tKlagomål\nGrannen Gustav Gren\t2026-04-01\tLukt från avloppsbrunnen\n"
    )
    path = folder / "2026-05-20-mhn.md"
    path.write_text(OTHER)
    return path


@dataclass
class Package:
    """A built package; page texts are extracted on demand (pypdf takes 0.2 s a page)."""

    path: Path
    reader: PdfReader
    bookmarks: list[tuple[str, int, list[tuple[str, int]]]]
    agenda_titles: list[str]
    _texts: dict[int, str] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path, titles: list[str]) -> Package:
        reader = PdfReader(path)
        marks = []
        outline = reader.outline
        for index, item in enumerate(outline):
            if isinstance(item, list):
                continue
            children = outline[index + 1] if index + 1 < len(outline) else []
            children = children if isinstance(children, list) else []
            marks.append(
                (
                    item.title,
                    reader.get_destination_page_number(item),
                    [(c.title, reader.get_destination_page_number(c)) for c in children],
                )
            )
        return cls(path, reader, marks, titles)

    def text(self, page: int) -> str:
        if page not in self._texts:
            self._texts[page] = " ".join(self.reader.pages[page].extract_text().split())
        return self._texts[page]

    def all_text(self) -> str:
        return "\n".join(self.text(page) for page in range(len(self.reader.pages)))

    def chapter(self, number: int) -> list[tuple[str, int]]:
        return self.bookmarks[number - 1][2]

    def pages_of(self, number: int) -> range:
        starts = [first for _, first, _ in self.bookmarks] + [len(self.reader.pages)]
        return range(starts[number - 1], starts[number])


def _titles(store: Store, ref: str) -> list[str]:
    view = store.agendas.agenda(store.schedule.find_meeting(ref).id)
    return [f"{n}. {e.arende.title}" for n, e in enumerate(view.entries, start=1)]


def build(root: Path, load, versions: tuple[bool, ...]) -> tuple[list[Package], Store]:
    require_libreoffice()
    workspace = resolve(root, db_url=f"sqlite:///{root / 'namnd.db'}")
    store = Store.open(workspace)
    ref = load(store)
    titles = _titles(store, ref)
    out = []
    for public in versions:
        path = default_path(workspace, store, ref, public)
        export_handlingar(store, ref, path, public=public)
        out.append(Package.read(path, titles))
    return out, store


@pytest.fixture(scope="session")
def demo(demo_handlingar):
    """The demo's internal version only (built once per run, tests/conftest.py): its
    public version would take LibreOffice again, so that is read on the small meeting."""
    store = Store.open(demo_handlingar.workspace)
    try:
        titles = _titles(store, "2019-09-19")
    finally:
        store.close()
    return (Package.read(demo_handlingar.path, titles),)


@pytest.fixture(scope="session")
def other(tmp_path_factory):
    source = other_agenda(tmp_path_factory.mktemp("mhn-in"))

    def load(store):
        import_agenda_file(store, source)
        return "2026-05-20"

    (internal, public), store = build(tmp_path_factory.mktemp("mhn"), load, (False, True))
    yield internal, public
    store.close()


@pytest.fixture(params=["demo", "other"])
def packages(request):
    return request.getfixturevalue(request.param)


def test_bookmarks_follow_the_foredragningslista_and_bilagor_follow_their_memo(packages):
    for package in packages:
        assert [title for title, _, _ in package.bookmarks] == package.agenda_titles
        previous = 0
        for _, first, children in package.bookmarks:
            assert children[0] == ("Tjänsteskrivelse", first)
            pages = [page for _, page in children]
            assert pages == sorted(set(pages)), "each piece has pages of its own, in order"
            assert first > previous
            previous = first


def test_the_cover_gives_each_arendes_first_page_and_labels_match(packages):
    for package in packages:
        labels = package.reader.page_labels
        assert labels[0] == "i" and labels[1] == "1"
        cover = package.text(0)
        for title, first, _ in package.bookmarks:
            assert labels[first] == str(first)
            assert f"sida {labels[first]}" in cover, title


def test_every_page_carries_the_stamp_with_organ_date_and_arende(demo):
    (internal,) = demo
    with pikepdf.open(internal.path) as pdf:
        stamps = [
            [name for name, x in page.resources.XObject.items() if x.get("/Subtype") == "/Form"]
            for page in pdf.pages
        ]
    assert all(stamps), "every page has the stamp laid over it"
    for number in range(1, len(internal.bookmarks) + 1):
        pages = internal.pages_of(number)
        for page in {pages[0], pages[len(pages) // 2], pages[-1]}:
            text = internal.text(page)
            assert "Vård- och omsorgsnämnden · sammanträde torsdag 19 september 2019" in text
            assert f"· Ärende {number}" in text, page
    assert "Kallelse med föredragningslista" in internal.text(0)


def test_demo_bilagor_are_the_seeds_documents_in_place(demo):
    (internal,) = demo
    chapter = {title.split(".")[0]: children for title, _, children in internal.bookmarks}
    (_, report_page) = chapter["3"][1]
    assert "Genomlysning boendestöd Botkyrka kommun" in internal.text(report_page)
    motion = dict(chapter["6"])["Motion – Halvera matsvinnet till 2025 (V)"]
    assert "Halvera matsvinnet till 2025" in internal.text(motion)
    with pikepdf.open(demo_dir() / "data" / "genomlysning-myndighet.pdf") as source:
        length = len(source.pages)
    pages = [page for _, page in chapter["4"]] + [chapter["5"][0][1]]
    assert pages[2] - pages[1] == length, "a PDF bilaga is merged whole"
    lss = dict(chapter["10"])["Beslut LSS SFB, augusti 2019"]
    assert "Beslutsfattare" in internal.text(lss)  # the TSV as a table


def test_the_demo_holds_its_sekretess_bilagor_in_the_internal_version(demo):
    (internal,) = demo
    ej = dict(internal.chapter(9))
    lss = ej["Sammanställning ej verkställda gynnande beslut enligt LSS, kvartal 2 2019"]
    assert "Gynnande beslut som inte verkställts inom tre månader" in internal.text(lss)
    rows = dict(internal.chapter(10))["Beslut LSS SFB, augusti 2019"]
    assert "Vergara Robello" in " ".join(internal.text(p) for p in range(rows, rows + 3))


def test_the_public_version_holds_no_page_of_a_sekretess_bilaga(other):
    internal, public = other
    secret = "Klagomål från grannar"
    start = dict(internal.chapter(3))[secret]
    secret_pages = internal.pages_of(3)[-1] + 1 - start  # the last piece of ärende 3
    assert "Gustav Gren" in internal.text(start)
    assert len(public.reader.pages) == (
        len(internal.reader.pages) - secret_pages - len(internal.pages_of(2)) + 1 + 1
    ), "the sekretess bilaga is one page; the sekretess ärende keeps its first page only"
    assert [title for title, _ in public.chapter(3)] == [
        "Tjänsteskrivelse",
        "Remissen",
        "Sekretessbelagd handling",
    ]
    withheld = dict(public.chapter(3))["Sekretessbelagd handling"]
    assert withheld == len(public.reader.pages) - 1, "one page in its place"
    text = public.text(withheld)
    assert "Bilaga 2 till ärende 3" in text and "lämnas inte ut" in text
    assert "(21 kap. 1 § OSL)" in text
    everything = public.all_text()
    for word in ("Gustav Gren", "Lukt från avloppsbrunnen", secret, "Inspektionsrapport"):
        assert word not in everything


def test_other_organ_every_kind_of_bilaga_and_its_own_osl_reference(other):
    internal, public = other
    chapter = {title.split(".")[0]: children for title, _, children in internal.bookmarks}
    assert [t for t, _ in chapter["1"]] == [
        "Tjänsteskrivelse",
        "Tillsynsplan 2026",
        "Avgifter per bransch",
        "Karta över tillsynsområdena",
    ]
    plan, fees, _map = (page for _, page in chapter["1"][1:])
    assert "Planen beskriver tillsynen" in internal.text(plan)
    assert "Restauranger" in internal.text(fees)
    with pikepdf.open(internal.path) as pdf:
        assert pdf.pages[_map].get_images(), "the PNG is on its page"
    stamp = "Miljö- och hälsoskyddsnämnden · sammanträde onsdag 20 maj 2026 · Ärende 1"
    assert stamp in internal.text(plan)
    assert [t for t, _ in public.chapter(2)] == ["Tjänsteskrivelse"]  # a sekretess ärende
    assert "Ärendet redovisas inte med hänvisning till sekretess (21 kap. 1 § OSL)" in (
        public.text(public.chapter(2)[0][1])
    )


def test_the_demo_package_is_packed_small_enough_to_mail(demo):
    """The tagged structure goes in object streams: 4.5 MB as LibreOffice's pages were
    joined, 1.8 MB packed. Mail servers refuse what is over their limit, often 10 MB."""
    (package,) = demo
    assert package.path.stat().st_size < 2.5 * 1024 * 1024
    with pikepdf.open(package.path) as pdf:
        assert len(pdf.pages) > 150


def test_the_package_declares_pdfa_2_and_the_checker_agrees(packages):
    """Fonts, OutputIntent, tags, language (sv), no JavaScript: formats.pdfa_conformance."""
    for package in packages:
        with pikepdf.open(package.path) as pdf:
            assert pdf.open_metadata().pdfa_status == "2B"
            assert pdf.open_metadata()["dc:title"].startswith("Kallelse med handlingar")
        require_pdfa(package.path, language="sv")
