from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namnd.domain.diarienummer import Diarienummer, normalise
from namnd.errors import InvalidInput

prefixes = st.from_regex(r"[A-Za-zåäöÅÄÖ][A-Za-z0-9åäöÅÄÖ\-]{0,9}", fullmatch=True)
numbers = st.integers(min_value=1, max_value=999_999)
subs = st.none() | numbers


@given(prefixes, st.integers(1900, 2199), numbers, subs)
def test_str_and_parse_round_trip(prefix, year, number, sub):
    dnr = Diarienummer(prefix, year, number, sub)
    assert Diarienummer.parse(str(dnr)) == dnr


@given(prefixes, st.integers(1900, 2199), numbers, subs, st.sampled_from(["", " ", "  "]))
def test_spaces_around_separators_are_forgiven(prefix, year, number, sub, pad):
    text = f"{pad}{prefix}{pad}/{pad}{year}{pad}:{pad}{number}"
    if sub is not None:
        text += f"{pad}:{pad}{sub}"
    assert Diarienummer.parse(text) == Diarienummer(prefix, year, number, sub)


@given(st.text(max_size=30))
def test_anything_else_is_a_swedish_error_or_a_valid_number(text):
    try:
        dnr = Diarienummer.parse(text)
    except InvalidInput as err:
        assert "diarienummer" in str(err)
    else:
        assert Diarienummer.parse(str(dnr)) == dnr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("von/2019:76", Diarienummer("von", 2019, 76)),
        ("von/2019:29:17", Diarienummer("von", 2019, 29, 17)),
        ("KS/2019:161", Diarienummer("KS", 2019, 161)),
        (" von / 2018 : 225 ", Diarienummer("von", 2018, 225)),
    ],
)
def test_seed_numbers(text, expected):
    assert Diarienummer.parse(text) == expected


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "von",
        "von/19:5",
        "von-2019-76",
        "/2019:76",
        "von/2019:",
        "von/2019:0",
        "von/2019:7a",
        "von/1800:1",
        "von/2019:29:0",
        "2019:76",
    ],
)
def test_malformed_numbers_are_rejected_in_swedish(bad):
    with pytest.raises(InvalidInput, match="Ogiltigt diarienummer"):
        Diarienummer.parse(bad)


def test_sub_numbered_decision_knows_its_parent():
    assert str(Diarienummer.parse("von/2019:29:17").parent) == "von/2019:29"


def test_normalise_spells_canonically():
    assert normalise(" von /2019: 5") == "von/2019:5"
