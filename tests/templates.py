"""Databases many tests start from, made once per test process and copied for each test.

Migrating an empty database costs about half a second and loading the demo as much
again; a copy costs milliseconds. A copy holds exactly what the migrations and
``load_demo`` wrote, so the test starts where it would have got by itself. SQLite
templates are files copied with SQLite's backup API; PostgreSQL templates are databases
on the test server that ``CREATE DATABASE … TEMPLATE`` copies. Each test process (each
pytest-xdist worker) has its own, so no two processes share a file or a database.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from namnd.storage.store import Store
from namnd.storage.workspace import Workspace, resolve

#: "gw0", "gw1" … under pytest-xdist; "main" in a plain run. In every database name, so
#: workers sharing one server (NAMND_TEST_POSTGRES_URL) never meet.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")


def _fill(kind: str) -> Callable[[Store], None]:
    if kind == "empty":
        return lambda _store: None
    from namnd.operations.demo import load_demo

    return load_demo


_numbers = iter(range(1, 1_000_000))


def new_postgres_database(server_url: str, template: str | None = None) -> str:
    """A new database on the server: empty, or a copy of the database ``template``."""
    name = f"namnd_test_{WORKER}_{next(_numbers)}"
    admin = make_url(server_url)
    dsn = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    copy_of = f' TEMPLATE "{template}"' if template else ""
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"{copy_of}')
    return admin.set(database=name).render_as_string(hide_password=False)


class Templates:
    """The empty (migrated) database and the demo, each built the first time it is asked for."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._sqlite: dict[str, Path] = {}
        self._postgres: dict[tuple[str, str], str] = {}
        #: The folder each template was made in: the demo copies its bilagor there.
        self._roots: dict[tuple[str, str], Path] = {}

    def sqlite_into(self, kind: str, workspace: Workspace) -> None:
        """Put a copy of the ``kind`` template where ``workspace`` keeps its database."""
        target = workspace.sqlite_path
        assert target is not None and not target.exists(), target
        target.parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(self._sqlite_template(kind))
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        _copy_files(self._roots["sqlite", kind], workspace.root)

    def _sqlite_template(self, kind: str) -> Path:
        if kind not in self._sqlite:
            workspace = resolve(self.folder / kind)
            store = Store.open(workspace)
            _fill(kind)(store)
            store.close()
            assert workspace.sqlite_path is not None
            self._sqlite[kind] = workspace.sqlite_path
            self._roots["sqlite", kind] = workspace.root
        return self._sqlite[kind]

    def postgres_copy(self, server_url: str, kind: str, root: Path) -> str:
        """The URL of a new database on the server holding a copy of the ``kind`` template;
        the files the template's workspace holds are copied into ``root``."""
        url = new_postgres_database(server_url, self._postgres_template(server_url, kind))
        _copy_files(self._roots["postgresql", kind], root)
        return url

    def _postgres_template(self, server_url: str, kind: str) -> str:
        key = (server_url, kind)
        if key not in self._postgres:
            url = new_postgres_database(server_url)
            self._roots["postgresql", kind] = self.folder / f"pg-{kind}"
            store = Store.open(resolve(self.folder / f"pg-{kind}", url))
            _fill(kind)(store)
            store.close()  # no connection may stay open on a template that is copied
            self._postgres[key] = make_url(url).database
        return self._postgres[key]


def _copy_files(template_root: Path, root: Path) -> None:
    """The files a template's workspace holds besides its database (the demo's bilagor,
    copied into ``agendas/handlingar/``), so a copied database finds them."""
    if template_root.is_dir():
        ignore = shutil.ignore_patterns("namnd.db", "namnd.db-*")
        shutil.copytree(template_root, root, dirs_exist_ok=True, ignore=ignore)
