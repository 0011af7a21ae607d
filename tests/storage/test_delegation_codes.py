"""The delegationsordning: codes per organ, kept in step with the reported beslut."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from namnd.cli.main import main
from namnd.errors import InvalidInput


@pytest.mark.usefixtures("backend_demo_store")
def test_demo_codes_and_changes(backend_store):
    codes = backend_store.delegation.codes()
    assert [(c.code, c.subject, c.delegate) for c in codes] == [
        ("D2", "Attesträtt", "Omsorgsdirektör"),
        ("G43", "Lex Maria anmälan", "Medicinskt ansvarig sjuksköterska (MAS)"),
    ]
    assert backend_store.delegation.unknown_codes() == []
    backend_store.delegation.save_code("g43", "Lex Maria-anmälan till IVO", "MAS")
    assert [c.delegate for c in backend_store.delegation.codes()] == ["Omsorgsdirektör", "MAS"]
    with pytest.raises(InvalidInput, match="kod, ärende och delegat"):
        backend_store.delegation.save_code("X1", "", "Enhetschef")


@pytest.mark.usefixtures("demo_workspace")
def test_codes_in_use_but_missing_are_flagged(workspace, capsys):
    from namnd.domain.models import DelegationCode

    ws = ["--workspace", str(workspace.root)]
    from namnd.storage.store import Store

    store = Store.open(workspace)
    with store.session() as session:
        session.delete(
            session.exec(select(DelegationCode).where(DelegationCode.code == "G43")).one()
        )
    capsys.readouterr()
    assert main([*ws, "delegation-codes", "--json"]) == 0
    captured = capsys.readouterr()
    assert [c["code"] for c in json.loads(captured.out)["codes"]] == ["D2"]
    assert "koden G43 används i anmälda delegationsbeslut men saknas" in captured.err
