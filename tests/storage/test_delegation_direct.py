"""The CLI's ORM-free delegation import stores what the Store stores, or leaves it to it."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys

import pytest

from namnd.cli.main import main
from namnd.domain.models import Meeting, Organ
from namnd.errors import DatabaseBusy, NamndError
from namnd.operations.delegation_import import import_delegation_list
from namnd.operations.demo import demo_dir
from namnd.storage.delegation_batch import AlreadyImported, NewImport
from namnd.storage.delegation_direct import SqliteImports
from namnd.storage.store import Store
from namnd.storage.workspace import resolve

LISTS = [
    demo_dir() / "data" / f"delegationsbeslut-2019-08-{n}.tsv"
    for n in ("lss-sfb", "sol-under-65", "sol-over-65")
]
HEADER = "Beslutsfattare\tBeslutsdatum\tBeslut\tAnledning till avslag\tFödelseår\tKön"
ROW = "Östman, Ylva\t20190827\tBifall Boendestöd enligt 4 kap, 1§ SoL\t\t1985\tKvinna"


@pytest.fixture
def two_demos(tmp_path, templates):
    """Two copies of the demo: one imported into by the Store, one by ``SqliteImports``."""
    workspaces = [resolve(tmp_path / name) for name in ("store", "direct")]
    for workspace in workspaces:
        templates.sqlite_into("demo", workspace)
    store = Store.open(workspaces[0])
    direct = SqliteImports.open(workspaces[1])
    assert direct is not None
    yield store, direct, workspaces
    direct.close()
    store.close()


def _tables(workspace) -> tuple[list, list]:
    """Both tables as stored, but for the moment of the import."""
    with sqlite3.connect(workspace.sqlite_path) as db:
        imports = db.execute(
            "SELECT id, organ_id, meeting_id, arende_id, list_name, period, file_name, "
            "file_sha256, file_format, row_count, warnings, imported_by "
            "FROM delegationlistimport ORDER BY id"
        ).fetchall()
        rows = db.execute("SELECT * FROM delegationlistrow ORDER BY id").fetchall()
    return imports, rows


def test_both_writers_store_the_seed_lists_alike(two_demos):
    store, direct, (store_ws, direct_ws) = two_demos
    for path in LISTS:
        by_store = import_delegation_list(store.delegation, path, meeting="2019-09-19", by="t")
        by_direct = import_delegation_list(direct, path, meeting="2019-09-19", by="t")
        assert by_store.message == by_direct.message
        assert by_store.warnings == by_direct.warnings
    store_tables, direct_tables = _tables(store_ws), _tables(direct_ws)
    assert len(direct_tables[1]) == 429
    assert direct_tables == store_tables
    assert direct_tables[0][0][3] is not None, "linked to the Delegationsbeslut ärende"
    # What the Store reads back of either is the same, down to the time it was stored.
    read_direct = Store.open(direct_ws)
    try:
        assert direct.earlier_import(direct_tables[0][0][7]) == read_direct.delegation.imports()[0]
    finally:
        read_direct.close()


def _second_meeting_on_the_demo_day(store: Store) -> None:
    with store.session() as session:
        organ = Organ(code="au", name="Arbetsutskottet", diarium_prefix="au")
        session.add(organ)
        session.flush()
        session.add(Meeting(organ_id=organ.id, date=dt.date(2019, 9, 19)))


@pytest.mark.parametrize(
    "ref", ["2030-01-01", "19 sept", "99999", "2019-09-19"], ids=["no-day", "bad", "no-id", "two"]
)
def test_both_writers_refuse_a_meeting_alike_and_store_nothing(two_demos, tmp_path, ref):
    store, direct, workspaces = two_demos
    _second_meeting_on_the_demo_day(store)
    _second_meeting_on_the_demo_day(Store.open(workspaces[1]))
    path = tmp_path / "lista.tsv"
    path.write_text(f"{HEADER}\n{ROW}\n", encoding="utf-8")
    messages = []
    for storage in (store.delegation, direct):
        with pytest.raises(NamndError) as refused:
            import_delegation_list(storage, path, meeting=ref, by="t")
        messages.append(str(refused.value))
    assert messages[0] == messages[1] != ""
    assert _tables(workspaces[0]) == _tables(workspaces[1]) == ([], [])


def test_none_where_only_the_store_can_import(tmp_path, workspace, store):
    assert SqliteImports.open(resolve(tmp_path / "ny")) is None, "no database yet"
    assert SqliteImports.open(resolve(tmp_path, "postgresql://namnd@localhost/namnd")) is None
    garbage = tmp_path / "trasig" / "namnd.db"
    garbage.parent.mkdir()
    garbage.write_bytes(b"inte en databas" * 100)
    assert SqliteImports.open(resolve(garbage.parent)) is None
    with sqlite3.connect(workspace.root / "namnd.db") as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    assert SqliteImports.open(workspace) is None, "an older schema is migrated by the Store"


def _batch(sha256: str = "a" * 64) -> NewImport:
    return NewImport(
        meeting="2019-09-19",
        list_name="LSS",
        period="2019-08",
        file_name="lss.tsv",
        file_sha256=sha256,
        file_format="tsv",
        row_count=0,
        warnings=[],
        imported_by="t",
        imported_at=dt.datetime.now(dt.UTC),
    )


def test_a_file_stored_meanwhile_is_reported_as_theirs(two_demos):
    _store, direct, (_, direct_ws) = two_demos

    class Racing(SqliteImports):
        """Sees no earlier import the first time it looks, as if it came a moment later."""

        looked = False

        def earlier_import(self, sha256):
            if not self.looked:
                self.looked = True
                return None
            return super().earlier_import(sha256)

    import_delegation_list(direct, LISTS[0], meeting="2019-09-19", by="first")
    racing = Racing(sqlite3.connect(direct_ws.sqlite_path, isolation_level=None))
    late = import_delegation_list(racing, LISTS[0], meeting="2019-09-19", by="second")
    assert late.imported is None and late.duplicate.imported_by == "first"
    with pytest.raises(AlreadyImported):
        direct.save_import(_batch(sha256=_tables(direct_ws)[0][0][7]), [])
    assert len(_tables(direct_ws)[0]) == 1
    racing.close()


def test_a_busy_database_is_a_swedish_error_and_nothing_is_stored(two_demos, monkeypatch):
    _store, _direct, (_, direct_ws) = two_demos
    monkeypatch.setenv("NAMND_BUSY_TIMEOUT_MS", "100")
    direct = SqliteImports.open(direct_ws)
    assert direct is not None
    holder = sqlite3.connect(direct_ws.sqlite_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusy, match="upptagen"):
            direct.save_import(_batch(), [])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    direct.save_import(_batch(), [])  # the connection is usable once the lock is gone
    direct.close()
    assert len(_tables(direct_ws)[0]) == 1


def test_the_cli_imports_without_the_orm(demo_store, workspace, tmp_path):
    code = (
        "import sys; from namnd.cli.main import main; "
        f"assert main(['--workspace', {str(workspace.root)!r}, 'import', 'delegationsbeslut', "
        f"{str(LISTS[0])!r}, '--meeting', '2019-09-19']) == 0; "
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic') if m in sys.modules)); "
        "print(sorted(m for m in ('namnd.domain.changes', 'namnd.domain.views', 'logging') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    said = out.stdout.splitlines()
    assert said[0] == "Läste in 77 delegationsbeslut (delegationsbeslut-2019-08-lss-sfb, 2019-08)."
    assert said[-2] == "[]", "no SQLAlchemy, SQLModel or pydantic imported"
    # Other verbs' needs, loaded by building the parser before the verb's modules were lazy.
    assert said[-1] == "[]", "no edit verbs' changes, no views of other verbs, no signing's logging"
    assert demo_store.delegation.imports()[0].row_count == 77


def test_the_cli_imports_on_either_backend(backend_demo_store, backend_workspace, capsys):
    ws = ["--workspace", str(backend_workspace.root), "--db", backend_workspace.database_url]
    args = [*ws, "import", "delegationsbeslut", str(LISTS[2]), "--meeting", "2019-09-19"]
    assert main(args) == 0
    assert capsys.readouterr().out.startswith("Läste in 319 delegationsbeslut")
    assert main(args) == 0
    assert "redan inläst" in capsys.readouterr().out
    assert [v.row_count for v in backend_demo_store.delegation.imports()] == [319]
