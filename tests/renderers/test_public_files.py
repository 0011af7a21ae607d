"""Reading outputs back for the gate: every part of a real .docx and a real PDF."""

import json
import zipfile

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from namnd.errors import InvalidInput
from namnd.formats.public_files import extract_parts, kind_of
from namnd.rules.public_check import FindingKind, Secret, check_text
from tests.renderers.docx_helpers import convert_to_pdf

SECRET = Secret(
    "Brukaren har sedan mars vistats på korttidsboendet Solrosen", "ärende 7, Sammanfattning"
)


def _findings(parts, secrets=()):
    return [f for part in parts for f in check_text(part.text, where=part.name, secrets=secrets)]


def _where(parts, kind, secrets=()):
    return {f.where for f in _findings(parts, secrets) if f.kind == kind}


@pytest.fixture
def word_file(tmp_path):
    """A .docx with a personnummer in a header, the title, a table, a link target, a custom
    property and a footnote; a comment that is an HTML comment; a secret split in runs."""
    document = docx.Document()
    document.add_paragraph("Kallelse till Vård- och omsorgsnämnden")
    document.sections[0].header.paragraphs[0].text = "Sidhuvud 19780312-4564"
    document.core_properties.title = "Ärende om 780372-4561"
    cell = document.add_table(rows=1, cols=2).rows[0].cells[1]
    cell.paragraphs[0].add_run("7803")
    cell.paragraphs[0].add_run("12-")
    cell.paragraphs[0].add_run("4564")  # one number in three runs
    document.part.relate_to("https://example.se/?pnr=197803124564", RT.HYPERLINK, True)
    body = document.add_paragraph("Brukaren har sedan mars ")
    body.add_run("vistats på korttidsboendet").bold = True
    document.add_comment(body.runs, text="<!-- ring handläggaren -->", author="Sekreterare")
    path = tmp_path / "kallelse.docx"
    document.save(str(path))
    with zipfile.ZipFile(path, "a") as package:
        package.writestr(
            "docProps/custom.xml",
            '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/'
            'officeDocument/2006/custom-properties"><property name="Handläggare">'
            "<lpwstr>Pnr 7803124564</lpwstr></property></Properties>",
        )
        package.writestr(
            "word/footnotes.xml",
            '<?xml version="1.0"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:t>Se 19780312-</w:t>'
            "</w:r><w:r><w:t>4564</w:t></w:r></w:p></w:footnote></w:footnotes>",
        )
    return path


def test_every_part_of_a_docx_is_read(word_file):
    parts = extract_parts(word_file.read_bytes(), "docx")
    names = {p.name for p in parts}
    assert {"word/document.xml", "docProps/core.xml", "word/_rels/document.xml.rels"} <= names
    assert _where(parts, FindingKind.PERSONNUMMER) == {
        "word/header1.xml",
        "docProps/core.xml",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "docProps/custom.xml",
        "word/footnotes.xml",
    }
    assert _where(parts, FindingKind.HTML_COMMENT) == {"word/comments.xml"}
    assert _where(parts, FindingKind.CONFIDENTIAL, [SECRET]) == {"word/document.xml"}


def test_a_paragraph_split_in_runs_is_one_line(word_file):
    parts = extract_parts(word_file.read_bytes(), "docx")
    (body,) = [p for p in parts if p.name == "word/document.xml"]
    assert "780312-4564" in body.text.splitlines()
    assert "Brukaren har sedan mars vistats på korttidsboendet" in body.text.splitlines()


def test_a_clean_docx_has_no_findings(tmp_path):
    document = docx.Document()
    document.add_paragraph("Dnr VON/2019:35, sammanträde 2019-09-19 kl. 13.00.")
    document.core_properties.title = "Kallelse"
    document.save(str(tmp_path / "ren.docx"))
    assert _findings(extract_parts((tmp_path / "ren.docx").read_bytes(), "docx"), [SECRET]) == []


def test_pdf_page_text_document_info_and_xmp_are_read(word_file, tmp_path):
    pdf = convert_to_pdf(word_file, tmp_path)
    parts = extract_parts(pdf.read_bytes(), "pdf")
    names = {p.name for p in parts}
    assert "sida 1" in names and "dokumentinformation" in names
    found = _where(parts, FindingKind.PERSONNUMMER)
    assert "sida 1" in found  # the body and the header
    assert "dokumentinformation" in found  # the title
    if "XMP-metadata" in names:
        assert "XMP-metadata" in found
    assert _where(parts, FindingKind.CONFIDENTIAL, [SECRET]) == {"sida 1"}


def _page_with_text(writer, text: str, *, where: str = "10 100 Td") -> None:
    from pypdf.generic import DictionaryObject, NameObject, StreamObject

    page = writer.add_blank_page(width=400, height=200)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    content = StreamObject()
    content.set_data(f"BT /F1 10 Tf {where} ({text}) Tj ET".encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(content)


def test_a_pdf_without_libreoffice_page_text_info_and_xmp(tmp_path):
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, StreamObject

    writer = PdfWriter()
    _page_with_text(writer, "Offentlig kallelse, dnr VON/2019:35")
    _page_with_text(writer, "Brukaren har sedan mars vistats pa korttidsboendet")
    writer.add_metadata({"/Title": "Offentlig kallelse", "/Subject": "Om 7803124564"})
    xmp = StreamObject()
    xmp.set_data(
        b'<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/" dc:format="19780312-4564"/>'
        b"</rdf:RDF></x:xmpmeta>"
    )
    xmp.update({NameObject("/Type"): NameObject("/Metadata")})
    writer.root_object[NameObject("/Metadata")] = writer._add_object(xmp)
    path = tmp_path / "x.pdf"
    with path.open("wb") as out:
        writer.write(out)
    parts = extract_parts(path.read_bytes(), "pdf")
    assert [p.name for p in parts][:2] == ["sida 1", "sida 2"]
    assert _where(parts, FindingKind.PERSONNUMMER) == {"dokumentinformation", "XMP-metadata"}
    assert _where(parts, FindingKind.CONFIDENTIAL, [SECRET]) == {"sida 2"}


@pytest.mark.parametrize(
    "where",
    ["-900 -900 Td", "3 Tr 10 100 Td", "1 1 1 rg 10 100 Td"],
    ids=["outside-the-page", "invisible", "white-on-white"],
)
def test_pdf_text_no_reader_sees_is_read_all_the_same(tmp_path, where):
    """Text placed off the page, drawn invisible or white is in the file for any extractor."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    _page_with_text(writer, "Offentlig kallelse, dnr VON/2019:35")
    _page_with_text(writer, "Brukaren har sedan mars vistats pa korttidsboendet", where=where)
    path = tmp_path / "x.pdf"
    with path.open("wb") as out:
        writer.write(out)
    parts = extract_parts(path.read_bytes(), "pdf")
    assert _where(parts, FindingKind.CONFIDENTIAL, [SECRET]) == {"sida 2"}


def test_text_formats():
    data = json.dumps({"meetings": [{"title": "Möte", "note": "pnr 780312-4564", "n": 3}]})
    (part,) = extract_parts(data.encode(), "json", "data.json")
    assert part.name == "data.json" and "pnr 780312-4564" in part.text.splitlines()
    ics = b"BEGIN:VEVENT\r\nSUMMARY:Ar\r\n ende 7803\r\n 124564\\, internt\r\nEND:VEVENT\r\n"
    (part,) = extract_parts(ics, "ics", "plan.ics")
    assert "SUMMARY:Arende 7803124564, internt" in part.text
    html = b'<p title="7803124564">Text <b>fet</b></p><!-- intern --><a href="x">l</a>'
    (part,) = extract_parts(html, "html", "sida.html")
    assert _where([part], FindingKind.PERSONNUMMER) == {"sida.html"}
    assert _where([part], FindingKind.HTML_COMMENT) == {"sida.html"}
    (part,) = extract_parts(b"Hej <!-- x -->", "md", "k.md")
    assert part.text == "Hej <!-- x -->"


def test_kind_of_and_unreadable_files(tmp_path):
    assert kind_of(tmp_path / "A.DOCX") == "docx" and kind_of(tmp_path / "a.markdown") == "md"
    with pytest.raises(InvalidInput, match=r"filtypen ”\.xlsx” känns inte igen"):
        kind_of(tmp_path / "a.xlsx")
    with pytest.raises(InvalidInput, match="ingen Word-fil"):
        extract_parts(b"not a zip", "docx", "trasig.docx")
    with pytest.raises(InvalidInput, match="ingen läsbar PDF-fil"):
        extract_parts(b"%PDF-1.4 trasig", "pdf", "trasig.pdf")
    with pytest.raises(InvalidInput, match="ingen giltig JSON-fil"):
        extract_parts(b"{", "json", "t.json")
