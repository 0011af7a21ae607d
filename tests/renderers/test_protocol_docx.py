"""The demo meeting decided, justerat and exported to Word, then read back with python-docx."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from namnd.cli.main import main
from namnd.errors import InvalidInput
from namnd.formats.pdfa_conformance import require as require_pdfa
from namnd.operations.protocol_export import export_extract, export_protocol
from namnd.rules.swedish_dates import long_date
from tests.protocol_sample import draft_protocol
from tests.renderers.docx_helpers import convert_to_pdf, package_text, require_libreoffice

DAY = "2019-09-19"
SECRET_DECISION = "Anmälan av delegationsbeslut läggs till handlingarna."


@pytest.fixture
def decided(demo_store):
    """All ten items decided (§ 90 with yrkanden, omröstning, reservation), then justerat."""
    meeting = demo_store.schedule.find_meeting(DAY).id
    demo_store.protocols.replace(meeting, draft_protocol())
    demo_store.protocols.justera(meeting, dt.date(2019, 9, 26), by="sekreteraren")
    demo_store.protocols.post(meeting, dt.date(2019, 9, 27))
    return demo_store


def _export(store, tmp_path: Path, **kwargs) -> Path:
    return export_protocol(store, DAY, fmt="docx", path=tmp_path / "protokoll.docx", **kwargs)


def _headings(document, level: int) -> list:
    return [p for p in document.paragraphs if p.style.name == f"Heading {level}"]


def test_paragraphs_run_consecutively_under_heading_styles_with_their_dnr(decided, tmp_path):
    document = docx.Document(str(_export(decided, tmp_path)))
    headings = _headings(document, 1)
    numbers = [int(h.text.split()[1]) for h in headings if h.text.startswith("§ ")]
    assert numbers == list(range(82, 95))
    paragraphs = document.paragraphs
    for heading in headings:
        if heading.text.startswith("§ 90 "):
            following = paragraphs[[p._p for p in paragraphs].index(heading._p) + 1]
            assert following.text == "Dnr von/2019:76"
    assert document.core_properties.language == "sv-SE"


def test_the_vote_table_totals_match_the_ballots(decided, tmp_path):
    document = docx.Document(str(_export(decided, tmp_path)))
    (table,) = [t for t in document.tables if t.rows[0].cells[0].text == "Ledamot"]
    ballots = [[c.text for c in row.cells] for row in table.rows[1:-1]]
    totals = [c.text for c in table.rows[-1].cells]
    assert len(ballots) == 13
    counted = [sum(1 for b in ballots if b[col] == "X") for col in (1, 2, 3)]
    assert totals == ["Summa", *map(str, counted)] == ["Summa", "12", "1", "0"]
    assert ["Omar Haddad (V)", "", "X", ""] in ballots
    assert table.rows[0]._tr.trPr.xml.count("tblHeader") == 1  # an accessible header row
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Omar Haddad (V) reserverar sig mot beslutet till förmån för eget yrkande." in text


def test_anslag_dates_follow_the_rules(decided, tmp_path):
    document = docx.Document(str(_export(decided, tmp_path)))
    cells = {
        row.cells[0].text: row.cells[1].text
        for table in document.tables
        if len(table.columns) == 2
        for row in table.rows
    }
    assert cells["Datum då anslaget sätts upp"] == "fredag 27 september 2019"
    after = decided.schedule.meeting_deadlines(decided.schedule.find_meeting(DAY).id)
    assert after.appeal_ends == dt.date(2019, 10, 18)  # three weeks, same weekday
    down = after.notice_down
    assert cells["Datum då anslaget tas ned"] == long_date(down) == "lördag 19 oktober 2019"
    assert cells["Sammanträdesdatum"] == "torsdag 19 september 2019"
    assert cells["Plats och tid"] == "Alytus, kl. 18.30–20.15"
    assert "Anna Berg (M) för Anna Wikström (M)" in cells["Beslutande"]


def _cells(document) -> dict[str, str]:
    return {
        row.cells[0].text: row.cells[1].text
        for table in document.tables
        if len(table.columns) == 2
        for row in table.rows
    }


def test_kl_13_5_anslag_box_follows_a_late_justering_and_the_organs_rules(demo_store, tmp_path):
    from namnd.domain.changes import OrganRulesChanges

    demo_store.schedule.save_rules(OrganRulesChanges(posting_days=1))
    meeting = demo_store.schedule.find_meeting(DAY).id
    demo_store.protocols.replace(meeting, draft_protocol())
    demo_store.protocols.justera(meeting, dt.date(2019, 10, 9), by="sekreteraren")
    # Not yet anslaget: the organ's own rule, one day after the (late) justering.
    cells = _cells(docx.Document(str(_export(demo_store, tmp_path / "a"))))
    assert cells["Datum då anslaget sätts upp"] == "torsdag 10 oktober 2019"
    assert cells["Datum då anslaget tas ned"] == "fredag 1 november 2019"
    demo_store.protocols.post(meeting, dt.date(2019, 10, 11))
    cells = _cells(docx.Document(str(_export(demo_store, tmp_path / "b"))))
    assert cells["Datum då anslaget sätts upp"] == "fredag 11 oktober 2019"
    assert cells["Datum då anslaget tas ned"] == "lördag 2 november 2019"


def test_kl_8_12_omedelbart_justerad_paragraph_has_its_own_anslag_in_the_protokoll(
    demo_store, tmp_path
):
    import dataclasses

    meeting = demo_store.schedule.find_meeting(DAY).id
    protocol = draft_protocol()
    paragraphs = tuple(
        dataclasses.replace(p, immediate=p.number == 90) for p in protocol.paragraphs
    )
    demo_store.protocols.replace(meeting, dataclasses.replace(protocol, paragraphs=paragraphs))
    demo_store.protocols.justera(meeting, dt.date(2019, 9, 26), by="sekreteraren")
    document = docx.Document(str(_export(demo_store, tmp_path)))
    assert _cells(document)["Omedelbart justerade paragrafer"] == (
        "§ 90: justerad torsdag 19 september 2019, anslås senast fredag 20 september 2019, "
        "överklagandetid t.o.m. fredag 11 oktober 2019"
    )
    text = "\n".join(p.text for p in document.paragraphs)
    assert (
        "Paragrafen är omedelbart justerad. Justeringen anslås senast fredag 20 september "
        "2019; överklagandetiden löper till och med fredag 11 oktober 2019" in text
    )
    extract = export_extract(demo_store, DAY, 90, path=tmp_path / "utdrag.docx")
    assert "till och med fredag 11 oktober 2019" in package_text(extract)


def test_the_anslag_box_is_never_split_across_pages(decided, tmp_path):
    document = docx.Document(str(_export(decided, tmp_path)))
    box = next(t for t in document.tables if t.rows[0].cells[0].text == "Organ")
    kept = [p.paragraph_format.keep_with_next for row in box.rows for p in row.cells[0].paragraphs]
    assert kept == [True] * (len(box.rows) - 1) + [None]


def test_every_page_has_the_two_footer_texts(decided, tmp_path):
    document = docx.Document(str(_export(decided, tmp_path)))
    for section in document.sections:
        cells = [c.text for t in section.footer.tables for c in t.rows[0].cells]
        assert cells == ["Justerandes sign", "Utdragsbestyrkande"]


def test_public_version_leaves_out_the_secret_paragraph_everywhere(decided, tmp_path):
    internal = package_text(_export(decided, tmp_path / "intern"))
    assert SECRET_DECISION in internal
    public_path = _export(decided, tmp_path / "offentlig", public=True)
    public = package_text(public_path)
    assert SECRET_DECISION not in public
    assert "Ärendet redovisas inte med hänvisning till sekretess (26 kap. 1 § OSL)." in public
    assert "§ 94 Delegationsbeslut" in public
    # The delegation lists are personal data: their bilagor are never named publicly.
    assert "Beslut LSS SFB, augusti 2019" in internal
    assert "Beslut LSS SFB, augusti 2019" not in public


def test_extract_holds_one_paragraph_under_protokollsutdrag(decided, tmp_path):
    path = export_extract(decided, DAY, 90, path=tmp_path / "utdrag.docx")
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "PROTOKOLLSUTDRAG"
    assert [h.text for h in _headings(document, 1)] == [
        "§ 90 Yttrande över motion- Halvera matsvinnet till 2025 (V), KS/2019:161"
    ]
    assert "Utdragsbestyrkande" in texts and texts[-1] == "Kerstin Frimodig"


def test_footers_reach_a_templates_first_and_even_pages(decided, tmp_path):
    template = docx.Document()
    template.sections[0].different_first_page_header_footer = True
    template.settings.odd_and_even_pages_header_footer = True
    template.sections[0].first_page_footer.paragraphs[0].text = "Botkyrka kommun, första sidan"
    template.save(str(tmp_path / "mall.docx"))
    document = docx.Document(str(_export(decided, tmp_path, template=tmp_path / "mall.docx")))
    section = document.sections[0]
    for footer in (section.footer, section.first_page_footer, section.even_page_footer):
        cells = [c.text for t in footer.tables for c in t.rows[0].cells]
        assert cells == ["Justerandes sign", "Utdragsbestyrkande"]
    assert section.first_page_footer.paragraphs[0].text == "Botkyrka kommun, första sidan"


def test_broken_template_is_a_swedish_error_and_writes_nothing(decided, tmp_path):
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(b"PK\x03\x04 inte ett riktigt dokument")
    with pytest.raises(InvalidInput, match=r"Mallen .* kunde inte läsas"):
        _export(decided, tmp_path, template=broken)
    assert not (tmp_path / "protokoll.docx").exists()


@pytest.mark.usefixtures("demo_workspace")
def test_cli_exports_to_protocols_folder(workspace, capsys):
    ws = ["--workspace", str(workspace.root)]
    assert main([*ws, "export", "protokoll", DAY, "--format", "docx"]) == 1
    assert "har inget protokoll ännu" in capsys.readouterr().err


def test_libreoffice_converts_the_protokoll(decided, tmp_path):
    convert_to_pdf(_export(decided, tmp_path), tmp_path)


def test_delegation_counts_in_the_protokoll_but_never_a_row(decided, tmp_path):
    from tests.renderers.test_kallelse_delegation import _with_lists

    path = _export(_with_lists(decided), tmp_path)
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "Beslut LSS SFB, 2019-08 (77 beslut)" in texts
    assert "D2 Attesträtt, lokalstrateg, von/2019:29:17" in texts
    package = package_text(path)
    for personal in ("Silfver, Tomas", "Vergara Robello", "Ej bostadsrelaterad"):
        assert personal not in package


def test_pdfa_for_publication_and_the_archive(decided, workspace, capsys):
    require_libreoffice()
    ws = ["--workspace", str(workspace.root)]
    assert main([*ws, "export", "protokoll", DAY, "--format", "pdf", "--public"]) == 0
    pdf = workspace.protocols / "2019-09-19-von-offentlig.pdf"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"pdfaid:part>2<" in data
    require_pdfa(pdf, language="sv")
    assert main([*ws, "export", "protokoll", DAY, "--format", "pdf"]) == 0
    require_pdfa(workspace.protocols / "2019-09-19-von.pdf", language="sv")  # the archive's
    assert main([*ws, "export", "kallelse", DAY, "--format", "pdf"]) == 0
    require_pdfa(workspace.agendas / "2019-09-19-von.pdf", language="sv")


def test_dispatch_writes_each_utdrag_and_the_list(decided, workspace, capsys):
    ws = ["--workspace", str(workspace.root)]
    assert main([*ws, "export", "expediering", DAY]) == 0
    out = capsys.readouterr().out
    assert "Kommunstyrelsen: § 90" in out and "Skrev 3 utdrag" in out
    folder = workspace.protocols
    listing = docx.Document(str(folder / "2019-09-19-von-expediering.docx"))
    rows = [[c.text for c in row.cells] for row in listing.tables[0].rows]
    assert rows[0] == ["Mottagare", "Paragrafer", "Utdrag"]
    assert ["Kommunstyrelsen", "§ 90", "2019-09-19-von-utdrag-90.docx"] in rows
    for number in (87, 90, 91):
        extract = docx.Document(str(folder / f"2019-09-19-von-utdrag-{number}.docx"))
        assert extract.paragraphs[0].text == "PROTOKOLLSUTDRAG"
        assert any(p.text.startswith(f"§ {number} ") for p in extract.paragraphs)


def test_a_beslut_enligt_forslaget_holds_the_forslag_in_protokoll_and_utdrag(decided, tmp_path):
    """§ 87's uppdrag (an åtgärdsplan by december 2019) stands in the protokoll itself."""
    protokoll = docx.Document(str(_export(decided, tmp_path)))
    utdrag = docx.Document(str(export_extract(decided, DAY, 87, path=tmp_path / "u.docx")))
    for document in (protokoll, utdrag):
        texts = [p.text for p in document.paragraphs]
        start = texts.index(
            "§ 87 Återrapportering nämnduppdrag- genomlysning av boendestödet i Botkyrka"
        )
        beslut = texts[texts.index("Beslut", start) + 1 : texts.index("Beslut", start) + 4]
        assert "ta fram en åtgärdsplan" in beslut[1]
        assert beslut[2].startswith("Åtgärdsplanen och beskrivningen ska återrapporteras")
        assert "beslutar enligt förslaget" not in "\n".join(texts[start : start + 8])
    texts = [p.text for p in protokoll.paragraphs]
    # § 90 has a beslut of its own; § 86's ärende has no förslag yet: both kept as minuted.
    assert (
        "Vård- och omsorgsnämnden föreslår kommunfullmäktige att se motionen som besvarad." in texts
    )
    assert "Vård- och omsorgsnämnden beslutar enligt förslaget." in texts


def test_the_expanded_beslut_is_written_into_the_markdown_file_and_round_trips(decided):
    from namnd.formats.protocol_markdown import dump_protocol, parse_protocol

    text = export_protocol(decided, DAY, fmt="md", path=None)
    assert "3. Åtgärdsplanen och beskrivningen ska återrapporteras" in text
    assert "ta fram en åtgärdsplan" in text
    assert dump_protocol(parse_protocol(text)) == text


def test_the_vote_result_is_printed_once(decided, tmp_path):
    texts = [p.text for p in docx.Document(str(_export(decided, tmp_path))).paragraphs]
    result = [t for t in texts if t.startswith("Omröstningen utfaller med")]
    assert len(result) == 1
    assert not any(t.startswith("Voteringsproposition:") for t in texts)


def test_every_page_names_organ_kind_and_date_and_the_properties_name_namnd(decided, tmp_path):
    import zipfile

    path = _export(decided, tmp_path)
    document = docx.Document(str(path))
    header = document.sections[0].header.paragraphs[0]
    assert header.text.startswith("Vård- och omsorgsnämnden · Protokoll · 2019-09-19\t")
    assert 'w:instr=" PAGE "' in header._p.xml
    created = document.core_properties.created
    assert created.year >= 2025 and document.core_properties.revision == 1
    with zipfile.ZipFile(path) as package:
        app = package.read("docProps/app.xml").decode()
    assert "<Application>namnd</Application>" in app and "Microsoft" not in app
    utdrag = docx.Document(str(export_extract(decided, DAY, 87, path=tmp_path / "u.docx")))
    assert (
        utdrag.sections[0]
        .header.paragraphs[0]
        .text.startswith("Vård- och omsorgsnämnden · Protokollsutdrag § 87 · 2019-09-19\t")
    )


def test_table_rows_never_split_and_columns_fit_their_content(decided, tmp_path):
    from docx.oxml.ns import qn

    document = docx.Document(str(_export(decided, tmp_path)))
    (vote,) = [t for t in document.tables if t.rows[0].cells[0].text == "Ledamot"]
    for table in document.tables:
        assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in table._tbl.tr_lst)
    widths = [col.w for col in vote._tbl.tblGrid.gridCol_lst]
    assert widths[0] > 2 * widths[1], "names wide, the X columns narrow"
    assert vote.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_justeringens_plats_och_tid_gives_the_time(decided, tmp_path):
    document = docx.Document(str(_export(decided, tmp_path)))
    cells = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    assert [
        "Justeringens plats och tid",
        "Vård- och omsorgsförvaltningen, Tumba, torsdag 26 september 2019 kl. 10.00",
    ] in cells
