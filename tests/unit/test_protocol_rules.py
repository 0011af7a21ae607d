"""Who serves at a §, beslutsförhet, omröstning totals and ties, and the minuted sentences."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namnd.domain.kinds import AttendeeKind, VoteChoice, YrkandeKind
from namnd.domain.protocol import (
    Attendee,
    Ballot,
    ParagraphRange,
    Protocol,
    ProtocolParagraph,
    Vote,
    Yrkande,
)
from namnd.errors import InvalidInput
from namnd.rules import protocol_rules, protocol_text
from tests.protocol_sample import sample_protocol

YES, NO, ABSTAIN = VoteChoice.YES, VoteChoice.NO, VoteChoice.ABSTAIN
DAY = dt.date(2019, 9, 19)


def _names(people):
    return [a.name for a in people]


def _with_paragraph(protocol: Protocol, number: int, **changes) -> Protocol:
    paragraphs = tuple(
        dataclasses.replace(p, **changes) if p.number == number else p for p in protocol.paragraphs
    )
    return dataclasses.replace(protocol, paragraphs=paragraphs)


def test_a_substitute_serves_for_the_named_member_only_over_the_range():
    base = Protocol(
        "Nämnden",
        "n",
        DAY,
        attendees=(
            Attendee("Per Ek", "M"),
            Attendee("Eva Ek", "S"),
            Attendee(
                "Anna Berg",
                "M",
                AttendeeKind.SUBSTITUTE,
                replaces="Per Ek",
                paragraphs=ParagraphRange(14, 20),
            ),
        ),
        paragraphs=tuple(ProtocolParagraph(n, f"Ärende {n}") for n in range(12, 23)),
    )
    assert _names(protocol_rules.serving(base, 13)) == ["Per Ek", "Eva Ek"]
    assert _names(protocol_rules.serving(base, 14)) == ["Eva Ek", "Anna Berg"]
    assert _names(protocol_rules.serving(base, 20)) == ["Eva Ek", "Anna Berg"]
    assert _names(protocol_rules.serving(base, 21)) == ["Per Ek", "Eva Ek"]
    line = protocol_text.attendance_line(base, base.attendees[2])
    assert line == "Anna Berg (M) för Per Ek (M), §§ 14–20"


def test_a_recused_member_does_not_serve_in_that_paragraph():
    protocol = sample_protocol()
    assert "Jonas Berg" not in _names(protocol_rules.serving(protocol, 88))
    assert "Jonas Berg" in _names(protocol_rules.serving(protocol, 89))


def test_quorum_needs_more_than_half_of_the_seats():
    protocol = sample_protocol()
    assert protocol_rules.quorum_warning(protocol, 90, 13) is None  # 13 serving
    assert protocol_rules.quorum_warning(protocol, 90, 26) is not None  # exactly half
    assert "inte beslutsför" in protocol_rules.quorum_warning(protocol, 90, 26)
    assert protocol_rules.quorum_warning(protocol, 90, 25) is None


@pytest.mark.parametrize(
    ("others", "chair", "expected"),
    [
        ([YES, NO], YES, YES),
        ([NO, NO], YES, NO),
        ([NO], YES, YES),  # 1–1: the ordförande's vote decides
        ([YES], NO, NO),
        ([YES, NO], ABSTAIN, None),  # 1–1 and the ordförande abstained: undecided
    ],
)
def test_outcome_and_the_chairs_casting_vote(others, chair, expected):
    ballots = [Ballot(f"Ledamot {i}", c) for i, c in enumerate(others)] + [Ballot("Ordf", chair)]
    assert protocol_rules.outcome(Vote("A", "B", tuple(ballots)), "Ordf") is expected


def test_totals_of_the_sample_vote():
    vote = sample_protocol().paragraph(90).vote
    assert protocol_rules.totals(vote) == protocol_rules.VoteTotals(12, 1, 0)


def test_a_vote_by_someone_not_serving_and_a_missing_vote_are_problems():
    protocol = sample_protocol()
    vote = protocol.paragraph(90).vote
    ballots = (*vote.ballots[1:], Ballot("Fredrik Olsson", YES))
    broken = _with_paragraph(protocol, 90, vote=dataclasses.replace(vote, ballots=ballots))
    messages = [p.message for p in protocol_rules.problems(broken)]
    assert "§ 90: Fredrik Olsson röstar men tjänstgör inte i paragrafen." in messages
    assert "§ 90: Röst saknas för Tuva Lund (alla tjänstgörande ska räknas)." in messages


def test_a_reservation_by_someone_who_did_not_take_part_is_a_problem():
    protocol = sample_protocol()
    p88 = protocol.paragraph(88)
    broken = _with_paragraph(
        protocol,
        88,
        reservations=(dataclasses.replace(protocol.paragraph(90).reservations[0], by=p88.recused),),
    )
    assert [p.message for p in protocol_rules.problems(broken)] == [
        "§ 88: Jonas Berg reserverar sig men deltog inte i beslutet."
    ]


def test_paragraphs_must_run_consecutively():
    protocol = sample_protocol()
    gap = dataclasses.replace(
        protocol, paragraphs=protocol.paragraphs[:3] + protocol.paragraphs[4:]
    )
    assert protocol_rules.problems(gap)[0].message.startswith("§ 86 följer på § 84")


def test_the_sample_breaks_no_rule():
    assert protocol_rules.problems(sample_protocol()) == []


def test_the_minuted_sentences():
    protocol = sample_protocol()
    p90 = protocol.paragraph(90)
    assert (
        protocol_text.yrkande_sentence(protocol, p90.yrkanden[1])
        == "Omar Haddad (V) yrkar bifall till motionen."
    )
    assert (
        protocol_text.yrkande_sentence(
            protocol, Yrkande(("Per Ek", "Anna Berg"), YrkandeKind.REFERRAL)
        )
        == "Per Ek (M) och Anna Berg (M) yrkar att ärendet återremitteras."
    )
    process = protocol_text.decision_process(protocol, p90)
    assert (
        "Ordföranden ställer proposition på bifall till förslaget till beslut och bifall "
        "till motionen" in process
    )
    assert "Omröstningen utfaller med 12 ja-röster mot 1 nej-röst; 0 avstår." in process
    assert process.endswith("Nämnden har därmed beslutat enligt förslaget till beslut.")
    assert protocol_text.genitive("Per Ek (M)") == "Per Eks (M)"
    assert protocol_text.genitive("Lars Dahlgren (SD)") == "Lars Dahlgrens (SD)"
    assert protocol_text.genitive("Anna Lindås (S)") == "Anna Lindås (S)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("§§ 14–20", (14, 20)), ("14-20", (14, 20)), ("§ 7", (7, 7)), (" 3 ", (3, 3))],
)
def test_paragraph_ranges_are_read_as_written(text, expected):
    span = ParagraphRange.parse(text)
    assert (span.first, span.last) == expected


@given(st.text(max_size=12))
def test_paragraph_range_parser_only_ever_says_invalid_input(text):
    try:
        span = ParagraphRange.parse(text)
    except InvalidInput:
        return
    assert ParagraphRange.parse(span.text) == span
