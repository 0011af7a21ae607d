"""Search over the stored nämnd, on SQLite and a real PostgreSQL, and from the CLI."""

from __future__ import annotations

import json

import pytest

from namnd.cli.main import main
from tests.protocol_sample import sample_protocol


@pytest.mark.usefixtures("backend_demo_store")
def test_finds_the_arende_and_its_paragraph_by_dnr_and_by_who_moved(backend_store):
    store = backend_store
    store.protocols.replace(store.schedule.find_meeting("2019-09-19").id, sample_protocol())
    hits = store.search.find("von/2019:76")
    found = [(h.document.kind, h.document.number) for h in hits]
    assert found == [("arende", 6), ("paragraph", 90)]
    (haddad,) = store.search.find("Omar Haddad")
    assert (haddad.document.kind, haddad.document.number) == ("paragraph", 90)
    assert store.search.find("genomlysning ÄLDREOMSORG")[0].document.title.endswith(
        "genomlysning Myndighet"
    )
    assert store.search.find("ingenting sådant här") == []


@pytest.mark.usefixtures("demo_workspace")
def test_cli_search(workspace, capsys):
    ws = ["--workspace", str(workspace.root)]
    assert main([*ws, "search", "statsbidrag", "äldreomsorg"]) == 0
    out = capsys.readouterr().out
    assert "ärende 5" in out and "Statsbidrag för 2019" in out
    assert main([*ws, "search", "von/2019:76", "--json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)["hits"]
    assert (hit["kind"], hit["dnr"], hit["meeting_date"]) == ("arende", "von/2019:76", "2019-09-19")
    assert main([*ws, "search", "kanelbulle"]) == 0
    assert "Inga träffar för ”kanelbulle”." in capsys.readouterr().out
