"""Närvaro changes between ärenden: leaving, arriving, an ersättare stepping in."""

from __future__ import annotations

import dataclasses

import pytest

from namnd.domain.protocol import ParagraphRange
from namnd.errors import InvalidInput
from namnd.rules.attendance_changes import ARRIVES, LEAVES, STANDS_IN, change
from namnd.rules.protocol_rules import serving
from namnd.rules.protocol_text import attendance_groups, attendance_line
from tests.protocol_sample import sample_protocol


def _with(protocol, attendees):
    return dataclasses.replace(protocol, attendees=attendees)


def test_a_member_leaves_after_a_paragraph():
    protocol = sample_protocol()
    after = _with(protocol, change(protocol, "Per Ek", LEAVES, 88))
    assert after.attendee("Per Ek").paragraphs == ParagraphRange(82, 88)
    assert "Per Ek" in [a.name for a in serving(after, 88)]
    assert "Per Ek" not in [a.name for a in serving(after, 89)]


def test_an_ersattare_arrives():
    protocol = sample_protocol()
    after = _with(protocol, change(protocol, "Fredrik Olsson", ARRIVES, 86))
    line = attendance_line(after, after.attendee("Fredrik Olsson"))
    assert line == "Fredrik Olsson (S), §§ 86–94"


def test_an_ersattare_steps_in_for_a_member_who_leaves():
    protocol = sample_protocol()
    after = _with(protocol, change(protocol, "Fredrik Olsson", STANDS_IN, 89, "Erik Holm"))
    assert after.attendee("Erik Holm").paragraphs == ParagraphRange(82, 88)
    groups = dict(attendance_groups(after))
    assert "Fredrik Olsson (S) för Erik Holm (S), §§ 89–94" in groups["Beslutande"]
    assert "Fredrik Olsson (S), §§ 82–88" in groups["Ersättare"], "in the room before"
    names = [a.name for a in serving(after, 90)]
    assert "Fredrik Olsson" in names and "Erik Holm" not in names
    assert len(names) == len(serving(protocol, 90))
    assert "Fredrik Olsson" not in [a.name for a in serving(after, 88)]


def test_later_changes_find_the_line_that_covers_the_paragraph():
    protocol = sample_protocol()
    protocol = _with(protocol, change(protocol, "Fredrik Olsson", STANDS_IN, 89, "Erik Holm"))
    after = _with(protocol, change(protocol, "Fredrik Olsson", LEAVES, 92))
    lines = [attendance_line(after, a) for a in after.attendees if a.name == "Fredrik Olsson"]
    assert lines == [
        "Fredrik Olsson (S) för Erik Holm (S), §§ 89–92",
        "Fredrik Olsson (S), §§ 82–88",
    ]


def test_an_ersattare_who_arrives_to_serve_stands_once():
    protocol = sample_protocol()
    protocol = _with(protocol, change(protocol, "Fredrik Olsson", ARRIVES, 89))
    after = _with(protocol, change(protocol, "Fredrik Olsson", STANDS_IN, 89, "Erik Holm"))
    lines = [attendance_line(after, a) for a in after.attendees if a.name == "Fredrik Olsson"]
    assert lines == ["Fredrik Olsson (S) för Erik Holm (S), §§ 89–94"]


def test_mistakes_are_swedish_errors():
    protocol = sample_protocol()
    with pytest.raises(InvalidInput, match="inte ersättare"):
        change(protocol, "Per Ek", STANDS_IN, 89, "Erik Holm")
    with pytest.raises(InvalidInput, match="finns inte i protokollet"):
        change(protocol, "Per Ek", LEAVES, 120)
    with pytest.raises(InvalidInput, match="finns inte i närvaron"):
        change(protocol, "Ingen Alls", LEAVES, 88)
