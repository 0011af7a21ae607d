"""Shared fixtures: every test gets its own workspace, never the developer's database."""

from __future__ import annotations

import pytest

from namnd.storage.store import Store
from namnd.storage.workspace import Workspace, resolve


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch, tmp_path):
    """Keep the developer's own workspace and database out of every test."""
    monkeypatch.delenv("NAMND_DATABASE_URL", raising=False)
    monkeypatch.setenv("NAMND_HOME", str(tmp_path / "home"))


@pytest.fixture
def workspace(tmp_path) -> Workspace:
    return resolve(tmp_path / "ws")


@pytest.fixture
def store(workspace) -> Store:
    store = Store.open(workspace)
    yield store
    store.close()


@pytest.fixture
def demo_store(store) -> Store:
    from namnd.operations.demo import load_demo

    load_demo(store)
    return store
