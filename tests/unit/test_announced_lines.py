"""Anmälda handlingar as lines: title | dnr | källa [sekretess], in the file and the editor."""

from __future__ import annotations

import pytest

from namnd.domain.diarienummer import DnrFormat
from namnd.errors import InvalidInput
from namnd.formats.agenda_markdown import dump_agenda, parse_agenda
from namnd.formats.announced_lines import announcement_lines, parse_announcement_lines
from namnd.operations.demo import DEMO_AGENDA, demo_dir


def test_lines_round_trip_with_empty_dnr_and_secret():
    text = (
        "Protokoll förvaltningssamverkan |  | Förvaltningssamverkan\n"
        "Lex Maria | von/2019:29:18 | IVO [sekretess]"
    )
    documents = parse_announcement_lines(text)
    assert [(d.title, d.dnr, d.source, d.confidential) for d in documents] == [
        ("Protokoll förvaltningssamverkan", None, "Förvaltningssamverkan", False),
        ("Lex Maria", "von/2019:29:18", "IVO", True),
    ]
    assert announcement_lines(documents) == text


def test_a_bad_dnr_or_missing_title_names_the_line():
    with pytest.raises(InvalidInput, match="rad 2"):
        parse_announcement_lines("Protokoll\n | von/2019:2 | IVO")
    with pytest.raises(InvalidInput, match=r"rad 1.*SN 2026/142"):
        parse_announcement_lines(
            "Protokoll | inte ett dnr | IVO", DnrFormat("{prefix} {year}/{number}", "SN")
        )


def test_the_organ_format_reads_its_own_numbers():
    numbers = DnrFormat("{prefix} {year}/{number:04}", "SN")
    [document] = parse_announcement_lines("Protokoll | SN 2026/42 | IVO", numbers)
    assert document.dnr == "SN 2026/0042"


def test_the_demo_item_9_lists_its_three_handlingar_as_in_the_seed():
    doc = parse_agenda((demo_dir() / DEMO_AGENDA).read_text(encoding="utf-8"))
    item9 = doc.entries[8]
    assert [(d.dnr, d.source) for d in item9.announcements] == [
        (None, "Förvaltningssamverkan"),
        ("von/2019:4", "Myndighet"),
        ("von/2019:4", "Myndighet"),
    ]
    assert dump_agenda(doc) == (demo_dir() / DEMO_AGENDA).read_text(encoding="utf-8")


def test_a_mistake_in_the_agenda_file_names_its_line():
    text = (
        (demo_dir() / DEMO_AGENDA)
        .read_text(encoding="utf-8")
        .replace("| von/2019:4 | Myndighet", "| von/2019/4 | Myndighet", 1)
    )
    line = next(i for i, row in enumerate(text.split("\n"), start=1) if "von/2019/4" in row)
    with pytest.raises(InvalidInput, match=f"rad {line}:"):
        parse_agenda(text)
