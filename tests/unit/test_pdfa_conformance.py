"""The PDF/A checker (formats.pdfa_conformance): each check fails on a PDF lacking it.

The base is a demo bilaga (LibreOffice's PDF/A-2, in Swedish); each case takes one
property away with pikepdf and the checker must name it. The demo bilagor themselves,
and the handlingar package put together from them, must pass.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest

from namnd.errors import NamndError
from namnd.formats.pdfa_conformance import problems, require
from namnd.renderers.handlingar_pdf import Chapter, Piece, assemble

DATA = Path(__file__).resolve().parents[2] / "agendas" / "data"
BASE = DATA / "motion-halvera-matsvinnet.pdf"


def _without_pdfaid(pdf):
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        del meta["pdfaid:part"]


def _without_conformance(pdf):
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        del meta["pdfaid:conformance"]


def _without_metadata(pdf):
    del pdf.Root.Metadata


def _unreadable_metadata(pdf):
    pdf.Root.Metadata = pdf.make_stream(b"<x:xmpmeta>inte XML", Type=pikepdf.Name.Metadata)


def _font_not_embedded(pdf):
    for font in pdf.pages[0].Resources.Font.values():
        descriptor = font.get("/FontDescriptor")
        if descriptor is not None:
            for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                if key in descriptor:
                    del descriptor[key]
            return


def _type0_descendant_not_embedded(pdf):
    descendant = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.CIDFontType2,
            BaseFont=pikepdf.Name("/Utanfor-CID"),
            FontDescriptor=pikepdf.Dictionary(
                Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/Utanfor-CID")
            ),
        )
    )
    pdf.pages[0].Resources.Font["/FX"] = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.Type0,
        BaseFont=pikepdf.Name("/Utanfor"),
        DescendantFonts=pikepdf.Array([descendant]),
    )


def _script(code: str) -> pikepdf.Dictionary:
    return pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(code))


def _names_javascript(pdf):
    pdf.Root.Names = pikepdf.Dictionary(
        JavaScript=pikepdf.Dictionary(Names=pikepdf.Array(["hej", _script("app.alert(1)")]))
    )


def _open_action_next(pdf):
    pdf.Root.OpenAction = pikepdf.Dictionary(
        S=pikepdf.Name.GoTo, D=pikepdf.Array([pdf.pages[0].obj, pikepdf.Name.Fit]),
        Next=_script("app.alert(2)"),
    )  # fmt: skip


def _document_aa(pdf):
    pdf.Root.AA = pikepdf.Dictionary(WC=_script("app.alert(3)"))


def _page_aa(pdf):
    pdf.pages[0].obj.AA = pikepdf.Dictionary(O=_script("app.alert(4)"))


def _annotation_action(pdf):
    link = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link,
            Rect=pikepdf.Array([0, 0, 10, 10]), A=_script("app.alert(5)"),
        )
    )  # fmt: skip
    pdf.pages[-1].obj.Annots = pikepdf.Array([link])


def _without_output_intent(pdf):
    del pdf.Root.OutputIntents


def _output_intent_not_pdfa(pdf):
    for intent in pdf.Root.OutputIntents:
        intent.S = pikepdf.Name.GTS_PDFX


def _output_intent_without_icc(pdf):
    for intent in pdf.Root.OutputIntents:
        intent.DestOutputProfile = pikepdf.Stream(pdf, b"inte en ICC-profil")


def _not_marked(pdf):
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=False)


def _without_struct_tree(pdf):
    del pdf.Root.StructTreeRoot


def _without_lang(pdf):
    del pdf.Root.Lang


def _english(pdf):
    pdf.Root.Lang = pikepdf.String("en-US")


CASES = [
    (_without_pdfaid, "pdfaid:part"),
    (_without_conformance, "pdfaid:conformance"),
    (_without_metadata, "XMP-metadata saknas"),
    (_unreadable_metadata, "pdfaid:part"),
    (_font_not_embedded, "Teckensnitt är inte inbäddade"),
    (_type0_descendant_not_embedded, "Utanfor-CID"),
    (_names_javascript, "namnträd"),
    (_open_action_next, "OpenAction"),
    (_document_aa, "dokumentets åtgärder (AA)"),
    (_page_aa, "på sida 1"),
    (_annotation_action, "annotering på sida 2"),
    (_without_output_intent, "GTS_PDFA1"),
    (_output_intent_not_pdfa, "GTS_PDFA1"),
    (_output_intent_without_icc, "ICC-färgprofil"),
    (_not_marked, "Marked true"),
    (_without_struct_tree, "StructTreeRoot"),
    (_without_lang, "språk (Lang"),
    (_english, "en-US, inte sv"),
]


def _spoiled(tmp_path: Path, spoil) -> Path:
    target = tmp_path / "trasig.pdf"
    with pikepdf.open(BASE) as pdf:
        spoil(pdf)
        pdf.save(target)
    return target


def test_the_base_passes():
    assert problems(BASE, language="sv") == []
    require(BASE, language="sv")


@pytest.mark.parametrize(("spoil", "said"), CASES, ids=[c[0].__name__.strip("_") for c in CASES])
def test_each_check_fails_on_a_pdf_lacking_it(tmp_path, spoil, said):
    found = problems(_spoiled(tmp_path, spoil), language="sv")
    assert len(found) == 1, found
    assert said in found[0]
    with pytest.raises(NamndError, match=r"trasig\.pdf är inte PDF/A"):
        require(tmp_path / "trasig.pdf", language="sv")


def test_encrypted_and_unreadable(tmp_path):
    with pikepdf.open(BASE) as pdf:
        pdf.save(tmp_path / "las.pdf", encryption=pikepdf.Encryption(owner="a", user="b"))
        pdf.save(tmp_path / "oppen.pdf", encryption=pikepdf.Encryption(owner="a", user=""))
    assert "krypterad (lösenordsskyddad)" in problems(tmp_path / "las.pdf")[0]
    assert any("krypterad" in p for p in problems(tmp_path / "oppen.pdf"))
    (tmp_path / "trasig.pdf").write_bytes(b"%PDF-1.7 trasig")
    assert "går inte att läsa som PDF" in problems(tmp_path / "trasig.pdf")[0]
    with pytest.raises(NamndError, match="Bilagan är inte PDF/A"):
        require(tmp_path / "trasig.pdf", name="Bilagan")


@pytest.mark.parametrize("path", sorted(DATA.glob("*.pdf")), ids=lambda p: p.name)
def test_every_demo_bilaga_is_pdfa_in_swedish(path):
    require(path, language="sv")


def _package(tmp_path: Path, bilaga: Path, cover: Path = DATA / "tidsplan-budget-2020.pdf"):
    target = tmp_path / "paket.pdf"
    chapters = [
        Chapter("1. Motion", [Piece("Motion", DATA / "motion-halvera-matsvinnet.pdf")]),
        Chapter("2. Remiss", [Piece("Bilaga", bilaga, name="Bilagan ”Remiss”", foreign=True)]),
    ]
    stamps = tmp_path / "stamps.pdf"
    with pikepdf.open(DATA / "riktlinjer-iop.pdf") as strips:  # any three pages serve
        strips.save(stamps)
    made = assemble(cover, chapters, stamps, target, title="Paket")
    return target, made.warnings


def test_the_package_keeps_pdfa_tags_and_language_when_every_bilaga_is_pdfa(tmp_path):
    target, warnings = _package(tmp_path, DATA / "remiss-riktlinjer-iop.pdf")
    assert warnings == []
    require(target, language="sv")
    with pikepdf.open(target) as pdf:
        pages = {page.objgen for page in pdf.pages}
        root = pdf.Root.StructTreeRoot
        assert len(root.K) == 3, "the cover's tags, then each part's"
        keys = sorted(int(key) for key in pikepdf.NumberTree(root.ParentTree).keys())
        assert [int(page.StructParents) for page in pdf.pages] == keys
        for kid in root.K:
            assert kid.P.objgen == root.objgen
        elements = list(_elements(root))
        assert elements and all(e.Pg.objgen in pages for e in elements if "/Pg" in e)
        stamp = pdf.pages[0].Resources.XObject
        form = next(iter(stamp.values()))
        assert form.read_bytes().startswith(b"/Artifact BMC"), "the stamp is outside the tags"


def test_a_bilaga_not_pdfa_makes_a_package_without_the_claim_and_says_why(tmp_path):
    bilaga = shutil.copyfile(DATA / "remiss-riktlinjer-iop.pdf", tmp_path / "remiss.pdf")
    with pikepdf.open(bilaga, allow_overwriting_input=True) as pdf:
        _font_not_embedded(pdf)
        pdf.save(bilaga)
    target, warnings = _package(tmp_path, bilaga)
    assert len(warnings) == 1
    assert "Bilagan ”Remiss” är inte PDF/A: Teckensnitt är inte inbäddade" in warnings[0]
    assert "Paketet skrivs därför utan PDF/A-märkning" in warnings[0]
    assert any("pdfaid:part" in p for p in problems(target))


def test_a_package_whose_own_pages_are_not_pdfa_loses_the_claim_too(tmp_path):
    cover = _spoiled(tmp_path, _without_output_intent)
    target, warnings = _package(tmp_path, DATA / "remiss-riktlinjer-iop.pdf", cover)
    assert warnings == [
        "Paketet är inte PDF/A: OutputIntent för PDF/A (GTS_PDFA1) saknas. "
        "Det skrivs därför utan PDF/A-märkning."
    ]
    assert any("pdfaid:part" in p for p in problems(target))


def test_a_bilaga_in_english_stays_english_inside_the_swedish_package(tmp_path):
    bilaga = shutil.copyfile(DATA / "remiss-riktlinjer-iop.pdf", tmp_path / "remiss.pdf")
    with pikepdf.open(bilaga, allow_overwriting_input=True) as pdf:
        _english(pdf)
        pdf.save(bilaga)
    target, warnings = _package(tmp_path, bilaga)
    assert warnings == []
    require(target, language="sv")
    with pikepdf.open(target) as pdf:
        langs = [str(kid.get("/Lang", "")) for kid in pdf.Root.StructTreeRoot.K]
    assert langs == ["", "sv-SE", "en-US"], "the cover's tags take the document's sv-SE"


def _elements(element, depth=0):
    kids = element.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid and depth < 64:
            yield kid
            yield from _elements(kid, depth + 1)
