"""Pilot tests: H builds the kallelse med handlingar; ctrl+b adds a bilaga from a file."""

from __future__ import annotations

from textual.widgets import Input, ProgressBar, Static, TextArea

from namnd.tui.screens.arende_editor import ArendeEditorScreen
from namnd.tui.screens.handlingar import HandlingarScreen
from tests.tui.conftest import settle
from tests.unit.test_bilaga_files import blank_pdf


async def test_h_stops_on_a_missing_bilaga_file_and_writes_no_package(demo_store, make_app):
    workspace = demo_store.workspace
    (copy,) = (workspace.agendas / "handlingar" / "2019-09-19-von").glob("motion-*.pdf")
    copy.unlink()
    app = make_app(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")  # 19 September 2019, on top
        await settle(app, pilot)
        await pilot.press("H")
        await pilot.pause()
        assert isinstance(app.screen, HandlingarScreen)
        await pilot.press("enter")  # Skapa PDF
        await settle(app, pilot)
        status = str(app.screen.query_one("#build-status", Static).render())
        assert "Inte skriven" in status
        assert (
            "Motion – Halvera matsvinnet till 2025 (V)" in status and "finns inte längre" in status
        )
        assert app.screen.query_one(ProgressBar).progress > 0
    assert not list(workspace.agendas.glob("*.pdf"))


async def test_ctrl_b_copies_a_picked_file_in_as_a_bilaga(demo_store, make_app, tmp_path):
    picked = tmp_path / "elsewhere" / "Underlag från revisorerna.pdf"
    picked.parent.mkdir()
    picked.write_bytes(blank_pdf())
    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("e")  # ärende 1
        await settle(app, pilot)
        assert isinstance(app.screen, ArendeEditorScreen)
        arende_id = app.screen.arende_id
        await pilot.press("ctrl+b")
        await pilot.pause()
        app.screen.query_one(Input).focus()
        await pilot.press(*str(picked))
        await pilot.press("tab", *"Revisorernas underlag")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        area = app.screen.query_one("#attachments", TextArea)
        assert "Revisorernas underlag [fil: handlingar/2019-09-19-von/revisorernas-underlag-" in (
            area.text
        )
        await pilot.press("escape")  # saves and leaves
        await settle(app, pilot)
    _, attachments = demo_store.agendas.arende(arende_id)
    (added,) = [a for a in attachments if a.title == "Revisorernas underlag"]
    assert added.sha256 and added.source == str(picked)
    assert (demo_store.workspace.root / added.stored).read_bytes() == blank_pdf()


def test_cli_export_handlingar_names_the_missing_file_and_exits_1(demo_workspace, capsys):
    from namnd.cli.main import main

    workspace = demo_workspace.root
    for copy in (workspace / "agendas" / "handlingar" / "2019-09-19-von").glob("tidsplan-*"):
        copy.unlink()
    assert main(["--workspace", str(workspace), "export", "handlingar", "2019-09-19"]) == 1
    err = capsys.readouterr().err
    assert "Bilagan ”Tidsplan för budget och uppföljningsprocessen 2020” (ärende 8)" in err
    assert "finns inte längre i arbetsmappen" in err and "Traceback" not in err
    assert not list((workspace / "agendas").glob("*.pdf"))
