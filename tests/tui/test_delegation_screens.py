"""Pilot tests: import a delegationsbeslut list with progress; the waiting-time chart."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from textual.widgets import Input, ProgressBar, Static

from namnd.operations.demo import demo_dir
from namnd.operations.unexecuted_report import import_register
from namnd.tui.screens.delegation_import import DelegationImportScreen
from namnd.tui.screens.waiting_times import WaitingTimesScreen
from tests.tui.conftest import settle

LSS = demo_dir() / "data" / "delegationsbeslut-2019-08-lss-sfb.tsv"


async def test_import_a_list_with_progress_and_the_wrapped_row_warning(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "i")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DelegationImportScreen)
        screen.query_one("#list_name", Input).value = "Beslut LSS SFB"
        screen.query_one("#file", Input).value = str(LSS)
        screen.query_one("#file", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        status = str(screen.query_one("#import-status", Static).render())
        assert "Läste in 77 delegationsbeslut" in status
        assert "Rad 31" in status  # the repaired "Vergara Robello," / "Sergio" row
        bar = screen.query_one(ProgressBar)
        assert bar.total and bar.progress == bar.total
        # The same file again changes nothing.
        await pilot.press("enter")
        await settle(app, pilot)
        assert "redan inläst" in str(screen.query_one("#import-status", Static).render())
    assert [i.row_count for i in demo_store.delegation.imports()] == [77]


async def test_a_broken_file_is_reported_and_nothing_stored(demo_store, make_app, tmp_path):
    broken = tmp_path / "trasig.tsv"
    broken.write_text(LSS.read_text("utf-8").replace("20190814", "2019-14-08", 1), "utf-8")
    app = make_app(demo_store)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "i")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#file", Input).value = str(broken)
        screen.query_one("#file", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        status = str(screen.query_one("#import-status", Static).render())
        assert status.startswith("Inte inläst") and "rad 2" in status.lower()
    assert demo_store.delegation.imports() == []


async def test_waiting_time_chart_per_insats_and_quarter(demo_store, make_app):
    import_register(demo_store, Path("tests/data/ej-verkstallda-2019Q2.yaml"), by="test")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        assert isinstance(app.screen, WaitingTimesScreen)
        table = app.screen.query_one("#waiting-chart", Static).content
        assert isinstance(table, Table)
        insatser = [c for c in table.columns[0]._cells if c]
        assert any("Daglig verksamhet" in c for c in insatser)
        assert "2019Q2" in table.columns[1]._cells


def test_waiting_times_on_the_seed_cases():
    from namnd.formats.unexecuted_file import parse_register
    from namnd.rules.unexecuted_decisions import Quarter
    from namnd.rules.waiting_times import quarters_between, register_span, waiting_times

    decisions = parse_register(Path("tests/data/ej-verkstallda-2019Q2.yaml").read_text("utf-8"))
    first, _last = register_span(decisions)
    assert first == Quarter(2016, 2)
    series = waiting_times(decisions, quarters_between(Quarter(2019, 1), Quarter(2019, 2)))
    q2 = {insats: points[1] for insats, points in series.items()}
    assert sum(p.count for p in q2.values()) == 11 + 12  # LSS elva and SoL tolv at 30 June
    assert all(p.median_months is None or p.median_months >= 3 for p in q2.values())


async def test_the_register_is_read_in_from_the_waiting_times_screen(demo_store, make_app):
    data = Path("tests/data/ej-verkstallda-2019Q2.yaml").resolve()
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        chart = app.screen.query_one("#waiting-chart", Static)
        assert "Tryck [b]i[/b]" in str(chart.content) and "namnd import" not in str(chart.content)
        await pilot.press("i")
        await settle(app, pilot)
        await pilot.press(*"finns-inte.yaml", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen.focused, Input), "a mistake brings the dialog back"
        assert app.screen.focused.value == "finns-inte.yaml"
        app.screen.focused.value = str(data)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, WaitingTimesScreen)
        assert isinstance(app.screen.query_one("#waiting-chart", Static).content, Table)
