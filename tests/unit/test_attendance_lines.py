"""The närvaro edited as printed lines reads back to the same people."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namnd.errors import InvalidInput
from namnd.formats.attendance_lines import boxes, parse_boxes, parse_line
from tests.protocol_sample import sample_protocol


def test_the_sample_round_trips_through_the_three_boxes():
    protocol = sample_protocol()
    assert tuple(parse_boxes(boxes(protocol))) == protocol.attendees


def test_a_serving_substitute_line():
    person = parse_line("Anna Berg (M) för Per Ek (M), §§ 14–20", "deciding")
    assert (person.name, person.party, person.replaces) == ("Anna Berg", "M", "Per Ek")
    assert person.paragraphs.text == "§§ 14–20"


def test_errors_name_the_box_and_line():
    with pytest.raises(InvalidInput, match=r"Ersättare .*, rad 2: Bara en tjänstgörande"):
        parse_boxes({"substitutes": "Fredrik Olsson (S)\nAnna Berg (M) för Per Ek (M)"})
    with pytest.raises(InvalidInput, match=r"Beslutande, rad 1: Paragrafintervallet .* slutar"):
        parse_boxes({"deciding": "Per Ek (M), §§ 20–14"})


_name = st.from_regex(r"[A-ZÅÄÖ][a-zåäö]{1,8} [A-ZÅÄÖ][a-zåäö]{1,8}", fullmatch=True)
_party = st.sampled_from(["S", "M", "SD", "V", "C", "KD", "L", "MP", ""])


@given(_name, _party, st.sampled_from(["", "ordförande", "nämndsekreterare"]), st.integers(1, 200))
def test_any_printed_line_reads_back(name, party, function, first):
    protocol = sample_protocol()
    person = dataclasses.replace(protocol.attendees[0], name=name, party=party, function=function)
    protocol = dataclasses.replace(protocol, attendees=(person,))
    assert parse_boxes(boxes(protocol)) == [person]


@given(st.text(max_size=40))
def test_any_text_is_read_or_refused_in_swedish(text):
    try:
        parse_boxes({"others": text})
    except InvalidInput:
        pass
