"""The utskott's beslut as the nämnd's förslag, and whose förslag it is called."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from namnd.rules.utskott import proposal_from_decision, proposal_preamble, proposer


def test_an_utskott_is_named_by_its_kind_in_the_genitive():
    assert proposer("Socialnämndens arbetsutskott") == "Arbetsutskottets"
    assert proposer("Socialnämndens individutskott") == "Individutskottets"
    assert proposer("Arbetsutskottet") == "Arbetsutskottets"
    assert proposer("Kommunstyrelsen") == "Kommunstyrelsens"
    assert proposer("Vård- och omsorgsnämndens presidium") == "Vård- och omsorgsnämndens presidiums"


def test_the_preamble_says_where_it_was_decided():
    assert (
        proposal_preamble("Socialnämndens arbetsutskott", dt.date(2026, 2, 26), 4)
        == "Arbetsutskottets förslag, torsdag 26 februari 2026 § 4."
    )


def test_a_lead_line_and_its_att_sats_are_one_sentence():
    decision = "Arbetsutskottet föreslår socialnämnden besluta\n\natt anta taxorna."
    assert proposal_from_decision(decision) == [
        "Arbetsutskottet föreslår socialnämnden besluta att anta taxorna."
    ]
    assert proposal_from_decision("  \n") == []


_line = (
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1)
    .map(str.strip)
    .filter(bool)
)


@given(st.lists(_line, min_size=1, max_size=6))
def test_a_numbered_beslut_keeps_its_att_satser(items):
    decision = "\n".join(f"{n}. {text}" for n, text in enumerate(items, start=1))
    assert proposal_from_decision(decision) == items


@given(st.lists(_line, min_size=1, max_size=6))
def test_unnumbered_text_is_one_att_sats_of_all_its_words(lines):
    decision = "\n\n".join(f"Text {line}" for line in lines)
    (single,) = proposal_from_decision(decision)
    assert single == " ".join(f"Text {line}" for line in lines)
