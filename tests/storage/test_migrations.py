"""Alembic owns the schema: from an empty database, and upgrades that keep data."""

from __future__ import annotations

import datetime as dt

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import Session, SQLModel, select

import namnd.domain.tables  # noqa: F401
from namnd.domain.models import Meeting, Organ
from namnd.storage import schema
from namnd.storage.database import make_engine, open_database
from namnd.storage.migrate import head_revision
from namnd.storage.search_index import modelled


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
