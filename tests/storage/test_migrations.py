"""Alembic owns the schema: from an empty database, and upgrades that keep data."""

from __future__ import annotations

import datetime as dt

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlmodel import Session, SQLModel, select

import namnd.domain.tables  # noqa: F401
from namnd.domain.changes import OrganRulesChanges
from namnd.domain.models import Meeting, Organ
from namnd.operations.demo import load_demo
from namnd.storage import schema
from namnd.storage.database import make_engine, open_database
from namnd.storage.migrate import alembic_config, head_revision
from namnd.storage.search_index import modelled
from namnd.storage.store import Store
from tests.protocol_sample import sample_protocol


def test_schema_head_constant_matches_alembic():
    assert schema.HEAD == head_revision()


def test_empty_database_is_migrated_to_head_on_open(backend_workspace):
    engine = open_database(backend_workspace)
    with engine.connect() as connection:
        assert schema.database_revision(connection) == schema.HEAD
        tables = set(inspect(connection).get_table_names())
    assert {"organ", "meeting", "arende", "agendaitem", "attachment"} <= tables
    engine.dispose()


def test_migrations_build_exactly_the_models(backend_workspace):
    engine = open_database(backend_workspace)
    with engine.connect() as connection:
        opts = {"compare_type": True, "include_name": modelled}
        context = MigrationContext.configure(connection, opts=opts)
        assert compare_metadata(context, SQLModel.metadata) == []
    engine.dispose()


def test_reopening_keeps_data_and_revision(backend_workspace):
    engine = open_database(backend_workspace)
    with Session(engine) as session:
        organ = Organ(code="von", name="Vård- och omsorgsnämnden", diarium_prefix="von")
        session.add(organ)
        session.commit()
        session.add(Meeting(organ_id=organ.id, date=dt.date(2019, 9, 19)))
        session.commit()
    engine.dispose()

    engine = open_database(backend_workspace)
    with Session(engine) as session:
        assert [m.date for m in session.exec(select(Meeting))] == [dt.date(2019, 9, 19)]
    engine.dispose()


def test_database_without_version_stamp_is_upgraded(tmp_path):
    """A file that exists but was never migrated (e.g. created empty) gets the schema."""
    path = tmp_path / "namnd.db"
    bare = make_engine(f"sqlite:///{path}")
    with bare.begin() as connection:
        connection.execute(text("CREATE TABLE unrelated (x INTEGER)"))
    bare.dispose()
    from namnd.storage.workspace import resolve

    engine = open_database(resolve(tmp_path))
    with engine.connect() as connection:
        assert schema.database_revision(connection) == schema.HEAD
        assert "unrelated" in inspect(connection).get_table_names()
    engine.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(workspace):
    engine = open_database(workspace)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


# --- 0020: justering, yrkanden and subject are the columns' names ----------------------

BEFORE_NAMES = "0017"  # the revision before 0020 renamed the columns
RENAMED = {
    "meeting": {"adjustment_text": "justering_text"},
    "organrules": {"adjustment_days": "justering_days"},
    "protocol": {
        "adjusters": "justerare",
        "adjustment_place": "justering_place",
        "adjustment_date": "justering_date",
        "adjustment_time": "justering_time",
        "adjusted_on": "justerat_on",
    },
    "paragraph": {"motions": "yrkanden"},
    "delegationdecision": {"matter": "subject"},
    "delegationcode": {"matter": "subject"},
}


def _migrate(workspace, command_name: str, revision: str) -> None:
    engine = create_engine(workspace.database_url)
    with engine.begin() as connection:
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        getattr(command, command_name)(config, revision)
    engine.dispose()


def _renamed_columns(workspace, *, old: bool) -> dict[str, list[tuple]]:
    """Every renamed column's values, by table and row id, read under the old or new names."""
    engine = create_engine(workspace.database_url)
    with engine.connect() as connection:
        present = {t: {c["name"] for c in inspect(connection).get_columns(t)} for t in RENAMED}
        values = {}
        for table, names in RENAMED.items():
            columns = list(names) if old else list(names.values())
            assert (
                set(columns) <= present[table]
                and not set(names.values() if old else names) & present[table]
            )
            query = f"SELECT id, {', '.join(columns)} FROM {table} ORDER BY id"
            values[table] = [tuple(row) for row in connection.execute(text(query))]
    engine.dispose()
    return values


def test_the_renamed_columns_keep_their_values_down_and_up_again(backend_workspace):
    workspace = backend_workspace
    store = Store.open(workspace)
    load_demo(store)
    meeting = store.schedule.find_meeting("2019-09-19").id
    store.protocols.replace(meeting, sample_protocol())
    store.schedule.save_rules(OrganRulesChanges(justering_days=10))
    store.close()
    _migrate(workspace, "downgrade", BEFORE_NAMES)
    # A database made before 0020: written under the old names.
    engine = create_engine(workspace.database_url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE meeting SET adjustment_text = 'Per Ek, torsdag 26 september' WHERE id = :id"
            ),
            {"id": meeting},
        )
        connection.execute(text("UPDATE organrules SET adjustment_days = 11"))
    engine.dispose()
    before = _renamed_columns(workspace, old=True)
    assert all(before.values()), "every renamed column has rows to carry"

    store = Store.open(workspace)  # upgrades to 0020
    assert _renamed_columns(workspace, old=False) == before
    view = store.protocols.get(meeting)
    assert view is not None
    assert view.protocol.justering == sample_protocol().justering
    assert view.protocol.paragraph(90).yrkanden == sample_protocol().paragraph(90).yrkanden
    assert (
        store.agendas.meeting_details(meeting)[0].justering_text == "Per Ek, torsdag 26 september"
    )
    assert store.schedule.rules().justering_days == 11
    assert all(code.subject for code in store.delegation.codes())
    store.close()

    _migrate(workspace, "downgrade", BEFORE_NAMES)
    assert _renamed_columns(workspace, old=True) == before
    _migrate(workspace, "upgrade", "head")
    assert _renamed_columns(workspace, old=False) == before


# --- 0021: the delegationsbeslut rows lose the date index no query reads by ----------------


def _row_indexes(workspace) -> tuple[set[str], int]:
    engine = create_engine(workspace.database_url)
    with engine.connect() as connection:
        names = {index["name"] for index in inspect(connection).get_indexes("delegationlistrow")}
        rows = connection.execute(text("SELECT count(*) FROM delegationlistrow")).scalar_one()
    engine.dispose()
    return names, rows


def test_the_date_index_of_delegation_rows_goes_and_the_rows_stay(backend_workspace):
    from namnd.operations.delegation_import import import_delegation_list

    store = Store.open(backend_workspace)
    load_demo(store)
    rows_file = backend_workspace.root / "rader.tsv"
    rows_file.write_text(
        "Beslutsfattare\tBeslutsdatum\tBeslut\tAnledning till avslag\tFödelseår\tKön\n"
        "Handläggare 1\t2019-08-02\tBifall Hemtjänst enligt 4 kap. 1 § SoL\t\t1940\tK\n",
        encoding="utf-8",
    )
    import_delegation_list(store.delegation, rows_file, meeting="2019-09-19", by="kerstin")
    store.close()
    _migrate(backend_workspace, "downgrade", "0020")
    names, rows = _row_indexes(backend_workspace)
    assert "ix_delegationlistrow_decision_date" in names and rows > 0

    Store.open(backend_workspace).close()  # upgrades to 0021

    assert _row_indexes(backend_workspace) == (names - {"ix_delegationlistrow_decision_date"}, rows)
