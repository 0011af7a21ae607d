"""The export registry (``operations.exports``): the CLI's verbs and choices, the TUI's
palette entries, and what an export's process loads."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from namnd.cli.parser import build_parser
from namnd.errors import InvalidInput
from namnd.operations.exports import EXPORTS, _resolve, export
from tests.protocol_sample import draft_protocol


def _export_verbs() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    (verbs,) = [
        a for a in commands.choices["export"]._actions if isinstance(a, argparse._SubParsersAction)
    ]
    return verbs.choices


def _format_option(verb: argparse.ArgumentParser) -> argparse.Action | None:
    return next((a for a in verb._actions if "--format" in a.option_strings), None)


def test_the_cli_export_verbs_with_formats_are_the_registrys_documents():
    verbs = _export_verbs()
    with_formats = {name for name, verb in verbs.items() if _format_option(verb) is not None}
    assert with_formats == set(EXPORTS)
    for name, document in EXPORTS.items():
        option = _format_option(verbs[name])
        assert option is not None
        assert tuple(option.choices) == document.formats
        assert option.default == document.default_format


def test_every_document_is_written_in_its_writers_formats_and_pdf():
    for document in EXPORTS.values():
        assert document.formats == (*document.writers, "pdf")
        assert document.default_format in document.formats
        assert callable(_resolve(document.read))
        for writer in document.writers.values():
            assert callable(_resolve(writer))
        for entry in document.menu:
            assert entry.fmt in document.formats
            assert document.entry(entry.action) is entry


@pytest.mark.parametrize(
    ("screen", "name"),
    [
        ("namnd.tui.screens.agenda:AgendaScreen", "kallelse"),
        ("namnd.tui.screens.protocol:ProtocolScreen", "protokoll"),
    ],
)
def test_every_export_in_a_screens_palette_comes_from_the_registry(screen, name):
    cls = _resolve(screen)
    document = EXPORTS[name]
    actions = {entry.action for entry in document.menu}
    # The whole-document exports (utdrag and expediering are their own verbs).
    exports = [
        (title, action)
        for title, action in cls.PALETTE
        if action.startswith("export_") and action not in ("export_extract", "export_dispatch")
    ]
    assert tuple(exports) == document.palette()
    for action in actions:
        assert callable(getattr(cls, f"action_{action}"))


def test_a_format_the_document_is_not_written_in_is_refused_in_swedish(demo_store, tmp_path):
    with pytest.raises(InvalidInput, match="Kallelse kan inte skrivas som html"):
        export(demo_store, "kallelse", "2019-09-19", fmt="html", path=tmp_path / "k.html")
    assert not (tmp_path / "k.html").exists()


def test_the_protocol_exports_process_loads_no_tui_migrations_templates_or_signing(
    demo_store, workspace, tmp_path
):
    """``namnd export protokoll --format docx`` as its own process: what is in sys.modules."""
    demo_store.protocols.replace(
        demo_store.schedule.find_meeting("2019-09-19").id, draft_protocol()
    )
    target = tmp_path / "protokoll.docx"
    argv = ["--workspace", str(workspace.root), "export", "protokoll", "2019-09-19"]
    argv += ["--format", "docx", "-o", str(target)]
    unused = ["textual", "rich", "alembic", "jinja2", "pyhanko", "openpyxl", "yaml"]
    code = (
        "import json, sys; from namnd.cli.main import main; "
        f"rc = main({argv!r}); "
        f"print(json.dumps([m for m in {unused!r} if m in sys.modules])); "
        "raise SystemExit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == []
    assert target.stat().st_size > 0
