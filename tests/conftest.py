"""Shared fixtures: every test gets its own workspace, never the developer's database."""

from __future__ import annotations

import gc
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from namnd.renderers.kept_office import keep_office_running
from namnd.storage.store import Store
from namnd.storage.workspace import Workspace, resolve
from tests.built_once import built_once
from tests.templates import Templates, new_postgres_database

# Bytecode is written and reused whatever the shell says (some set PYTHONDONTWRITEBYTECODE):
# otherwise every xdist worker compiles namnd and rewrites every test module anew, and so
# does every CLI process a test starts (about 6 s a worker, a tenth of a second a process).
# The workers and those processes are started after this, with the variable gone.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False

# A test process converts as the TUI does: on a LibreOffice left running on its kept
# profile after the first conversion (each test process has its own cache folder), not a
# LibreOffice started for each (about a second of CPU, forty times a run). The CLI's
# processes, which the tests also start, convert on one of their own as ever.
keep_office_running()

#: The demo's meeting (``load_demo``).
DEMO_DAY = "2019-09-19"

#: The longest tests (``--durations=30``), longest first, started first: under
#: pytest-xdist a worker that began one of them last would keep the whole run waiting.
#: Workers take the next test whenever they run short (``--dist loadgroup``); a test of an
#: ``xdist_group`` here brings its whole group forward. Only the order changes; a test
#: renamed or gone here just runs in its usual place.
SLOW_FIRST = (
    "tests/storage/test_send_kallelse.py::test_the_demo_reaches_each_list_once_with_its_version",
    "tests/tui/test_protocol_screen.py::test_minute_a_meeting_with_keys_only",
    "tests/storage/test_public_fuzz.py::test_no_confidential_text_in_any_public_output_sqlite",
    "tests/renderers/test_handlingar_pdf.py::test_bookmarks_follow_the_foredragningslista_and_bilagor_follow_their_memo",
    "tests/earkiv/test_archive_package.py::test_the_demo_package_passes_eark_validator",
    "tests/tui/test_organ_form.py::test_from_an_empty_workspace_create_the_namnd_and_its_arbetsutskott",
    "tests/tui/test_protocol_screen.py::test_uppdrag_in_a_minuted_beslut_are_proposed_for_the_register",
    "tests/storage/test_public_fuzz.py::test_no_confidential_text_in_any_public_output_postgresql",
    "tests/tui/test_send_kallelse_screen.py::test_s_asks_then_sends_and_names_each_recipient",
    "tests/renderers/test_public_site.py::test_publish_the_demo_after_justering",
    "tests/signing/test_protocol_signing.py::test_ordforande_then_justerare_sign_and_only_then_it_is_justerat",
    "tests/tui/test_anslagstavla.py::test_p_publishes_the_justerat_protokoll",
    "tests/tui/test_announcements.py::test_add_an_anmald_handling_with_keys",
    "tests/tui/test_members_screen.py::test_a_mandate_period_is_read_from_a_spreadsheet",
    "tests/tui/test_public_marks.py::test_a_personnummer_typed_in_a_public_arende_is_marked",
    "tests/tui/test_handlingar_screen.py::test_ctrl_b_copies_a_picked_file_in_as_a_bilaga",
    "tests/tui/test_kallelse_editing.py::test_build_a_kallelse_and_mark_it_granskad",
    "tests/unit/test_agenda_markdown.py::test_dump_parse_dump_is_identical",
    "tests/storage/test_delegation_import.py::test_hundred_thousand_rows_import",
    "tests/renderers/test_check_public_cli.py::test_the_pdf_kallelse_internal_refused_public_passes",
    "tests/renderers/test_protocol_docx.py::test_pdfa_for_publication_and_the_archive",
)


#: Test processes per core. A Pilot test waits for the app to go idle after every key
#: (Textual's pilot sleeps at least 40 ms a key) and the tmux, SMTP and LibreOffice tests
#: wait on other processes: with one worker a core, the cores were idle some 40 % of the
#: run (December 2026: 483 s with 2 workers, 412 s with 4, both cores then busy).
WORKERS_PER_CORE = 2


#: Collections of the middle generation between two full ones (Python's default: 10).
FULL_COLLECTION_EVERY = 100


def pytest_xdist_auto_num_workers(config) -> int:
    """``-n auto``: two workers a core, as :data:`WORKERS_PER_CORE` explains."""
    return WORKERS_PER_CORE * (len(os.sched_getaffinity(0)) or 1)


def pytest_collection_modifyitems(items) -> None:
    rank = {name: i for i, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(_name(item.nodeid), len(rank)))


def pytest_collection_finish(session) -> None:
    """Leave what was imported and collected out of later garbage collections, and
    make the full collections rarer.

    A worker holds namnd, Textual, SQLAlchemy, Hypothesis and every test module: some
    260 000 objects that live as long as the process. Python's full collections walked
    them all again, dozens of times a worker: in the TUI tests the collector took a
    third of the CPU time. Frozen here (``gc.freeze``), they are never walked again.
    What the tests make is still collected, the youngest objects as often as before,
    the full collections a tenth as often (each still walks Textual's caches and the
    running test's app). December 2026 on this 2-core machine, five TUI and storage
    modules (75 tests, 4 workers), twice each, interleaved: 136 s of CPU and 84 s
    without either, 128 s and 81 s frozen, 110 s and 76 s frozen and with rarer full
    collections (peak memory of a worker 250 → 295 MB). Larger young generations
    (50 000 objects) made fewer collections but cost more.
    """
    gc.collect()
    gc.freeze()
    youngest, middle, _oldest = gc.get_threshold()
    gc.set_threshold(youngest, middle, FULL_COLLECTION_EVERY)


def _name(nodeid: str) -> str:
    """The test's name without its parameters and its xdist group (``…[sqlite]@group``)."""
    return nodeid.split("[")[0].split("@")[0]


@pytest.fixture(scope="session")
def _process_cache(tmp_path_factory):
    """This test process's cache folder (the kept LibreOffice profile), for all its tests."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch, tmp_path, _process_cache):
    """Keep the developer's own workspace and database out of every test."""
    monkeypatch.delenv("NAMND_DATABASE_URL", raising=False)
    monkeypatch.setenv("NAMND_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("NAMND_CONFIG_DIR", str(tmp_path / "config"))
    # The default workspace (platformdirs' data folder) on Linux, kept out of ~ too.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    # The cache folder, shared by this process's tests: LibreOffice's profile is made once.
    monkeypatch.setenv("XDG_CACHE_HOME", str(_process_cache))


@pytest.fixture
def workspace(tmp_path) -> Workspace:
    return resolve(tmp_path / "ws")


@pytest.fixture(scope="session")
def templates(tmp_path_factory) -> Templates:
    """This test process's template databases (tests/templates.py)."""
    return Templates(tmp_path_factory.mktemp("templates"))


@pytest.fixture
def store(request, workspace, templates) -> Store:
    """The workspace's database, migrated; with the demo loaded when the test asks for
    ``demo_store`` (then both are the same Store). Copied from a template
    (tests/templates.py): the database the migrations and ``load_demo`` make, in
    milliseconds rather than a second."""
    assert workspace.sqlite_path is not None
    if not workspace.sqlite_path.exists():  # else already there (demo_workspace)
        kind = "demo" if "demo_store" in request.fixturenames else "empty"
        templates.sqlite_into(kind, workspace)
    store = Store.open(workspace)
    yield store
    store.close()


@pytest.fixture
def demo_workspace(workspace, templates) -> Workspace:
    """The workspace as ``namnd demo`` leaves it, for the tests of other CLI verbs: a copy
    of the demo template, not the half a second of CPU that loading it takes (the verb
    itself is tested in tests/storage/test_demo.py)."""
    templates.sqlite_into("demo", workspace)
    return workspace


@pytest.fixture
def demo_store(store) -> Store:
    """The demo nämnd (``load_demo``) in the test's own workspace."""
    return store


# --- the demo's kallelse med handlingar --------------------------------------------------


@dataclass(frozen=True)
class DemoHandlingar:
    """The built package and the workspace it was built in."""

    path: Path
    workspace: Workspace


@pytest.fixture(scope="session")
def demo_handlingar(tmp_path_factory, templates) -> DemoHandlingar:
    """The demo meeting's kallelse med handlingar (internal), built once per test run.

    LibreOffice makes its pages, some twenty documents. The build leaves them in its
    workspace's cache (``handlingar_export.CACHE``), which ``demo_pdf_cache`` hands on.
    The first worker that needs it builds it (``tests/built_once.py``); tests only read it.
    """
    from tests.renderers.docx_helpers import require_libreoffice

    require_libreoffice()

    def build(folder: Path) -> None:
        from namnd.operations.handlingar_export import default_path, export_handlingar

        workspace = resolve(folder / "ws")
        templates.sqlite_into("demo", workspace)
        store = Store.open(workspace)
        try:
            path = default_path(workspace, store, DEMO_DAY, public=False)
            export_handlingar(store, DEMO_DAY, path)
        finally:
            store.close()
        (folder / "package").write_text(str(path.relative_to(folder)), encoding="utf-8")

    folder = built_once(tmp_path_factory, "demo-handlingar", build)
    package = folder / (folder / "package").read_text(encoding="utf-8")
    return DemoHandlingar(package, resolve(folder / "ws"))


@pytest.fixture
def demo_pdf_cache(demo_store, demo_handlingar) -> None:
    """The demo's pages as LibreOffice made them, in the test's workspace cache.

    For the tests of what is done with the package (sending, inkallelse, the archive):
    the test's own build finds every unchanged page there, as a user's rebuild does, and
    converts only what the test changed. The conversion itself is tested where the package
    is made (tests/renderers/test_handlingar_pdf.py).
    """
    from namnd.operations.handlingar_export import CACHE

    built = demo_handlingar.workspace.root / CACHE
    shutil.copytree(built, demo_store.workspace.root / CACHE, dirs_exist_ok=True)


# --- PostgreSQL ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_server():
    """One PostgreSQL server per test process (see tests/pg_server.py): each pytest-xdist
    worker starts its own, on a free port in its own folder."""
    import os

    from tests.pg_server import TempPostgres

    own = os.environ.get("NAMND_TEST_POSTGRES_URL")
    if own:
        yield own
        return
    try:
        server = TempPostgres.start()
    except Exception as err:  # no binaries, or initdb failed: say why
        if os.environ.get("NAMND_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL could not be started: {err}")
        pytest.skip(f"PostgreSQL not available: {err}")
    yield server.url()
    server.stop()


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A fresh, empty database on the test server."""
    return new_postgres_database(postgres_server)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_workspace(request, tmp_path, templates) -> Workspace:
    """The same test on the embedded SQLite and on a real PostgreSQL server.

    Empty (test_migrations migrates it); a copy of the migrated template when the test
    asks for ``backend_store``, of the demo when it asks for ``backend_demo_store``.
    """
    names = request.fixturenames
    kind = None
    if "backend_store" in names:
        kind = "demo" if "backend_demo_store" in names else "empty"
    if request.param == "sqlite":
        workspace = resolve(tmp_path / "ws")
        if kind:
            templates.sqlite_into(kind, workspace)
        return workspace
    server = request.getfixturevalue("postgres_server")
    if kind:
        return resolve(tmp_path / "ws", templates.postgres_copy(server, kind, tmp_path / "ws"))
    return resolve(tmp_path / "ws", new_postgres_database(server))


@pytest.fixture
def backend_store(backend_workspace) -> Store:
    store = Store.open(backend_workspace)
    yield store
    store.close()


@pytest.fixture
def backend_demo_store(backend_store) -> Store:
    """The demo nämnd (``load_demo``) on each backend; the same Store as ``backend_store``."""
    return backend_store


@pytest.fixture
def smtp_server():
    """A real SMTP server on 127.0.0.1 (aiosmtpd); ``.url`` to send to, ``.sink`` to read."""
    from tests import smtp_server as smtp

    running = smtp.start()
    yield running
    running.controller.stop()


# --- a real browser (tests/browser.py) ---------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    """Headless chromium under selenium, started once per test process."""
    from tests.browser import start_browser

    driver = start_browser()
    yield driver
    driver.quit()
