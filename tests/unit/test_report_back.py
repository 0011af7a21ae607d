"""Which uppdrag a meeting should hear back on, and how urgent they look."""

from __future__ import annotations

import datetime as dt

from namnd.domain.kinds import ArendeKind, AssignmentStatus, DueKind
from namnd.domain.views import AssignmentView
from namnd.rules.report_back import due_at_meeting, report_back_fields, urgency

D = dt.date


def view(**kw) -> AssignmentView:
    base = dict(
        id=1, organ_code="von", text="Ta fram en åtgärdsplan för boendestödet.",
        assignee="vård- och omsorgsförvaltningen", report_to="nämnden",
        status=AssignmentStatus.NOT_STARTED, status_since=None, overdue=False,
        origin_meeting_id=1, origin_meeting_date=D(2019, 9, 19), origin_arende_id=3,
        origin_dnr="von/2018:225", origin_note="", given_on=D(2019, 9, 19),
        due_date=D(2019, 12, 31), due_kind=DueKind.MEETING_IN_MONTH, due_text="december 2019",
        due_label="nämndens sammanträde i december 2019", report_arende_id=None,
    )  # fmt: skip
    return AssignmentView(**{**base, **kw})


def test_due_at_meeting_by_the_end_of_its_month():
    a = view()
    assert due_at_meeting([a], D(2019, 12, 12)) == [a]
    assert due_at_meeting([a], D(2019, 11, 21)) == []
    assert due_at_meeting([view(status=AssignmentStatus.REPORTED)], D(2019, 12, 12)) == []
    assert due_at_meeting([view(report_arende_id=7)], D(2019, 12, 12)) == []
    assert due_at_meeting([view(report_to="Socialstyrelsen")], D(2019, 12, 12)) == []
    assert due_at_meeting([view(due_date=None)], D(2019, 12, 12)) == []


def test_urgency():
    assert urgency(view(overdue=True), D(2020, 1, 15)) == "overdue"
    assert urgency(view(), D(2019, 12, 5)) == "soon"
    assert urgency(view(), D(2019, 10, 1)) == ""
    assert urgency(view(status=AssignmentStatus.CLOSED), D(2019, 12, 30)) == ""


def test_report_back_arende():
    fields = report_back_fields(view(), "Vård- och omsorgsnämnden")
    assert fields.kind == ArendeKind.REPORT_BACK and fields.dnr == "von/2018:225"
    assert fields.title == (
        "Återrapportering nämnduppdrag – Ta fram en åtgärdsplan för boendestödet"
    )
    assert fields.proposal == ["Vård- och omsorgsnämnden har tagit del av återrapporteringen."]
