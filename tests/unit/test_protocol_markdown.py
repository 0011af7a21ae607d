"""The protokoll file: exact round trip, and every mistake named with its line."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namnd.domain.kinds import YrkandeKind
from namnd.domain.protocol import Correction, Note, Yrkande
from namnd.errors import InvalidInput
from namnd.formats.protocol_markdown import dump_protocol, parse_protocol
from namnd.rules.attendance_changes import STANDS_IN, change
from tests.protocol_sample import sample_protocol
from tests.unit.test_agenda_markdown import STRUCTURE_LINES, free_text

DEMO_FILE = Path(__file__).resolve().parents[2] / "protocols" / "2019-09-19-von.md"


def test_the_sample_round_trips_exactly():
    protocol = sample_protocol()
    text = dump_protocol(protocol)
    assert parse_protocol(text, agenda_items=range(1, 11)) == protocol
    assert dump_protocol(parse_protocol(text)) == text


def test_an_ersattare_in_the_room_before_stepping_in_round_trips():
    protocol = sample_protocol()
    attendees = change(protocol, "Fredrik Olsson", STANDS_IN, 91, "Erik Holm")
    protocol = dataclasses.replace(protocol, attendees=attendees)
    text = dump_protocol(protocol)
    assert "- Fredrik Olsson (S), §§ 82–90" in text
    assert "- Fredrik Olsson (S) för Erik Holm (S), §§ 91–94" in text
    assert parse_protocol(text) == protocol


def test_the_demo_file_is_the_sample():
    assert DEMO_FILE.read_text(encoding="utf-8") == dump_protocol(sample_protocol())


def _line(text: str, start: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), start=1) if line.startswith(start))


def _error(text: str, **kwargs) -> str:
    with pytest.raises(InvalidInput) as caught:
        parse_protocol(text, **kwargs)
    return str(caught.value)


def test_a_vote_by_someone_not_serving_names_its_paragraph_line():
    text = dump_protocol(sample_protocol()).replace("- Anna Berg: Ja", "- Fredrik Olsson: Ja")
    message = _error(text)
    assert message.startswith(f"rad {_line(text, '## § 90')}: § 90: Fredrik Olsson röstar")


def test_totals_that_do_not_add_up_name_the_line():
    text = dump_protocol(sample_protocol()).replace("- Anna Berg: Ja\n", "")
    assert _error(text) == (
        f"rad {_line(text, '## § 90')}: § 90: Röst saknas för Anna Berg "
        "(alla tjänstgörande ska räknas)."
    )


def test_a_paragraph_for_an_arende_not_on_the_agenda():
    text = dump_protocol(sample_protocol())
    message = _error(text, agenda_items=range(1, 10))
    assert message.startswith(f"rad {_line(text, '## § 94')}: § 94 gäller ärende 10")


def test_a_bad_date_and_an_unknown_motion_kind_name_their_lines():
    text = dump_protocol(sample_protocol())
    bad_date = text.replace("justerat: 2019-09-26", "justerat: 26/9 2019")
    assert _error(bad_date).startswith(f"rad {_line(bad_date, 'justerat:')}:")
    bad_kind = text.replace("- Omar Haddad: bifall – motionen", "- Omar Haddad: jubel – motionen")
    assert _error(bad_kind).startswith(
        f"rad {_line(bad_kind, '- Omar Haddad: jubel')}: Okänt värde"
    )


def test_a_reservation_by_someone_who_did_not_take_part():
    text = dump_protocol(sample_protocol()).replace(
        "- Omar Haddad: till förmån", "- Fredrik Olsson: till förmån"
    )
    assert "Fredrik Olsson reserverar sig men deltog inte i beslutet" in _error(text)


_text = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\u0085"
        ),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(lambda t: t and not t.startswith(("-", "#", "!", "&", "*", ">", "|", "%", "@", "`")))
)


@settings(max_examples=60, deadline=None)
@given(_text, _text)
def test_free_texts_round_trip(decision, note):
    sample = sample_protocol()
    p90 = sample.paragraph(90)
    changed = dataclasses.replace(
        p90,
        decision_md=decision,
        notes=(Note(("Omar Haddad",), note.replace("\n", " ")),),
        yrkanden=(
            *p90.yrkanden,
            Yrkande(("Per Ek",), YrkandeKind.AMENDMENT, note.replace("\n", " ")),
        ),
    )
    protocol = dataclasses.replace(
        sample, paragraphs=tuple(changed if p.number == 90 else p for p in sample.paragraphs)
    )
    assert parse_protocol(dump_protocol(protocol)) == protocol


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_read_or_refused_in_swedish(text):
    try:
        parse_protocol(text)
    except InvalidInput:
        pass


# --- text that looks like the file's own structure ----------------------------------------
written_text = (
    st.lists(st.sampled_from(STRUCTURE_LINES) | _text | st.just(""), min_size=1, max_size=6)
    .map("\n".join)
    .filter(lambda t: t.strip("\n") == t and t != "")
)


@settings(max_examples=100, deadline=None)
@given(free_text, st.just("") | free_text, written_text, free_text)
def test_text_that_looks_like_the_files_structure_round_trips_exactly(
    decision, process, written, correction
):
    sample = sample_protocol()
    at = dt.datetime(2019, 9, 25, 10, 0, tzinfo=dt.UTC)
    fixed = Correction(90, correction, correction, "Kim Berg", at)
    p90 = sample.paragraph(90)
    (reservation,) = p90.reservations
    changed = dataclasses.replace(
        p90,
        decision_md=decision,
        process_md=process,
        reservations=(dataclasses.replace(reservation, written=written),),
    )
    protocol = dataclasses.replace(
        sample,
        paragraphs=tuple(changed if p.number == 90 else p for p in sample.paragraphs),
        corrections=(fixed,),
    )
    text = dump_protocol(protocol)
    again = parse_protocol(text)
    assert again == protocol
    assert dump_protocol(again) == text


def test_a_beslut_with_paragraph_and_vote_headings_stays_in_its_paragraph():
    sample = sample_protocol()
    decision = "## § 95 Inte en paragraf\n### Omröstning\nJa: 3"
    changed = dataclasses.replace(sample.paragraph(90), decision_md=decision)
    protocol = dataclasses.replace(
        sample, paragraphs=tuple(changed if p.number == 90 else p for p in sample.paragraphs)
    )
    text = dump_protocol(protocol)
    assert "\n\\## § 95 Inte en paragraf\n\\### Omröstning\nJa: 3\n" in text
    again = parse_protocol(text)
    assert len(again.paragraphs) == len(sample.paragraphs)
    assert again.paragraph(90).decision_md == decision
