"""The kallelse as the seed's package: each ärende page followed by its tjänsteskrivelse.

Also the one escaping function: a title with Markdown characters reads literally in every
export and in the TUI's preview.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import docx
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import Session, select

from namnd.domain.changes import OrganChanges
from namnd.domain.models import Arende
from namnd.operations.kallelse_export import export_kallelse
from namnd.operations.protocol_export import export_extract, export_protocol
from namnd.renderers.item_markdown import item_markdown
from namnd.renderers.markdown_docx import parse
from namnd.renderers.markdown_text import literal
from namnd.renderers.tjansteskrivelse import tjansteskrivelse_markdown
from namnd.storage import agendas
from tests.protocol_sample import draft_protocol
from tests.renderers.docx_helpers import convert_to_pdf

DAY = "2019-09-19"
HEADER = "Vård- och omsorgsförvaltningen\nTJÄNSTESKRIVELSE"
TRICKY = "Budget *2020* _utkast_ [A] #1 <b> & `x`"


def _kallelse(store, tmp_path, **kwargs):
    path = tmp_path / "kallelse.docx"
    return docx.Document(str(export_kallelse(store, DAY, fmt="docx", path=path, **kwargs)))


def _starts_page(paragraphs, index: int) -> bool:
    before = paragraphs[index - 1]._p
    return any(br.get(qn("w:type")) == "page" for br in before.iter(qn("w:br")))


def test_each_arende_with_a_memo_has_its_tjansteskrivelse_on_a_new_page(demo_store, tmp_path):
    document = _kallelse(demo_store, tmp_path)
    paragraphs = document.paragraphs
    texts = [p.text for p in paragraphs]
    memos = [i for i, text in enumerate(texts) if text == HEADER]
    assert len(memos) == 9  # every ärende but the Delårsrapport, sent later
    assert all(_starts_page(paragraphs, i) for i in memos)
    items = [
        i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1" and p.text[:1].isdigit()
    ]
    assert all(_starts_page(paragraphs, i) for i in items[1:])
    third = memos[1]  # ärende 3: the boendestöd genomlysning
    block = texts[third : third + 12]
    assert block[1:5] == [
        "Datum 2019-06-24\nDnr von/2018:225",
        "Referens\nLindha Constantinou\nÅsa Dahl",
        "Mottagare\nVård- och omsorgsnämnden",
        "Nämnduppdrag-genomlysning av boendestödet i Botkyrka",
    ]
    assert paragraphs[third + 4].style.name == "Heading 2"
    following = texts[third:]
    signed = following.index("Petra Oxonius\nOmsorgsdirektör")
    assert following[signed + 1] == "Christina Almqvist\nKvalitetschef"
    assert following[signed + 2] == "Bilagor"
    # The förvaltning's own förslag is the tjänsteskrivelse's, the nämnd's the ärende page's.
    memo_proposal = following[following.index("Förslag till beslut") + 1]
    assert memo_proposal.startswith("Vård- och omsorgsnämnden har tagit del av rapporten")
    assert "Förvaltningens förslag till beslut" not in texts


def test_public_kallelse_prints_no_tjansteskrivelse_of_a_sekretess_arende(demo_store, tmp_path):
    with Session(demo_store.engine) as session:
        arende = session.exec(select(Arende).where(Arende.dnr == "von/2019:126")).one()
        arende.confidential = True
        session.add(arende)
        session.commit()
    texts = [p.text for p in _kallelse(demo_store, tmp_path, public=True).paragraphs]
    assert texts.count(HEADER) == 8
    assert "Referens\nEmma Åberg" not in texts and "Emma Åberg" not in "\n".join(texts)


def test_the_tjansteskrivelse_is_one_markdown_text_per_arende(demo_store):
    meeting = demo_store.schedule.find_meeting(DAY).id
    with Session(demo_store.engine) as session:
        doc = agendas.load_agenda(session=session, meeting_id=meeting)
    text = tjansteskrivelse_markdown(doc.organ, doc.entries[2])
    assert text.startswith("**Vård- och omsorgsförvaltningen**\\\nTJÄNSTESKRIVELSE\n\n")
    assert "## Nämnduppdrag-genomlysning av boendestödet i Botkyrka\n" in text
    assert "Petra Oxonius\\\nOmsorgsdirektör\n\nChristina Almqvist\\\nKvalitetschef" in text


def test_the_header_names_the_kommun_set_on_the_organ(demo_store):
    demo_store.organs.edit("von", OrganChanges(municipality="Botkyrka kommun"))
    meeting = demo_store.schedule.find_meeting(DAY).id
    with Session(demo_store.engine) as session:
        doc = agendas.load_agenda(session=session, meeting_id=meeting)
    text = tjansteskrivelse_markdown(doc.organ, doc.entries[2])
    assert text.startswith(
        "**Botkyrka kommun**\\\n**Vård- och omsorgsförvaltningen**\\\nTJÄNSTESKRIVELSE\n\n"
    )


def test_libreoffice_lays_out_the_tjansteskrivelse_with_the_page_header(demo_store, tmp_path):
    import pypdf

    path = export_kallelse(demo_store, DAY, fmt="docx", path=tmp_path / "k.docx")
    pages = [p.extract_text() for p in pypdf.PdfReader(convert_to_pdf(path, tmp_path)).pages]
    memo = next(p for p in pages if "Dnr von/2018:225" in p and "TJÄNSTESKRIVELSE" in p)
    assert "Vård- och omsorgsnämnden · Kallelse · 2019-09-19" in memo
    assert f"({len(pages)})" in memo


# --- one escaping function ------------------------------------------------------------


@given(st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"))))
def test_literal_text_reads_back_as_itself(text):
    text = " ".join(text.split())
    if not text:
        return
    tokens = [t for t in parse(literal(text)) if t.type == "inline"]
    assert len(tokens) == 1
    assert "".join(c.content for c in tokens[0].children if c.type == "text") == text
    assert {c.type for c in tokens[0].children} <= {"text"}


def test_a_title_with_markdown_characters_reads_literally_everywhere(demo_store, tmp_path):
    with Session(demo_store.engine) as session:
        arende = session.exec(select(Arende).where(Arende.dnr == "von/2018:225")).one()
        arende.title = arende.memo_title = TRICKY
        session.add(arende)
        session.commit()
    meeting = demo_store.schedule.find_meeting(DAY).id
    texts = [p.text for p in _kallelse(demo_store, tmp_path).paragraphs]
    assert TRICKY in texts, "the first page's list"
    assert f"3. {TRICKY} (von/2018:225)" in texts, "the ärende's heading"
    assert texts.count(TRICKY) == 2, "the list and the tjänsteskrivelse's title"

    preview = item_markdown(3, demo_store.agendas.agenda(meeting).entries[2])
    heading = next(t for t in parse(preview) if t.type == "inline")
    assert heading.content.endswith(literal(TRICKY))
    assert "".join(c.content for c in heading.children) == f"3. {TRICKY}"

    protocol = draft_protocol()
    paragraphs = tuple(
        dataclasses.replace(p, title=TRICKY) if p.number == 87 else p for p in protocol.paragraphs
    )
    demo_store.protocols.replace(meeting, dataclasses.replace(protocol, paragraphs=paragraphs))
    demo_store.protocols.justera(meeting, dt.date(2019, 9, 26), by="sekreteraren")
    for path in (
        export_protocol(demo_store, DAY, fmt="docx", path=tmp_path / "p.docx"),
        export_extract(demo_store, DAY, 87, path=tmp_path / "u.docx"),
    ):
        assert f"§ 87 {TRICKY}" in [p.text for p in docx.Document(str(path)).paragraphs]
    assert f"## § 87 {TRICKY}\n" in export_protocol(demo_store, DAY, fmt="md", path=None)
