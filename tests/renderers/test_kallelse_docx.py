"""The Word kallelse of the demo meeting: structure, language, template, public version."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from sqlmodel import select

from namnd.cli.main import main
from namnd.domain.changes import ArendeChanges
from namnd.domain.models import Arende, Attachment
from namnd.errors import InvalidInput
from namnd.operations.kallelse_export import export_kallelse
from namnd.rules.publication import NOT_FOR_PUBLICATION, SECRET_PLACEHOLDER
from tests.renderers.docx_helpers import convert_to_pdf, package_text
from tests.storage.test_demo import SEED_AGENDA


def _export(store, tmp_path, **kwargs) -> Path:
    return export_kallelse(
        store, "2019-09-19", fmt="docx", path=tmp_path / "kallelse.docx", **kwargs
    )


def test_ten_items_in_order_under_heading_styles(demo_store, tmp_path):
    doc = docx.Document(str(_export(demo_store, tmp_path)))
    item_headings = [
        p.text for p in doc.paragraphs if p.style.name == "Heading 1" and p.text[:1].isdigit()
    ]
    expected = [
        f"{n}. {title}" + (f" ({dnr})" if dnr else "")
        for n, (title, dnr, _) in enumerate(SEED_AGENDA, start=1)
    ]
    assert item_headings == expected
    first_page = [p.text for p in doc.paragraphs[:25]]
    assert "Tid\ttorsdag 19 september 2019, kl 18:30" in first_page
    assert "Plats\tAlytus" in first_page
    assert any(t.startswith("S, KD, MP, C och L: Träffas i sammanträdessalen") for t in first_page)


def test_language_and_properties(demo_store, tmp_path):
    path = _export(demo_store, tmp_path)
    doc = docx.Document(str(path))
    assert (
        doc.core_properties.title == "Kallelse Vård- och omsorgsnämnden torsdag 19 september 2019"
    )
    assert doc.core_properties.author == "Kerstin Frimodig"
    assert doc.core_properties.language == "sv-SE"
    assert 'w:lang w:val="sv-SE"' in package_text(path)


def test_default_page_is_a4_numbered_the_swedish_way(demo_store, tmp_path):
    path = _export(demo_store, tmp_path)
    section = docx.Document(str(path)).sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    assert section.left_margin.mm == pytest.approx(25, abs=0.1)
    header = section.header.paragraphs[0]._p.xml
    assert header.index('w:instr=" PAGE "') < header.index(" (") < header.index(" NUMPAGES ")


def test_demo_kallelse_says_it_is_not_for_publication(demo_store, tmp_path):
    doc = docx.Document(str(_export(demo_store, tmp_path)))
    assert doc.sections[0].footer.paragraphs[-1].text == NOT_FOR_PUBLICATION


def _add_secrets(store) -> tuple[str, str]:
    secret_item, secret_bilaga = "Individärende Karl Hemligsson", "Utredning om Eva Hemlig"
    with store.session() as session:
        motion = session.exec(select(Arende).where(Arende.dnr == "von/2019:76")).one()
        motion.confidential = True
        motion.summary_md = secret_item
        boendestod = session.exec(select(Arende).where(Arende.dnr == "von/2018:225")).one()
        session.add(
            Attachment(arende_id=boendestod.id, position=9, title=secret_bilaga, confidential=True)
        )
    return secret_item, secret_bilaga


def test_public_version_holds_no_sekretess_text_anywhere(demo_store, tmp_path):
    secret_item, secret_bilaga = _add_secrets(demo_store)
    path = _export(demo_store, tmp_path, public=True)
    package = package_text(path)
    # Sekretess text of the ärende, bilagor (incl. the delegationsbeslut lists) and body.
    for secret in (
        secret_item,
        secret_bilaga,
        "Beslut LSS SFB, augusti 2019",
        "Sammanställning ej verkställda",
        "Kostpolicy för Botkyrka",  # body of the now-secret motion yttrande
    ):
        assert secret not in package
    assert SECRET_PLACEHOLDER in package
    assert NOT_FOR_PUBLICATION not in package
    doc = docx.Document(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert (
        "6. Yttrande över motion- Halvera matsvinnet till 2025 (V), KS/2019:161 (von/2019:76)"
        in (headings)
    )
    # ...while the internal version still has everything.
    internal = package_text(_export(demo_store, tmp_path / "intern"))
    assert secret_bilaga in internal and "Kostpolicy för Botkyrka" in internal


def _template(tmp_path: Path) -> Path:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Botkyrka kommun – sidhuvud med logga"
    document.styles.add_style("Kommunstil", 1)
    document.add_paragraph("Exempeltext i mallen som ska bort")
    path = tmp_path / "mall.docx"
    document.save(str(path))
    return path


def test_template_keeps_header_and_styles_and_drops_sample_text(demo_store, tmp_path):
    path = _export(demo_store, tmp_path, template=_template(tmp_path))
    doc = docx.Document(str(path))
    assert doc.sections[0].header.paragraphs[0].text == "Botkyrka kommun – sidhuvud med logga"
    assert "NUMPAGES" not in package_text(path), "the municipality's header is left as it is"
    assert "Kommunstil" in [s.name for s in doc.styles]
    assert all("Exempeltext" not in p.text for p in doc.paragraphs)


def test_broken_template_is_a_swedish_error_and_writes_nothing(demo_store, tmp_path):
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(b"PK\x03\x04 inte ett riktigt dokument")
    with pytest.raises(InvalidInput, match=r"Mallen .* kunde inte läsas"):
        _export(demo_store, tmp_path, template=broken)
    assert not (tmp_path / "kallelse.docx").exists()


@pytest.mark.usefixtures("demo_workspace")
def test_cli_export_docx_default_path_and_error(workspace, capsys):
    ws = ["--workspace", str(workspace.root)]
    assert main([*ws, "export", "kallelse", "2019-09-19", "--format", "docx"]) == 0
    assert (workspace.agendas / "2019-09-19-von.docx").is_file()
    capsys.readouterr()
    assert main([*ws, "export", "kallelse", "2019-09-19", "--format", "docx", "--template",
                 "finns-inte.docx"]) == 1  # fmt: skip
    assert "Mallen finns-inte.docx finns inte." in capsys.readouterr().err


def test_libreoffice_converts_the_kallelse(demo_store, tmp_path):
    convert_to_pdf(_export(demo_store, tmp_path), tmp_path)


def test_anmalda_handlingar_as_a_table_and_a_secret_one_never_published(demo_store, tmp_path):
    from namnd.domain.models import AnnouncedDocument

    item9 = (
        demo_store.agendas.agenda(demo_store.schedule.find_meeting("2019-09-19").id)
        .entries[8]
        .arende_id
    )
    arende, _ = demo_store.agendas.arende(item9)
    secret = AnnouncedDocument(
        arende_id=item9, position=0, title="Lex Maria-anmälan om vårdskada", source="IVO",
        dnr="von/2019:29:18", confidential=True,
    )  # fmt: skip
    demo_store.agendas.save_arende(
        item9, arende.version, ArendeChanges(), by="test",
        announcements=[*demo_store.agendas.announcements(item9), secret],
    )  # fmt: skip
    doc = docx.Document(str(_export(demo_store, tmp_path / "intern")))
    (table,) = [t for t in doc.tables if t.rows[0].cells[0].text == "Handling"]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Handling", "Dnr", "Från"]
    assert rows[2][1:] == ["von/2019:4", "Myndighet"]
    assert rows[-1] == ["Lex Maria-anmälan om vårdskada (sekretess)", "von/2019:29:18", "IVO"]
    public = package_text(_export(demo_store, tmp_path / "offentlig", public=True))
    assert "Lex Maria-anmälan" not in public and "von/2019:29:18" not in public
    assert "Protokoll förvaltningssamverkan" in public


def test_changes_after_utskick_are_listed_with_only_what_changed(demo_store, tmp_path):
    item1 = (
        demo_store.agendas.agenda(demo_store.schedule.find_meeting("2019-09-19").id)
        .entries[0]
        .arende_id
    )
    arende, attachments = demo_store.agendas.arende(item1)
    changes = ArendeChanges(
        title=arende.title, dnr=arende.dnr, proposal=arende.proposal, summary_md="Ny text."
    )
    demo_store.agendas.save_arende(
        item1, arende.version, changes, by="test", attachments=attachments
    )
    doc = docx.Document(str(_export(demo_store, tmp_path)))
    texts = [p.text for p in doc.paragraphs]
    assert "Tillägg och ändringar efter utskick" in texts
    assert "Ändring efter utskick: Information från förvaltningen – Ändrat: sammanfattning" in texts
