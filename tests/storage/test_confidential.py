"""The gate's secrets: every confidential text in the database, and nothing public."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from namnd.domain.changes import ArendeChanges
from namnd.operations.confidential_texts import confidential_texts, secret_index
from namnd.operations.delegation_import import import_delegation_list
from namnd.operations.demo import demo_dir
from namnd.operations.unexecuted_report import import_register
from namnd.rules.public_check import check_text
from tests.protocol_sample import draft_protocol

DAY = "2019-09-19"
SECRET_SUMMARY = "Den enskilde har sedan mars bott på korttidsboendet Solrosen i Tumba."
CORRECTION = "Fel lagrum angavs i beslutet om ledsagning till brukaren."
REGISTER = Path(__file__).parents[1] / "data" / "ej-verkstallda-2019Q2.yaml"


@pytest.fixture
def secret_workspace(backend_demo_store):
    """The demo with item 7 made sekretess, a justerat protokoll with a rättelse of
    § 94 (sekretess), an imported delegation list and the ej verkställda register."""
    store = backend_demo_store
    meeting = store.schedule.find_meeting(DAY).id
    item7 = store.agendas.agenda(meeting).entries[6].arende_id
    arende, _ = store.agendas.arende(item7)
    store.agendas.save_arende(
        item7,
        arende.version,
        ArendeChanges(confidential=True, summary_md=SECRET_SUMMARY),
        by="test",
    )
    store.protocols.replace(meeting, draft_protocol())
    store.protocols.justera(meeting, dt.date(2019, 9, 26), by="test")
    view = store.protocols.get(meeting)
    p94 = view.protocol.paragraph(94)
    fixed = dataclasses.replace(p94, decision_md="Anmälan av delegationsbesluten godkänns.")
    store.protocols.correct_paragraph(
        meeting, fixed, CORRECTION, by="test", paragraph_id=view.ids[94]
    )
    lss = demo_dir() / "data" / "delegationsbeslut-2019-08-lss-sfb.tsv"
    import_delegation_list(store.delegation, lss, meeting=DAY, by="test", period="2019-08")
    import_register(store, REGISTER, by="test")
    return store


def test_every_kind_of_confidential_text_is_collected(secret_workspace):
    secrets = {s.text: s.source for s in confidential_texts(secret_workspace)}
    assert secrets[SECRET_SUMMARY] == "ärende 7 den 2019-09-19 (von/2019:133), Sammanfattning"
    # the § of the sekretess ärende, though the protokoll did not mark it
    p91 = [s for t, s in secrets.items() if s.startswith("§ 91 den 2019-09-19")]
    assert p91 == ["§ 91 den 2019-09-19, Beslut"]
    assert secrets["Anmälan av delegationsbesluten godkänns."] == "§ 94 den 2019-09-19, Beslut"
    assert secrets[CORRECTION] == "rättelsen i § 94 den 2019-09-19, Skäl"
    assert any(s.startswith("rättelsen i § 94") and s.endswith("Vad som rättats")
               for s in secrets.values())  # fmt: skip
    rows = [s for s in secrets.values() if s.startswith("delegationslistan ")]
    assert rows and rows[0].endswith(", Beslut") and ", rad " in rows[0]
    comment = "Den enskilde känner sig inte redo att flytta hemifrån."
    assert secrets[comment] == (
        "ej verkställt beslut (Bostad med särskild service, beslut 2019-02-14), Övriga kommentarer"
    )
    assert secrets["Sammanställning ej verkställda gynnande beslut enligt LSS, kvartal 2 2019"]


def test_public_text_is_not_collected(secret_workspace):
    texts = {s.text for s in confidential_texts(secret_workspace)}
    assert not any(t.startswith("Yttrande angående Riktlinjer") for t in texts)  # item 7's rubrik
    assert not any("Vänsterpartiet vill att nämnden bifaller" in t for t in texts)  # public § 90
    assert "Delårsrapport 2" not in texts


def test_the_index_leaves_out_what_is_published_anyway(secret_workspace):
    index = secret_index(secret_workspace)
    # § 91's "Vård- och omsorgsnämnden beslutar enligt förslaget." is every § 's text
    assert check_text("Vård- och omsorgsnämnden beslutar enligt förslaget.", where="x",
                      secrets=index) == []  # fmt: skip
    assert check_text("Yttrande angående Riktlinjer Idéburet offentligt partnerskap", where="x",
                      secrets=index) == []  # fmt: skip
    (finding,) = check_text(f"Ärende 7: {SECRET_SUMMARY}", where="x", secrets=index)
    assert finding.source.endswith("Sammanfattning")
    (finding,) = check_text("tanken på att flytta väcker stor ångest hos honom", where="x",
                            secrets=index)  # fmt: skip
    assert finding.source.startswith("ej verkställt beslut (Bostad med särskild service")
