from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namnd.domain.agenda import AgendaDocument, AgendaEntry
from namnd.domain.kinds import ArendeKind, MeetingStatus
from namnd.domain.models import Arende, Attachment, GroupMeeting, Meeting, Organ
from namnd.formats.agenda_markdown import AgendaFormatError, dump_agenda, parse_agenda

HEAD = """---
nämnd: Vård- och omsorgsnämnden
kod: von
datum: 2019-09-19
tid: 18:30
---
"""


def parse_items(body: str):
    return parse_agenda(HEAD + body).entries


def test_minimal_file():
    doc = parse_agenda(HEAD)
    assert doc.organ.code == "von" and doc.organ.diarium_prefix == "von"
    assert doc.meeting.date == dt.date(2019, 9, 19)
    assert doc.meeting.start_time == dt.time(18, 30)
    assert doc.meeting.status is MeetingStatus.DRAFT
    assert doc.entries == []


def test_item_with_every_part():
    (entry,) = parse_items(
        """
## 1. Yttrande över motion- Halvera matsvinnet till 2025 (V)

Dnr: von/2019:76
Extern referens: KS/2019:161
Typ: yttrande
Referens: Nico Rönnberg
Datum: 2019-08-12
Sekretess: nej

### Förslag till beslut

Vård- och omsorgsnämnden föreslår kommunfullmäktige att se motionen som besvarad.

### Förvaltningens förslag till beslut

Vård- och omsorgsnämnden avstyrker motionen.

### Bilagor

- Motion [sekretess] [fil: motion.pdf]

### Expedieras till

- Kommunstyrelsen (KS/2019:161)
"""
    )
    a = entry.arende
    assert (a.dnr, a.external_ref, a.kind) == ("von/2019:76", "KS/2019:161", ArendeKind.STATEMENT)
    assert a.handlers == ["Nico Rönnberg"] and a.memo_date == dt.date(2019, 8, 12)
    assert a.proposal == [
        "Vård- och omsorgsnämnden föreslår kommunfullmäktige att se motionen som besvarad."
    ]
    assert a.administration_proposal == ["Vård- och omsorgsnämnden avstyrker motionen."]
    assert a.dispatch_to == ["Kommunstyrelsen (KS/2019:161)"]
    (att,) = entry.attachments
    assert (att.title, att.confidential, att.file, att.sent_later) == (
        "Motion",
        True,
        "motion.pdf",
        False,
    )


def test_numbered_proposal_with_continuation_lines():
    (entry,) = parse_items(
        "## 1. X\n\n### Förslag till beslut\n\n1. Första\n   fortsätter.\n2. Andra.\n"
    )
    assert entry.arende.proposal == ["Första fortsätter.", "Andra."]


def test_headings_inside_code_fences_are_text():
    (entry,) = parse_items("## 1. X\n\n### Ärendet\n\n```\n### inte en rubrik\n## 2. inte\n```\n")
    assert "### inte en rubrik" in entry.arende.body_md


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("## 2. Fel nummer\n", 7, "nummer 2, väntat 1"),
        ("## 1. X\n\nDnr: von/19:5\n", 9, "Ogiltigt diarienummer"),
        ("## 1. X\n\nTyp: motion\n", 9, "Okänt värde ”motion”"),
        ("## 1. X\n\nFärg: blå\n", 9, "okänd uppgiftsrad"),
        ("## 1. X\n\n### Beslut\n", 9, "okänd rubrik ”Beslut”"),
        ("## 1. X\n\n### Sammanfattning\n\na\n\n### Sammanfattning\n", 13, "finns redan"),
        ("## 1. X\n\nDatum: 2019-13-01\n", 9, "Ogiltigt datum"),
        ("## 1. X\n\nSvar senast: 15 sept\n", 9, "Ogiltigt datum för svar senast ”15 sept”"),
        ("Lös text\n", 7, "text före första ärendet"),
        ("## 1. X\n\n### Förslag till beslut\n\n1. a\n3. b\n", 12, "att-sats 3, väntat 2"),
        ("## 1. X\n\n### Bilagor\n\n* fel punkt\n", 11, "börja med ”- ”"),
        ("# Rubrik\n", 7, "## N. Rubrik"),
    ],
)
def test_mistakes_name_their_line(body, line, words):
    with pytest.raises(AgendaFormatError) as info:
        parse_agenda(HEAD + body)
    assert info.value.line == line
    assert words in str(info.value)
    assert str(info.value).startswith(f"rad {line}: ")


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("no front matter\n", 1, "börja med ---"),
        ("---\nkod: von\n", 1, "avslutas aldrig"),
        ("---\nkod: von\nnämnd: X\n---\n", 1, "”datum” saknas"),
        ("---\nkod: von\nnämnd: X\ndatum: 19/9\n---\n", 4, "Ogiltigt datum"),
        ("---\nkod: von\nnämnd: X\ndatum: 2019-09-19\nfärg: blå\n---\n", 5, "okänd uppgift"),
        ("---\nkod: von\nnämnd: X\ndatum: 2019-09-19\ntid: sju\n---\n", 5, "klockslag"),
        ("---\nkod: [von\n---\n", 2, "går inte att läsa"),
    ],
)
def test_front_matter_mistakes(text, line, words):
    with pytest.raises(AgendaFormatError) as info:
        parse_agenda(text)
    assert info.value.line == line and words in str(info.value)


# --- round trip ------------------------------------------------------------------------

line_text = (
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(lambda s: s and not s.startswith(("#", "-", "[")) and "]" not in s)
)
plain = line_text.filter(lambda s: ";" not in s and ":" not in s and not s[0].isdigit())
dnrs = st.builds(lambda y, n: f"von/{y}:{n}", st.integers(2000, 2030), st.integers(1, 999))
cells = plain.filter(lambda s: "|" not in s and "\\" not in s)
tables = st.lists(st.tuples(cells, cells), min_size=1, max_size=3).map(
    lambda rows: (
        "| Insats | Antal |\n| --- | --- |\n" + "\n".join(f"| {a} | {b} |" for a, b in rows)
    )
)
paragraphs = st.lists(
    plain | tables | st.just("Citat: ”§ 4 kap. 1 § SoL” och ’så’ – åäö ÅÄÖ"), min_size=1, max_size=3
).map("\n\n".join)


@st.composite
def documents(draw):
    entries = []
    for _ in range(draw(st.integers(0, 4))):
        arende = Arende(
            organ_id=0,
            title=draw(plain),
            dnr=draw(st.none() | dnrs),
            kind=draw(st.sampled_from(list(ArendeKind))),
            handlers=draw(st.lists(plain, max_size=2)),
            proposal=draw(st.lists(plain, max_size=3)),
            administration_proposal=draw(st.none() | st.lists(plain, min_size=1, max_size=2)),
            summary_md=draw(st.just("") | paragraphs),
            body_md=draw(st.just("") | paragraphs.map(lambda p: "#### Bakgrund\n\n" + p)),
            dispatch_to=draw(st.lists(plain, max_size=2)),
            sent_later=draw(st.none() | plain),
            reply_by=draw(st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31))),
            confidential=draw(st.booleans()),
        )
        attachments = [
            Attachment(arende_id=0, position=i, title=t, confidential=c, sent_later=s)
            for i, (t, c, s) in enumerate(
                draw(st.lists(st.tuples(plain, st.booleans(), st.booleans()), max_size=3)), 1
            )
        ]
        entries.append(AgendaEntry(arende=arende, attachments=attachments))
    return AgendaDocument(
        organ=Organ(code="von", name=draw(plain), diarium_prefix="von"),
        meeting=Meeting(
            organ_id=0,
            date=draw(st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31))),
            start_time=draw(
                st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0))
            ),
            place=draw(st.just("") | plain),
            status=draw(st.sampled_from(list(MeetingStatus))),
            chair_name=draw(st.just("") | line_text),
        ),
        group_meetings=[
            GroupMeeting(meeting_id=0, position=1, parties=draw(plain), place=draw(plain))
        ],
        entries=entries,
    )


@settings(max_examples=150, deadline=None)
@given(documents())
def test_dump_parse_dump_is_identical(doc):
    text = dump_agenda(doc)
    again = parse_agenda(text)
    assert dump_agenda(again) == text
    assert [e.arende.title for e in again.entries] == [e.arende.title for e in doc.entries]
    assert [e.arende.proposal for e in again.entries] == [e.arende.proposal for e in doc.entries]


# --- text that looks like the file's own structure ----------------------------------------

# Lines a user can type into a Sammanfattning, an Ärendet or a beslut that the file
# formats treat as structure (headings, fences, the front matter's ---), and their
# already-escaped spellings, mixed with ordinary Markdown and text.
STRUCTURE_LINES = (
    "## 11. Nytt ärende",
    "## § 95 Något",
    "### Omröstning",
    "### Sammanfattning",
    "# Rubrik",
    "##  två mellanslag",
    "```",
    "~~~python",
    "---",
    "\\## redan med bakstreck",
    "\\\\### två bakstreck",
    "\\```",
    "#### Bakgrund",
    "####",
    "#utan mellanslag",
    "Ja: 3",
    "- punkt",
    "1. ett",
    "2) två",
    "Dnr: von/2019:1",
    "   ## indragen",
    " ",
)
text_lines = st.sampled_from(STRUCTURE_LINES) | line_text
free_text = (
    st.lists(text_lines | st.just(""), min_size=1, max_size=8)
    .map("\n".join)
    .filter(lambda t: t.strip("\n") == t and t != "")
)
single_line = st.sampled_from(STRUCTURE_LINES).map(str.strip).filter(bool) | plain


@st.composite
def documents_with_structure_in_text(draw):
    entries = [
        AgendaEntry(
            arende=Arende(
                organ_id=0,
                title=f"Ärende {n}",
                preamble_md=draw(st.just("") | free_text),
                summary_md=draw(free_text),
                body_md=draw(st.just("") | free_text),
                proposal=draw(st.lists(single_line, min_size=1, max_size=2)),
            )
        )
        for n in range(1, draw(st.integers(1, 3)) + 1)
    ]
    justering = draw(st.just("") | free_text.map(str.strip).filter(bool))
    return AgendaDocument(
        organ=Organ(code="von", name="Vård- och omsorgsnämnden", diarium_prefix="von"),
        meeting=Meeting(organ_id=0, date=dt.date(2019, 9, 19), justering_text=justering),
        group_meetings=[],
        entries=entries,
    )


def _texts(doc: AgendaDocument) -> list[tuple]:
    return [doc.meeting.justering_text] + [
        (e.arende.preamble_md, e.arende.summary_md, e.arende.body_md, e.arende.proposal)
        for e in doc.entries
    ]


@settings(max_examples=150, deadline=None)
@given(documents_with_structure_in_text())
def test_text_that_looks_like_the_files_structure_round_trips_exactly(doc):
    text = dump_agenda(doc)
    again = parse_agenda(text)
    assert len(again.entries) == len(doc.entries)
    assert _texts(again) == _texts(doc)
    assert dump_agenda(again) == text


def test_a_summary_with_an_item_heading_stays_in_its_own_arende():
    doc = AgendaDocument(
        organ=Organ(code="von", name="Vård- och omsorgsnämnden", diarium_prefix="von"),
        meeting=Meeting(organ_id=0, date=dt.date(2019, 9, 19)),
        group_meetings=[],
        entries=[
            AgendaEntry(arende=Arende(organ_id=0, title=f"Ärende {n}", summary_md=summary))
            for n, summary in enumerate(["Text", "## 3. Inte ett ärende\n### Bilagor"], 1)
        ],
    )
    text = dump_agenda(doc)
    assert "\n\\## 3. Inte ett ärende\n\\### Bilagor\n" in text
    again = parse_agenda(text)
    summaries = [e.arende.summary_md for e in again.entries]
    assert summaries == ["Text", "## 3. Inte ett ärende\n### Bilagor"]
