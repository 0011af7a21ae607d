"""Organs as data: create, edit and list, every rule refused in Swedish with nothing saved."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from namnd.domain.changes import ArendeChanges, OrganChanges
from namnd.domain.organ_settings import InvalidOrgan, OrganSettings
from namnd.errors import InvalidInput
from namnd.operations.agenda_files import export_agenda_markdown, import_agenda_file

SOCIAL = OrganSettings(
    code="sn",
    name="Socialnämnden",
    diarium_prefix="SN",
    dnr_format="{prefix} {year}/{number}",
    administration="Socialförvaltningen",
    municipality="Exempelby kommun",
    secretary_name="Iris Holm",
    archive_place="Socialförvaltningens arkiv",
)


def test_create_edit_and_list(backend_store):
    store = backend_store
    store.organs.create(SOCIAL)
    store.organs.create(
        OrganSettings(
            code="sn-au", name="Socialnämndens arbetsutskott", diarium_prefix="SNAU", parent="sn"
        )
    )
    store.organs.edit("sn", OrganChanges(name="Social- och omsorgsnämnden"))
    organs = {o.code: o for o in store.organs.all()}
    assert organs["sn"].name == "Social- och omsorgsnämnden"
    assert organs["sn"].dnr_format == "{prefix} {year}/{number}"
    assert organs["sn"].archive_place == "Socialförvaltningens arkiv"
    assert organs["sn-au"].parent == "sn"
    assert organs["sn-au"].dnr_format == "{prefix}/{year}:{number}"


def test_prefix_defaults_to_the_kod(store):
    assert (
        store.organs.create(OrganSettings(code="iu", name="Individutskottet")).diarium_prefix
        == "iu"
    )


@pytest.mark.parametrize(
    ("settings", "field", "words"),
    [
        (OrganSettings(code="sn", name="Annan"), "code", "används redan"),
        (OrganSettings(code="x", name="X", diarium_prefix="sn"), "diarium_prefix", "Socialnämnden"),
        (OrganSettings(code="x", name="X", dnr_format="{prefix}/{year}"), "dnr_format", "{number}"),
        (
            OrganSettings(code="x", name="X", dnr_format="{prefix}/{år}:{number}"),
            "dnr_format",
            "okänd",
        ),
        (OrganSettings(code="x", name=""), "name", "namn"),
        (OrganSettings(code="x/../y", name="X"), "code", "bokstäver"),
        (OrganSettings(code="x", name="X", parent="nope"), "parent", "ingen nämnd"),
        (OrganSettings(code="x", name="X", parent="x"), "parent", "sig själv"),
        (OrganSettings(code="x", name="X", template_path="mall.dotx"), "template_path", ".docx"),
    ],
)
def test_bad_settings_are_refused_by_field_and_nothing_is_saved(store, settings, field, words):
    store.organs.create(SOCIAL)
    with pytest.raises(InvalidOrgan) as caught:
        store.organs.create(settings)
    assert field in caught.value.problems
    assert words in caught.value.problems[field]
    assert [o.code for o in store.organs.all()] == ["sn"]


def test_a_parent_that_would_make_a_loop_is_refused(backend_store):
    store = backend_store
    store.organs.create(SOCIAL)
    store.organs.create(OrganSettings(code="au", name="Arbetsutskottet", parent="sn"))
    store.organs.create(OrganSettings(code="pb", name="Presidiet", parent="au"))
    with pytest.raises(InvalidOrgan) as caught:
        store.organs.edit("sn", OrganChanges(parent="pb"))
    assert "slinga" in caught.value.problems["parent"]
    assert store.organs.settings("sn").parent == ""


def _template(path: Path, drop: tuple[str, ...] = ()) -> Path:
    document = docx.Document()
    for name in drop:
        element = document.styles[name].element
        element.getparent().remove(element)
    document.save(path)
    return path


def test_template_needs_the_heading_styles_the_exports_use(store, tmp_path):
    store.organs.create(SOCIAL)
    bad = _template(tmp_path / "mall.docx", drop=("Heading 2", "Title"))
    with pytest.raises(InvalidOrgan) as caught:
        store.organs.edit("sn", OrganChanges(template_path=str(bad)))
    message = caught.value.problems["template_path"]
    assert "”Title”" in message and "”Heading 2”" in message and "Heading 1" not in message
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(InvalidOrgan, match="kunde inte läsas"):
        store.organs.edit("sn", OrganChanges(template_path=str(broken)))
    good = _template(tmp_path / "bra.docx")
    assert store.organs.edit("sn", OrganChanges(template_path=str(good))).template_path == str(good)


def test_an_edited_name_shows_in_the_next_export(store, tmp_path):
    import_agenda_file(store, Path("tests/data/socialnamnd/kallelse.md"))
    store.organs.edit("sn", OrganChanges(name="Social- och omsorgsnämnden", administration="SOF"))
    text = export_agenda_markdown(store, "2026-03-12")
    assert "nämnd: Social- och omsorgsnämnden" in text
    assert "förvaltning: SOF" in text
    from namnd.operations.kallelse_export import export_kallelse

    path = export_kallelse(store, "2026-03-12", fmt="docx", path=tmp_path / "k.docx")
    assert "Social- och omsorgsnämnden" in [p.text for p in docx.Document(str(path)).paragraphs]


def test_planned_meetings_get_the_organs_sekreterare(store):
    import datetime as dt

    store.organs.create(
        OrganSettings(
            code="sn",
            name="Socialnämnden",
            secretary_name="Iris Holm",
            secretary_title="Nämndsekreterare",
        )
    )
    store.schedule.plan_meetings([dt.date(2026, 5, 14)], "sn")
    meeting = store.schedule.find_meeting("2026-05-14")
    details, _ = store.agendas.meeting_details(meeting.id)
    assert details.secretary_name == "Iris Holm"


def test_after_a_format_change_old_numbers_stay_and_new_ones_follow_it(store):
    import_agenda_file(store, Path("tests/data/socialnamnd/kallelse.md"))
    store.organs.edit(
        "sn", OrganChanges(dnr_format="{prefix} {year}/{number:04}", diarium_prefix="SN")
    )
    meeting = store.schedule.find_meeting("2026-03-12")
    item = store.agendas.agenda(meeting.id).entries[0]
    arende, _ = store.agendas.arende(item.arende_id)
    assert arende.dnr == "sn/2026:101"
    # The old number is kept while the rest of the ärende is saved.
    version = store.agendas.save_arende(
        arende.id, arende.version, ArendeChanges(dnr="sn/2026:101", title="Ny"), by="t"
    )
    with pytest.raises(InvalidInput, match=r"\{prefix\} \{year\}/\{number:04\}"):
        store.agendas.save_arende(arende.id, version, ArendeChanges(dnr="SN/2026:7"), by="t")
    store.agendas.save_arende(
        arende.id, version, ArendeChanges(dnr="SN 2026/7", external_ref="S2026/01234"), by="t"
    )
    arende, _ = store.agendas.arende(arende.id)
    assert (arende.dnr, arende.external_ref) == ("SN 2026/0007", "S2026/01234")


def test_search_finds_a_number_in_the_organs_own_format(store):
    from namnd.operations.agenda_files import import_agenda_file as load

    store.organs.create(
        OrganSettings(
            code="sn",
            name="Socialnämnden",
            diarium_prefix="SN",
            dnr_format="{prefix} {year}/{number}",
        )
    )
    load(store, Path("tests/data/socialnamnd/kallelse-sn-dnr.md"))
    [hit] = store.search.find("SN 2026/142")
    assert hit.document.dnr == "SN 2026/142"
    assert [h.document.title for h in store.search.find("S2026/01234")] == [
        "Yttrande över remiss om ny socialtjänstlag"
    ]


def test_tui_exports_go_to_the_users_export_folder(tmp_path):
    from namnd.storage import preferences
    from namnd.tui.app import create_app

    app = create_app(None)
    assert app.export_path(Path("agendas/2026-03-12-sn.docx")) == Path("agendas/2026-03-12-sn.docx")
    preferences.save(preferences.Preferences(export_folder=str(tmp_path / "ut")))
    assert (
        app.export_path(Path("agendas/2026-03-12-sn.docx"))
        == tmp_path / "ut" / "2026-03-12-sn.docx"
    )
