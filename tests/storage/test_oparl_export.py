"""OParl 1.1 open data: every written object valid, only public data, stable ids, votes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from urllib.parse import urlparse

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from namnd.cli.main import main
from namnd.domain.changes import ArendeChanges
from namnd.domain.kinds import MeetingStatus, MemberRole, VoteChoice
from namnd.domain.organ_settings import OrganSettings
from namnd.domain.protocol import ProtocolParagraph
from namnd.operations.demo import load_demo
from namnd.operations.oparl_export import DEFAULT_BASE_URL, write_oparl
from namnd.operations.schedule import add_dates
from namnd.rules.roster import Seat
from namnd.storage.store import Store
from namnd.storage.workspace import resolve
from tests.protocol_sample import draft_protocol

SCHEMAS = Path(__file__).parent.parent / "data" / "oparl-schema"
BASE = "https://data.exempelby.se/oparl"
PERSONNUMMER = "19121212-1212"
SECRET = "Hemlig uppgift om barnets vårdnadshavare i Tullinge"
SECRET_DECISION = "Nämnden beslutar om placering enligt LVU hos familjehemmet Ekdahl"


def _format_checker() -> jsonschema.FormatChecker:
    checker = jsonschema.FormatChecker()

    @checker.checks("url")
    def _url(value: object) -> bool:
        parts = urlparse(str(value))
        return parts.scheme == "https" and bool(parts.netloc)

    @checker.checks("date", raises=ValueError)
    def _date(value: object) -> bool:
        return dt.date.fromisoformat(str(value)).isoformat() == value

    @checker.checks("date-time", raises=ValueError)
    def _date_time(value: object) -> bool:
        return dt.datetime.fromisoformat(str(value)).tzinfo is not None

    return checker


SCHEMA = {path.stem: json.loads(path.read_text()) for path in SCHEMAS.glob("*.json")}
CHECKER = _format_checker()


def _validate(obj: dict) -> int:
    """Validate ``obj`` and every object embedded in it; the number validated."""
    kind = obj["type"].removeprefix("https://schema.oparl.org/1.1/")
    schema = SCHEMA[kind]
    jsonschema.Draft7Validator(schema, format_checker=CHECKER).validate(obj)
    count = 1
    for name, prop in schema["properties"].items():
        embedded = prop.get("schema") or prop.get("items", {}).get("schema")
        if not embedded or name not in obj or prop.get("references") == "externalList":
            continue
        values = obj[name] if isinstance(obj[name], list) else [obj[name]]
        for value in values:
            assert value["type"].endswith("/" + embedded.removesuffix(".json")), (name, value)
            count += _validate(value)
    return count


def _validate_tree(folder: Path, base: str = DEFAULT_BASE_URL) -> dict[str, dict]:
    """Every JSON file valid, every id its own file, every link to a file that exists."""
    root = folder / "oparl"
    objects: dict[str, dict] = {}
    for path in sorted(root.rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        url = f"{base}/{path.relative_to(root).as_posix()}"
        if "data" in data:
            pagination = data["pagination"]
            assert pagination["totalElements"] >= len(data["data"])
            assert data["links"]["first"].startswith(base)
            for item in data["data"]:
                _validate(item)
        else:
            assert data["id"] == url
            _validate(data)
            objects[url] = data
    for path in root.rglob("*.json"):
        for link in _strings(json.loads(path.read_text(encoding="utf-8"))):
            if link.startswith(base):
                assert (root / link.removeprefix(base + "/")).exists(), (path, link)
    return objects


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _justerat(store: Store, protocol=None) -> int:
    meeting = store.schedule.find_meeting("2019-09-19").id
    store.protocols.replace(meeting, protocol or draft_protocol())
    store.protocols.justera(meeting, dt.date(2019, 9, 24), by="sekreteraren")
    return meeting


def _all_text(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (folder / "oparl").rglob("*.*"))


def test_the_demo_validates_completely(demo_store, tmp_path):
    _justerat(demo_store)
    written = write_oparl(demo_store, tmp_path)
    assert written and all(p.is_relative_to(tmp_path / "oparl") for p in written)
    objects = _validate_tree(tmp_path)
    kinds = {o["type"].rsplit("/", 1)[1] for o in objects.values()}
    assert kinds == {
        "System",
        "Body",
        "Organization",
        "Person",
        "Membership",
        "LegislativeTerm",
        "Meeting",
        "AgendaItem",
        "Paper",
        "Consultation",
        "File",
        "Location",
    }
    system = objects[f"{DEFAULT_BASE_URL}/system.json"]
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    meeting = objects[f"{DEFAULT_BASE_URL}/meeting/von-2019-09-19.json"]
    assert meeting["start"] == "2019-09-19T18:30:00+02:00"
    assert meeting["location"]["description"] == "Alytus"
    assert meeting["end"].startswith("2019-09-19T")
    assert meeting["resultsProtocol"]["accessUrl"].endswith("files/von-2019-09-19-protokoll.md")
    assert (tmp_path / "oparl/files/von-2019-09-19-kallelse.md").read_text().startswith("---")
    paper = objects[f"{DEFAULT_BASE_URL}/paper/von-2019-76.json"]
    assert paper["reference"] == "von/2019:76"
    assert paper["consultation"][0]["meeting"] == meeting["id"]
    listing = json.loads((tmp_path / "oparl/body/von/meeting.json").read_text())
    assert listing["pagination"]["totalElements"] == len(demo_store.schedule.meetings())


def test_a_vote_with_totals_yrkanden_and_reservations_in_the_extension(demo_store, tmp_path):
    _justerat(demo_store)
    write_oparl(demo_store, tmp_path, base_url=BASE)
    objects = _validate_tree(tmp_path, BASE)
    (item,) = [o for o in objects.values() if o.get("namnd:paragraph") == 90]
    vote = item["namnd:vote"]
    paragraph = draft_protocol().paragraph(90)
    assert vote["proposition"] == paragraph.vote.proposition
    assert [(b["name"], b["choice"]) for b in vote["ballots"]] == [
        (b.name, b.choice.label) for b in paragraph.vote.ballots
    ]
    assert {b["choice"] for b in vote["ballots"]} <= {"Ja", "Nej", "Avstår"}
    ja = sum(b.choice is VoteChoice.YES for b in paragraph.vote.ballots)
    assert vote["totals"] == {"Ja": ja, "Nej": len(paragraph.vote.ballots) - ja, "Avstår": 0}
    assert vote["totals"]["Nej"] == 1
    omar = next(b for b in vote["ballots"] if b["name"] == "Omar Haddad")
    assert omar == {
        "name": "Omar Haddad",
        "party": "V",
        "person": f"{BASE}/person/omar-haddad.json",
        "choice": "Nej",
    }
    assert [m["kind"] for m in item["namnd:motions"]] == ["bifall", "bifall"]
    assert item["namnd:motions"][1]["text"] == "motionen"
    (reservation,) = item["namnd:reservations"]
    assert reservation["by"][0]["name"] == "Omar Haddad"
    assert reservation["reason"] == "till förmån för eget yrkande"
    assert item["result"] == f"Omröstning: {ja} Ja, 1 Nej, 0 Avstår."


def test_nothing_is_decided_in_public_before_justering(demo_store, tmp_path):
    meeting = demo_store.schedule.find_meeting("2019-09-19").id
    demo_store.protocols.replace(meeting, draft_protocol())
    write_oparl(demo_store, tmp_path)
    objects = _validate_tree(tmp_path)
    assert not [o for o in objects.values() if "namnd:vote" in o or "resolutionText" in o]
    assert not (tmp_path / "oparl/files/von-2019-09-19-protokoll.md").exists()


def test_sekretess_and_personnummer_never_reach_the_json(demo_store, tmp_path):
    meeting = demo_store.schedule.find_meeting("2019-09-19").id
    secret_id = demo_store.agendas.add_arende(
        meeting,
        ArendeChanges(
            title="Placering av barn enligt LVU",
            dnr="von/2019:200",
            summary_md=SECRET,
            confidential=True,
        ),
        by="sekreteraren",
    )
    demo_store.agendas.add_arende(
        meeting,
        ArendeChanges(title=f"Ansökan från {PERSONNUMMER} om färdtjänst", dnr="von/2019:201"),
        by="sekreteraren",
    )
    items = len(demo_store.agendas.agenda(meeting).entries)
    protocol = draft_protocol()
    last = protocol.paragraphs[-1].number
    extra = (
        ProtocolParagraph(
            last + 1,
            "Placering av barn enligt LVU",
            "von/2019:200",
            items - 1,
            decision_md=SECRET_DECISION,
        ),
        ProtocolParagraph(
            last + 2,
            f"Ansökan från {PERSONNUMMER} om färdtjänst",
            "von/2019:201",
            items,
            decision_md=f"Ansökan från {PERSONNUMMER} beviljas.",
        ),
    )
    _justerat(demo_store, dataclasses.replace(protocol, paragraphs=protocol.paragraphs + extra))
    write_oparl(demo_store, tmp_path)
    objects = _validate_tree(tmp_path)
    text = _all_text(tmp_path)
    assert SECRET not in text and SECRET_DECISION not in text
    assert PERSONNUMMER not in text and "1212-1212" not in text
    for title in ("Beslut LSS SFB, augusti 2019", "Sammanställning ej verkställda gynnande"):
        assert title not in text  # sekretess bilagor: not even their titles
    secret = next(
        o for o in objects.values() if o.get("namnd:paragraph") == last + 1 and "meeting" in o
    )
    assert secret["public"] is False
    assert secret["name"] == "Placering av barn enligt LVU"
    assert "sekretess" in secret["resolutionText"]
    assert secret_id


def test_a_second_organ_with_its_own_diarienummer_and_parties(demo_store, tmp_path):
    demo_store.organs.create(
        OrganSettings(
            code="sn",
            name="Socialnämnden",
            diarium_prefix="SN",
            dnr_format="{prefix} {year}/{number}",
        )
    )
    for name, party in (("Greta Fors", "KD"), ("Ali Sandberg", "L"), ("Bo Vinter", "-")):
        demo_store.members.save_seat(
            Seat(name, party, MemberRole.MEMBER, dt.date(2019, 1, 1)), "sn"
        )
    add_dates(demo_store, [dt.date(2019, 10, 3)], "sn")
    meeting = next(m for m in demo_store.schedule.meetings() if m.organ_code == "sn")
    demo_store.agendas.add_arende(
        meeting.id,
        ArendeChanges(title="Budget 2020 för individ- och familjeomsorgen", dnr="SN 2019/42"),
        by="sekreteraren",
    )
    write_oparl(demo_store, tmp_path, base_url=BASE)
    draft = _validate_tree(tmp_path, BASE)  # a list not yet sent is not public
    assert f"{BASE}/meeting/sn-2019-10-03.json" in draft
    assert f"{BASE}/paper/sn-2019-42.json" not in draft
    demo_store.agendas.set_status(meeting.id, MeetingStatus.SENT, by="sekreteraren")
    write_oparl(demo_store, tmp_path, base_url=BASE)
    objects = _validate_tree(tmp_path, BASE)
    assert f"{BASE}/body/sn.json" in objects and f"{BASE}/body/von.json" in objects
    paper = objects[f"{BASE}/paper/sn-2019-42.json"]
    assert paper["reference"] == "SN 2019/42"
    assert paper["underDirectionOf"] == [f"{BASE}/organization/sn.json"]
    greta = objects[f"{BASE}/person/greta-fors.json"]
    (membership,) = greta["membership"]
    assert membership["onBehalfOf"] == f"{BASE}/organization/sn-parti-kd.json"
    assert objects[membership["onBehalfOf"]]["organizationType"] == "Partei"
    assert "onBehalfOf" not in objects[f"{BASE}/person/bo-vinter.json"]["membership"][0]
    assert f"{BASE}/meeting/sn-2019-10-03.json" in objects


def test_ids_are_stable_across_runs_and_workspaces(demo_store, tmp_path):
    _justerat(demo_store)
    first = {p.relative_to(tmp_path): p.read_bytes() for p in write_oparl(demo_store, tmp_path)}
    again_dir = tmp_path / "again"
    again = {p.relative_to(again_dir): p.read_bytes() for p in write_oparl(demo_store, again_dir)}
    assert again == first
    # Another workspace whose database ids all differ: an organ and a meeting come first.
    other = Store.open(resolve(tmp_path / "other-ws"))
    other.organs.create(OrganSettings(code="kf", name="Kommunfullmäktige", diarium_prefix="KS"))
    add_dates(other, [dt.date(2018, 1, 1)], "kf")
    load_demo(other)
    assert (
        other.schedule.find_meeting("2019-09-19").id
        != demo_store.schedule.find_meeting("2019-09-19").id
    )
    _justerat(other)
    elsewhere_dir = tmp_path / "elsewhere"
    elsewhere = {
        p.relative_to(elsewhere_dir): p.read_bytes() for p in write_oparl(other, elsewhere_dir)
    }
    other.close()
    shared = {p for p in first if p.name != "bodies.json"}
    assert {p: elsewhere[p] for p in shared} == {p: first[p] for p in shared}


@pytest.mark.usefixtures("demo_workspace")
def test_cli_export_oparl(workspace, tmp_path, capsys):
    ws = ["--workspace", str(workspace.root)]
    out = tmp_path / "site"
    assert main([*ws, "export", "oparl", "-o", str(out), "--base-url", BASE + "/"]) == 0
    assert "filer i" in capsys.readouterr().out
    objects = _validate_tree(out, BASE)
    assert f"{BASE}/system.json" in objects
    elsewhere = tmp_path / "elsewhere"
    assert main([*ws, "export", "oparl", "-o", str(elsewhere), "--base-url", "kommun.se"]) == 1
    assert "Basadressen ”kommun.se” är ingen webbadress" in capsys.readouterr().err
    assert not elsewhere.exists()


@given(st.text())
def test_ids_are_url_safe(text):
    from namnd.formats.oparl_ids import slug

    made = slug(text)
    assert made and slug(made) == made
    assert all(c in "abcdefghijklmnopqrstuvwxyz0123456789-" for c in made)


def test_diarienummer_of_either_format_make_distinct_ids():
    from namnd.formats.oparl_ids import slug

    assert slug("von/2019:133") == "von-2019-133"
    assert slug("SN 2019/0042") == "sn-2019-0042"
    assert slug("Vård- och omsorgsnämnden") == "vard-och-omsorgsnamnden"


def test_another_kommuns_sekretess_never_reaches_the_open_data(tmp_path, capsys):
    """The socialnämnd of the public-routes tests: LVU under sekretess, a rättelse, a note."""
    from namnd.rules.personnummer import find_personnummer
    from tests.storage.test_public_routes import (
        DATA,
        SECRET_BILAGA,
        SECRET_CORRECTION,
        SECRET_REASON,
        SECRET_SUMMARY,
    )

    ws = ["--workspace", str(tmp_path / "ws")]
    assert main([*ws, "import", "agenda", str(DATA / "kallelse.md")]) == 0
    assert main([*ws, "import", "protokoll", str(DATA / "protokoll.md")]) == 0
    assert main([*ws, "export", "oparl", "-o", str(tmp_path / "site"), "--base-url", BASE]) == 0
    objects = _validate_tree(tmp_path / "site", BASE)
    text = _all_text(tmp_path / "site")
    for secret in (SECRET_SUMMARY, SECRET_BILAGA, SECRET_CORRECTION, SECRET_REASON):
        assert secret not in text
    assert not find_personnummer(text) and "<!--" not in text
    meeting = objects[f"{BASE}/meeting/sn-2026-03-12.json"]
    assert meeting["resultsProtocol"]["fileName"] == "sn-2026-03-12-protokoll.md"
    lvu = next(i for i in meeting["agendaItem"] if i["name"] == "Ansökan om vård enligt LVU")
    assert lvu["public"] is False and "26 kap. 1 § OSL" in lvu["resolutionText"]
    assert f"{BASE}/paper/sn-2026-101.json" in objects


def test_the_same_open_data_from_each_backend(backend_demo_store, tmp_path):
    """PostgreSQL (and SQLite) give the tree of a fresh SQLite demo: no database ids in it."""
    _justerat(backend_demo_store)
    reference = Store.open(resolve(tmp_path / "reference-ws"))
    load_demo(reference)
    _justerat(reference)
    trees = []
    for name, store in (("backend", backend_demo_store), ("reference", reference)):
        written = write_oparl(store, tmp_path / name)
        _validate_tree(tmp_path / name)
        trees.append({p.relative_to(tmp_path / name): p.read_bytes() for p in written})
    reference.close()
    assert len(trees[0]) > 50
    assert trees[0] == trees[1]


def test_a_meeting_taken_off_the_plan_leaves_the_tree(demo_store, tmp_path):
    add_dates(demo_store, [dt.date(2021, 3, 4)])
    write_oparl(demo_store, tmp_path)
    gone = tmp_path / "oparl/meeting/von-2021-03-04.json"
    assert gone.exists()
    demo_store.schedule.remove_planned_meetings([dt.date(2021, 3, 4)])
    written = write_oparl(demo_store, tmp_path)
    assert not gone.exists()
    assert set((tmp_path / "oparl").rglob("*.json")) == {p for p in written if p.suffix == ".json"}
    _validate_tree(tmp_path)
