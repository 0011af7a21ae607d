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


# --- per-organ formats ----------------------------------------------------------------

from namnd.domain.diarienummer import (  # noqa: E402
    DnrFormat,
    check_format,
    external_reference,
)

TEMPLATES = [
    "{prefix}/{year}:{number}",
    "{prefix} {year}/{number}",
    "{prefix} {year}/{number:04}",
    "{prefix}.{year}.{number}",
    "{prefix}-{year}-{number:05}",
]
word_prefixes = st.from_regex(r"[A-Za-zåäöÅÄÖ][A-Za-zåäöÅÄÖ\-]{0,9}", fullmatch=True)


@pytest.mark.parametrize("template", TEMPLATES)
@given(prefix=word_prefixes, year=st.integers(1900, 2199), number=numbers, sub=subs)
def test_each_template_round_trips(template, prefix, year, number, sub):
    numbers_format = DnrFormat(template)
    dnr = Diarienummer(prefix, year, number, sub)
    printed = numbers_format.write(dnr)
    assert numbers_format.parse(printed) == dnr
    assert numbers_format.normalise(printed) == printed


@pytest.mark.parametrize(
    ("template", "typed", "canonical"),
    [
        ("{prefix} {year}/{number}", "SN 2026/142", "SN 2026/142"),
        ("{prefix} {year}/{number}", "SN  2026 / 142", "SN 2026/142"),
        ("{prefix} {year}/{number:04}", "SN 2026/0142", "SN 2026/0142"),
        ("{prefix} {year}/{number:04}", "SN 2026/142", "SN 2026/0142"),
        ("{prefix}.{year}.{number}", "SN.2026.142", "SN.2026.142"),
        ("{prefix}/{year}:{number}", "SN/2026:142", "SN/2026:142"),
        ("{prefix}/{year}:{number}", "von/2019:29:17", "von/2019:29:17"),
        ("{year}-{number}", "2026-7", "2026-7"),
    ],
)
def test_what_the_format_prints_is_read_back(template, typed, canonical):
    assert DnrFormat(template, "SN").normalise(typed) == canonical


def test_a_template_without_prefix_takes_the_organs():
    assert DnrFormat("{year}-{number}", "AU").parse("2026-7") == Diarienummer("AU", 2026, 7)


@given(prefix=word_prefixes, year=st.integers(1900, 2199), n1=numbers, n2=numbers)
def test_sorting_is_by_year_and_number(prefix, year, n1, n2):
    numbers_format = DnrFormat("{prefix} {year}/{number:04}")
    a, b = (numbers_format.parse(f"{prefix} {year}/{n}") for n in (n1, n2))
    assert (a.sort_key < b.sort_key) == (n1 < n2)
    if year < 2199:
        assert numbers_format.parse(f"{prefix} {year + 1}/1").sort_key > a.sort_key


def test_errors_quote_the_organs_own_format():
    with pytest.raises(InvalidInput) as caught:
        DnrFormat("{prefix} {year}/{number}", "SN").parse("SN/2026:142")
    assert "{prefix} {year}/{number}" in str(caught.value)
    assert "SN 2026/142" in str(caught.value)


@pytest.mark.parametrize(
    ("template", "words"),
    [
        ("{prefix}/{year}", "{number}"),
        ("{prefix}:{number}", "{year}"),
        ("{prefix}/{år}:{number}", "okänd platshållare"),
        ("{prefix}/{year}:{number}:{number}", "två gånger"),
        ("{prefix}/{year}:{number", "klammer"),
        ("", "tomt"),
    ],
)
def test_bad_templates_are_refused_in_swedish(template, words):
    with pytest.raises(InvalidInput, match=words.replace("{", r"\{").replace("}", r"\}")):
        check_format(template)


@pytest.mark.parametrize("reference", ["S2026/01234", "SOU 2026:31", "KS 2026/55", "Dnr 1.2.3-x"])
def test_external_references_are_kept_exactly(reference):
    assert external_reference(reference) == reference


@given(
    st.text(min_size=1).filter(
        lambda t: t.strip() and not any(ord(c) < 32 or 127 <= ord(c) < 160 for c in t)
    )
)
def test_any_printable_external_reference_is_kept(text):
    assert external_reference(text) == text.strip()


@pytest.mark.parametrize("bad", ["", "   ", "KS\x002026", "S2026\n/1"])
def test_empty_or_control_character_references_are_refused(bad):
    with pytest.raises(InvalidInput, match="extern"):
        external_reference(bad)
