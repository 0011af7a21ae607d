"""Expediering: per recipient the §§ that may go out; the rest wait for justering."""

from __future__ import annotations

import dataclasses

from namnd.rules.dispatch import dispatch, dispatch_markdown, paragraph_list
from tests.protocol_sample import draft_protocol, sample_protocol


def _with_dispatch(protocol, changes: dict[int, tuple[str, ...]]):
    paragraphs = tuple(
        dataclasses.replace(p, dispatch_to=changes[p.number]) if p.number in changes else p
        for p in protocol.paragraphs
    )
    return dataclasses.replace(protocol, paragraphs=paragraphs)


def test_justerat_protocol_goes_out_per_recipient():
    protocol = _with_dispatch(sample_protocol(), {91: ("kommunstyrelsen ", "Revisorerna")})
    plan = dispatch(protocol)
    assert plan.recipients == (
        ("Omsorgsdirektör", (87,)),
        ("Kommunstyrelsen", (90, 91)),
        ("Revisorerna", (91,)),
    )
    assert plan.numbers == (87, 90, 91) and plan.waiting == ()


def test_before_justering_only_an_immediately_justerad_paragraph_goes_out():
    protocol = _with_dispatch(draft_protocol(), {89: ("Ekonomienheten",)})
    plan = dispatch(protocol)
    assert plan.recipients == (("Ekonomienheten", (89,)),)
    assert plan.waiting == (87, 90, 91)
    text = dispatch_markdown(protocol, plan, {89: "2019-09-19-von-utdrag-89.docx"})
    assert "| Ekonomienheten | § 89 | 2019-09-19-von-utdrag-89.docx |" in text
    assert "Väntar på justering: §§ 87, 90, 91" in text


def test_paragraph_list():
    assert paragraph_list((90,)) == "§ 90" and paragraph_list((87, 90)) == "§§ 87, 90"
