"""Ej verkställda beslut: the seed's Q2 2019 cases, the rules, and the public version."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from namnd.domain.changes import UnexecutedDecisionChanges
from namnd.domain.delegation_tables import ReportLaw
from namnd.errors import InvalidInput
from namnd.formats.unexecuted_file import parse_register
from namnd.renderers.unexecuted_markdown import (
    INTERRUPTED_HEADING,
    NOT_EXECUTED_HEADING,
    render_redovisning,
)
from namnd.rules.small_counts import NOTE
from namnd.rules.swedish_numbers import number_word
from namnd.rules.unexecuted_decisions import (
    Quarter,
    UnexecutedDecision,
    add_months,
    build_redovisning,
    elapsed_half_months,
    elapsed_text,
)

DATA = Path(__file__).parents[1] / "data" / "ej-verkstallda-2019Q2.yaml"
Q2 = Quarter.parse("2019Q2")
# The seed's two redovisningar are dated 2019-08-27 and count their times to about then.
SEED_DATE = dt.date(2019, 8, 27)


@pytest.fixture(scope="module")
def decisions() -> list[UnexecutedDecision]:
    return parse_register(DATA.read_text("utf-8"))


def _table_rows(markdown: str, heading: str) -> int:
    section = markdown.split(f"### {heading}", 1)[1].split("###", 1)[0].split("## ", 1)[0]
    return max(0, sum(1 for line in section.splitlines() if line.startswith("|")) - 2)


def test_seed_cases_are_transcribed(decisions):
    assert sum(c.law == ReportLaw.LSS for c in decisions) == 14
    assert sum(c.law == ReportLaw.SOL for c in decisions) == 14
    assert sum(c.interrupted_on is not None for c in decisions) == 1


def test_lss_at_the_seeds_date_is_fourteen_thirteen_beslut_and_one_avbrott(decisions):
    report = build_redovisning(decisions, ReportLaw.LSS, Q2, SEED_DATE)
    assert (len(report.not_executed), len(report.interruptions), report.total) == (13, 1, 14)
    summary = report.summary()
    assert summary[0].startswith("Sju beslut gällande bostad med särskild service, ")
    assert summary[1] == (
        "Vidare har ett beslut gällande biträde av kontaktperson med avbrott i "
        "verkställighet rapporterats."
    )
    assert summary[-1] == (
        "Totalt har fjorton beslut enligt 9 § LSS rapporterats ej verkställda till IVO "
        "andra kvartalet 2019."
    )
    elapsed = {(r.decision.decision_date.isoformat(), r.elapsed) for r in report.reported}
    # Where the seed's own figures follow the rule, they agree with it.
    assert {("2019-05-09", "3,5 MÅNADER"), ("2019-05-01", "3,5 MÅNADER")} <= elapsed
    assert ("2019-02-14", "6 MÅNADER") in elapsed


@pytest.mark.parametrize(
    ("law", "as_of", "total", "word"),
    [
        (ReportLaw.SOL, None, 12, "tolv"),
        (ReportLaw.SOL, SEED_DATE, 14, "fjorton"),
        (ReportLaw.LSS, None, 11, "elva"),
        (ReportLaw.LSS, SEED_DATE, 14, "fjorton"),
    ],
)
def test_summary_and_tables_agree(decisions, law, as_of, total, word):
    """The seed's SoL text says "tolv" beside a table of fourteen rows; namnd cannot.

    With the default reference date, the quarter's last day (2019-06-30), two SoL beslut
    (2019-04-03 and 2019-04-12) and three LSS beslut (2019-04-08, -05-01, -05-09) are not
    yet three months old; counted to the seed's own date, 2019-08-27, they are.
    """
    report = build_redovisning(decisions, law, Q2, as_of)
    assert report.as_of == (as_of or dt.date(2019, 6, 30))
    markdown = render_redovisning(report)
    rows = _table_rows(markdown, NOT_EXECUTED_HEADING) + _table_rows(markdown, INTERRUPTED_HEADING)
    assert rows == report.total == total
    assert f"Totalt har {word} beslut" in markdown
    assert re.search(rf"\| Totalt \| \d+ \| \d+ \| \d+ \| {total} \|", markdown)
    assert f"Tid som förflutit räknas till {report.as_of.isoformat()}" in markdown


def test_public_version_has_counts_only(decisions):
    report = build_redovisning(decisions, ReportLaw.LSS, Q2, SEED_DATE)
    public = render_redovisning(report, public=True)
    assert public.count("Sekretessbelagd handling") == 2
    assert "fjorton" in public
    for decision in decisions:
        assert decision.decision_date.isoformat() not in public
        if decision.reason_text:
            assert decision.reason_text[:30] not in public
    assert "MÅNADER" not in public
    assert "| M |" not in public and "| K |" not in public
    # Small counts (1–2 people) are suppressed in the published statistics.
    assert "| Biträde av kontaktperson | – |" in public and "| Totalt | 14 |" in public
    assert public.count(NOTE) == 1
    secret = render_redovisning(report)
    assert "ej för publicering" in secret and "2016-05-30" in secret


def test_rules_for_deadline_and_verkstallt():
    base = UnexecutedDecision(ReportLaw.SOL, "Hemtjänst", "4 kap. 1 § SoL", dt.date(2019, 3, 31))
    assert add_months(dt.date(2019, 3, 31), 3) == dt.date(2019, 6, 30)
    assert add_months(dt.date(2019, 11, 30), 3) == dt.date(2020, 2, 29)

    def reported(**changes) -> int:
        decision = dataclasses.replace(base, **changes)
        return build_redovisning([decision], ReportLaw.SOL, Q2).total

    assert reported() == 1  # deadline 2019-06-30 is the reference date
    assert reported(decision_date=dt.date(2019, 4, 1)) == 0
    assert reported(executed_on=dt.date(2019, 6, 30)) == 0  # within three months
    assert reported(executed_on=dt.date(2019, 7, 10)) == 1  # after the reference date
    assert reported(decision_date=dt.date(2018, 1, 5), executed_on=dt.date(2019, 2, 1)) == 0
    assert reported(decision_date=dt.date(2018, 1, 5), executed_on=dt.date(2019, 5, 2)) == 1
    assert reported(interrupted_on=dt.date(2019, 5, 1)) == 0  # avbrott restarts the clock


def test_elapsed_time_rounding():
    assert elapsed_half_months(dt.date(2019, 5, 9), dt.date(2019, 8, 27)) == 3.5
    assert elapsed_half_months(dt.date(2019, 5, 9), dt.date(2019, 8, 23)) == 3.0
    assert elapsed_half_months(dt.date(2019, 1, 31), dt.date(2019, 2, 28)) == 1.0
    assert [elapsed_text(x) for x in (7, 3.5, 1, 0.5)] == [
        "7 MÅNADER", "3,5 MÅNADER", "1 MÅNAD", "0,5 MÅNADER",
    ]  # fmt: skip


def test_number_words():
    words = [number_word(n) for n in (1, 2, 11, 12, 14, 20, 21, 100, 134, 1000, 2019)]
    assert words == [
        "ett", "två", "elva", "tolv", "fjorton", "tjugo", "tjugoett", "etthundra",
        "etthundratrettiofyra", "ettusen", "tvåtusennitton",
    ]  # fmt: skip
    assert number_word(1, neuter=False) == "en"


def test_quarter_parsing_and_bad_register():
    assert (Quarter.parse("2019-q3").first_day, Quarter.parse("2019 kv 4").last_day) == (
        dt.date(2019, 7, 1), dt.date(2019, 12, 31),
    )  # fmt: skip
    with pytest.raises(InvalidInput, match="ÅÅÅÅQN"):
        Quarter.parse("2019-06")
    with pytest.raises(InvalidInput, match="Beslut 1: insats, lagrum saknas"):
        parse_register("beslut:\n  - {lag: SoL, beslutsdatum: 2019-01-01}\n")
    with pytest.raises(InvalidInput, match="Okänd lag"):
        parse_register("beslut:\n  - {lag: HSL, insats: x, lagrum: y, beslutsdatum: 2019-01-01}\n")


def test_public_summary_states_no_count_the_tables_hide(decisions):
    """Issue 11, route 6: the Sammanfattning once said "två beslut gällande …"."""
    report = build_redovisning(decisions, ReportLaw.LSS, Q2, SEED_DATE)
    public = render_redovisning(report, public=True)
    summary = public.split("## Sammanfattning")[1].split("## Bakgrund")[0]
    for word in ("ett beslut", "två beslut", "ett ", "två "):
        assert word not in summary
    assert "färre än tre gällande" in summary and "fjorton" in summary
    # every hidden cell of a list is hidden with another, so Totalt gives none back
    for table in public.split("| Antal |")[1:]:
        lines = table.strip().split("\n\n")[0].split("\n")[1:]
        cells = [line.split("|")[2].strip() for line in lines]
        assert cells.count("–") != 1


AVBROTT_BEFORE = """
beslut:
  - lag: SoL
    insats: Hemtjänst
    lagrum: 4 kap. 1 § SoL
    beslutsdatum: 2019-01-10
  - lag: SoL
    insats: Kontaktperson
    lagrum: 4 kap. 1 § SoL
    beslutsdatum: 2018-10-01
    verkställt: 2018-11-01
    avbrott: 2019-02-15
"""


def test_a_verkstallt_date_before_the_avbrott_is_refused_naming_the_row():
    with pytest.raises(InvalidInput) as error:
        parse_register(AVBROTT_BEFORE)
    message = str(error.value)
    assert "Beslut 2:" in message and "Beslut 1:" not in message
    assert "2018-11-01" in message and "2019-02-15" in message
    assert "återupptogs" in message


def test_a_stored_verkstallt_before_the_avbrott_is_still_reported():
    """An older row (entered before the check) counts as not yet resumed, never dropped."""
    decision = UnexecutedDecision(
        ReportLaw.SOL,
        "Kontaktperson",
        "4 kap. 1 § SoL",
        dt.date(2018, 10, 1),
        executed_on=dt.date(2018, 11, 1),
        interrupted_on=dt.date(2019, 2, 15),
    )
    (reported,) = build_redovisning([decision], ReportLaw.SOL, Q2).reported
    assert reported.interrupted and reported.start == dt.date(2019, 2, 15)
    assert reported.executed_on is None


@pytest.mark.usefixtures("backend_demo_store")
def test_the_register_refuses_a_verkstallt_before_the_avbrott(backend_store):
    decision = UnexecutedDecision(
        ReportLaw.SOL,
        "Kontaktperson",
        "4 kap. 1 § SoL",
        dt.date(2018, 10, 1),
        executed_on=dt.date(2018, 11, 1),
        interrupted_on=dt.date(2019, 2, 15),
    )
    before = len(backend_store.delegation.unexecuted_decisions())
    with pytest.raises(InvalidInput, match="avbrottet"):
        backend_store.delegation.add_unexecuted_decision(decision, by="test")
    assert len(backend_store.delegation.unexecuted_decisions()) == before
    fine = dataclasses.replace(decision, executed_on=None)
    decision_id = backend_store.delegation.add_unexecuted_decision(fine, by="test")
    with pytest.raises(InvalidInput, match="avbrottet"):
        backend_store.delegation.update_unexecuted_decision(
            decision_id, 1, UnexecutedDecisionChanges(executed_on=dt.date(2019, 1, 5)), by="test"
        )
    stored = next(c for c in backend_store.delegation.unexecuted_decisions() if c.id == decision_id)
    assert stored.executed_on is None
