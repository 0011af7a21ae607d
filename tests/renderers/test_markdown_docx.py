"""The shared Markdown → Word renderer, read back with python-docx."""

from __future__ import annotations

import io

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namnd.renderers.docx_document import new_document
from namnd.renderers.markdown_docx import MarkdownRenderer


def render(markdown: str, offset: int = 0):
    document = new_document()
    MarkdownRenderer(document, heading_offset=offset).render(markdown)
    buffer = io.BytesIO()
    document.save(buffer)
    return docx.Document(io.BytesIO(buffer.getvalue()))


def test_headings_use_real_heading_styles_with_offset():
    doc = render("# Bakgrund\n\ntext\n\n## Detalj", offset=2)
    assert [(p.style.name, p.text) for p in doc.paragraphs] == [
        ("Heading 3", "Bakgrund"),
        ("Normal", "text"),
        ("Heading 4", "Detalj"),
    ]


def test_emphasis_strong_and_code_become_run_formatting():
    (paragraph,) = render("Vanlig *kursiv* och **fet** och `kod`").paragraphs
    runs = {r.text: r for r in paragraph.runs}
    assert runs["kursiv"].italic and not runs["kursiv"].bold
    assert runs["fet"].bold
    assert runs["kod"].font.name == "Courier New"


def test_lists_nested_and_numbered_lists_restart():
    doc = render("1. ett\n2. två\n   - inre\n\ntext\n\n1. igen\n")
    styles = [(p.style.name, p.text) for p in doc.paragraphs]
    assert styles == [
        ("List Number", "ett"),
        ("List Number", "två"),
        ("List Bullet 2", "inre"),
        ("Normal", "text"),
        ("List Number", "igen"),
    ]
    first, again = doc.paragraphs[0], doc.paragraphs[4]
    num = lambda p: p._p.pPr.numPr.numId.val  # noqa: E731
    assert num(first) != num(again)  # the second list starts at 1 again


def test_tables_become_word_tables_with_header_row():
    doc = render("| Insats | Antal |\n| --- | --- |\n| Boendestöd | 2 |\n| Hemtjänst | 5 |\n")
    (table,) = doc.tables
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells == [["Insats", "Antal"], ["Boendestöd", "2"], ["Hemtjänst", "5"]]
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold


def test_links_are_real_hyperlinks():
    doc = render("Se [Socialstyrelsen](https://www.socialstyrelsen.se) för mer.")
    rels = [
        r.target_ref for r in doc.part.rels.values() if r.reltype == RELATIONSHIP_TYPE.HYPERLINK
    ]
    assert rels == ["https://www.socialstyrelsen.se"]
    xml = doc.paragraphs[0]._p.xml
    assert "<w:hyperlink" in xml and "Socialstyrelsen" in xml


words = st.text(
    alphabet=st.sampled_from(list("abcåäöÅÄÖ§”’–- 123")), min_size=1, max_size=12
).filter(lambda s: s.strip())


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(words, min_size=1, max_size=6), st.sampled_from(["para", "list", "table"]))
def test_any_swedish_text_renders_and_its_words_survive(texts, shape):
    if shape == "para":
        markdown = "\n\n".join(texts)
    elif shape == "list":
        markdown = "\n".join(f"- {t}" for t in texts)
    else:
        markdown = "| " + " | ".join(texts) + " |\n|" + "---|" * len(texts) + "\n"
    doc = render(markdown)
    full = " ".join(p.text for p in doc.paragraphs) + " ".join(
        c.text for t in doc.tables for row in t.rows for c in row.cells
    )
    for text in texts:
        for word in text.replace("-", " ").split():
            if word.strip("–-”’") and not word.isdigit():
                assert word.strip("-") in full or word in full
