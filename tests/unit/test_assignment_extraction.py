"""Nämnduppdrag read from att-satser: the seed's items 3, 4 and 5, and the usual wordings."""

from __future__ import annotations

import datetime as dt

from namnd.domain.kinds import DueKind
from namnd.rules.assignment_extraction import extract_assignments

GIVEN = dt.date(2019, 9, 19)
VOF = "vård- och omsorgsförvaltningen"

# Seed item 3 (von/2018:225), the kallelse's Förslag till beslut.
ITEM_3 = [
    "Vård- och omsorgsnämnden har tagit del av rapporten ”Genomlysning boendestöd Botkyrka "
    "kommun”.",
    "Vård- och omsorgsnämnden uppdrar åt vård- och omsorgsförvaltningen att utifrån "
    "rekommendationerna i ”Genomlysning- boendestöd Botkyrka kommun” ta fram en åtgärdsplan "
    "för boendestödet samt en beskrivning på hur man beaktar barnperspektivet i boendestödet.",
    "Åtgärdsplanen och beskrivningen ska återrapporteras till nämnden senast december 2019.",
]
# Seed item 4 (von/2018:234); the second att-sats has no full stop in the seed.
ITEM_4 = [
    "Vård- och omsorgsnämnden har tagit del av rapporten ”Genomlysning Myndighet Botkyrka kommun”.",
    "Vård- och omsorgsnämnden uppdrar åt vård- och omsorgsförvaltningen att utifrån "
    "rekommendationerna i ”Genomlysning- Myndighet Botkyrka kommun” ta fram en åtgärdsplan "
    "för Myndighet",
    "Åtgärdsplanen ska återrapporteras till nämnden senast december 2019.",
]
# Seed item 5 (von/2019:126): the date is only in the tjänsteskrivelse.
ITEM_5 = [
    "Vård- och omsorgsnämnden beslutar att vård- och omsorgsförvaltningen rekvirerar utlysta "
    "stimulansmedel för 2019.",
    "Vård- och omsorgsnämnden uppdrar åt omsorgschef att rekvirera och återrapportera "
    "stimulansmedlen till Socialstyrelsen.",
]
ITEM_5_MEMO = (
    "Medlen som rekvireras föreslås att användas för att höja den generella kvaliteten i "
    "äldreomsorgen. Vad kommunen har valt att använda medlen till ska redovisas till "
    "Socialstyrelsen senast den 28 februari 2020."
)


def test_item_3_uppdrag_joined_with_its_report_back():
    (found,) = extract_assignments(ITEM_3, given_on=GIVEN)
    assert found.assignee == VOF
    assert found.text.startswith("Utifrån rekommendationerna")
    assert "ta fram en åtgärdsplan för boendestödet" in found.text
    assert found.report_to == "nämnden"
    assert (found.due.date, found.due.kind) == (dt.date(2019, 12, 31), DueKind.MEETING_IN_MONTH)
    assert found.due.matched == "december 2019" and not found.due.meeting_planned
    assert found.clauses == (1, 2) and found.notes == ()


def test_item_3_due_is_the_december_meeting_once_planned():
    (found,) = extract_assignments(ITEM_3, given_on=GIVEN, meetings=[dt.date(2019, 12, 12)])
    assert found.due.date == dt.date(2019, 12, 12) and found.due.meeting_planned


def test_item_4_without_full_stop():
    (found,) = extract_assignments(ITEM_4, given_on=GIVEN)
    assert found.text.endswith("ta fram en åtgärdsplan för Myndighet")
    assert (found.assignee, found.report_to) == (VOF, "nämnden")
    assert found.due.date == dt.date(2019, 12, 31)


def test_item_5_reports_to_socialstyrelsen_with_the_memos_date():
    (found,) = extract_assignments(ITEM_5, given_on=GIVEN, supporting_text=ITEM_5_MEMO)
    assert found.assignee == "omsorgschef"
    assert found.report_to == "Socialstyrelsen"
    assert found.text == "Rekvirera och återrapportera stimulansmedlen till Socialstyrelsen"
    assert (found.due.date, found.due.kind) == (dt.date(2020, 2, 28), DueKind.EXACT_DATE)
    assert found.clauses == (1,)
    assert "tjänsteskrivelsen" in found.notes[0] and "28 februari 2020" in found.notes[0]


def test_item_5_without_the_memo_is_flagged_not_guessed():
    (found,) = extract_assignments(ITEM_5, given_on=GIVEN)
    assert found.due.date is None and "Ingen tidpunkt" in found.due.reason


def test_the_memo_must_name_the_same_recipient():
    memo = "Resultatet ska redovisas till kommunstyrelsen senast den 1 mars 2020."
    (found,) = extract_assignments(ITEM_5, given_on=GIVEN, supporting_text=memo)
    assert found.due.date is None


def test_other_wordings():
    clauses = [
        "1. Nämnden ger förvaltningen i uppdrag att utreda hemtjänstens taxor.",
        "2. Socialchefen får i uppdrag att se över delegationsordningen och redovisa till "
        "nämnden under våren 2020.",
        "3. Nämnden ger förvaltningen uppdraget att ta fram en plan, att återrapporteras snarast.",
    ]
    first, second, third = extract_assignments(clauses, given_on=GIVEN)
    assert (first.assignee, first.text) == ("förvaltningen", "Utreda hemtjänstens taxor")
    assert first.due.date is None and "nämnden antas" in first.notes[0]
    assert second.assignee == "Socialchefen" and second.report_to == "nämnden"
    assert second.due.date == dt.date(2020, 6, 30)
    assert third.due.date is None and "snarast" in third.due.reason


def test_a_report_back_att_sats_alone_is_an_uppdrag_of_the_forvaltning():
    (found,) = extract_assignments(
        ["Resultatet av översynen ska återrapporteras till nämnden i mars 2020."],
        default_assignee=VOF,
    )
    assert found.assignee == VOF and found.text.startswith("Resultatet av översynen")
    assert found.due.date == dt.date(2020, 3, 31) and found.notes


def test_decisions_without_uppdrag_give_nothing():
    clauses = [
        "Vård- och omsorgsnämnden noterar till protokollet att de tagit del av informationen.",
        "Vård- och omsorgsnämnden föreslår kommunfullmäktige att se motionen som besvarad.",
        ITEM_5[0],
    ]
    assert extract_assignments(clauses) == []


def test_the_demo_agenda_file_gives_the_seeds_three_uppdrag():
    from namnd.formats.agenda_markdown import parse_agenda
    from namnd.formats.text_files import read_text
    from namnd.operations.demo import DEMO_AGENDA, demo_dir

    doc = parse_agenda(read_text(demo_dir() / DEMO_AGENDA))
    found = {
        entry.arende.dnr: extract_assignments(
            entry.arende.proposal,
            given_on=GIVEN,
            supporting_text=entry.arende.body_md,
        )
        for entry in doc.entries
    }
    assert [len(found[d]) for d in ("von/2018:225", "von/2018:234", "von/2019:126")] == [1, 1, 1]
    assert sum(len(v) for v in found.values()) == 3
    assert found["von/2019:126"][0].due.date == dt.date(2020, 2, 28)
