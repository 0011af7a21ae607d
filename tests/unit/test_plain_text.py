"""Control characters: which ones, how the refusal reads, and cleaning keeps the rest."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namnd.domain.kinds import YrkandeKind
from namnd.domain.protocol import ProtocolParagraph, Yrkande
from namnd.errors import InvalidInput
from namnd.rules.plain_text import check_rows, check_text, cleaned, plain_text


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b"])
def test_control_characters_are_refused_with_their_line(char):
    with pytest.raises(InvalidInput, match=r"^Filen a\.md, rad 3: styrtecknet U\+00"):
        check_text(f"rad ett\nrad två\nrad {char}tre", name="Filen a.md")


@pytest.mark.parametrize("text", ["tab\there", "crlf\r\n", "å ä ö – ” § €", "\u00a0nbsp"])
def test_ordinary_text_passes(text):
    check_text(text, name="Filen")
    assert plain_text(text) == text


#: Controls and text of every width: Latin-1, an en dash, other spaces, astral.
_CHARS = st.one_of(
    st.characters(max_codepoint=0xFF),
    st.sampled_from("\t\n\r\x00\x1b\x7f\x85\x9f\xa0–”€\u2028\u3000\U0001f600"),
    st.characters(),
)


@given(st.text(_CHARS, max_size=40))
def test_refused_exactly_where_the_expression_finds_a_control(text):
    """The fast Latin-1 check never lets a control through nor refuses plain text."""
    control = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text)
    if control is None:
        check_text(text, name="Filen")
    else:
        line = text.count("\n", 0, control.start()) + 1
        with pytest.raises(InvalidInput, match=rf"^Filen, rad {line}: styrtecknet "):
            check_text(text, name="Filen")


def test_table_rows_are_checked_as_they_are_read():
    rows = iter([(1, ["Namn", 2019]), (2, ["Erik\x1b", None]), (3, ["aldrig läst"])])
    checked = check_rows(rows, name="Filen l.xlsx")
    assert next(checked) == (1, ["Namn", 2019])
    with pytest.raises(InvalidInput, match=r"Filen l\.xlsx, rad 2: styrtecknet U\+001B \(ESC\)"):
        next(checked)


def test_cleaning_a_paragraph_keeps_its_kinds_and_structure():
    paragraph = ProtocolParagraph(
        number=90,
        title="Bud\x1bget",
        decision_md="att\x07 bifalla",
        yrkanden=(Yrkande(("Omar\x00 Haddad",), YrkandeKind.APPROVAL, "bifall\x0b"),),
    )
    clean = cleaned(paragraph)
    assert clean.title == "Budget" and clean.decision_md == "att bifalla"
    (yrkande,) = clean.yrkanden
    assert yrkande == Yrkande(("Omar Haddad",), YrkandeKind.APPROVAL, "bifall")
    assert type(yrkande.kind) is YrkandeKind
