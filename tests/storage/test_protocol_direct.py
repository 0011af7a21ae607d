"""The CLI's ORM-free protokoll reader prints what the Store's reader prints, or leaves it.

Checked on the demo (votering, an omedelbart justerad §, the seed's three delegation
lists, the organ's own rules and Word template) and on another kommun's socialnämnd
with its arbetsutskott (a sekretess ärende, a rättelse, two organs in one workspace).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from namnd.cli.main import main
from namnd.domain.changes import OrganChanges, OrganRulesChanges
from namnd.domain.models import Meeting, Organ
from namnd.errors import NamndError
from namnd.operations.delegation_import import import_delegation_list
from namnd.operations.demo import demo_dir
from namnd.operations.exports import ExportOptions, export
from namnd.operations.printed_protocol import read_direct
from namnd.operations.protocol_export import import_protocol, read_protocol
from namnd.storage.store import Store
from namnd.storage.workspace import resolve

DATA = Path(__file__).parent.parent / "data" / "socialnamnd"
DEMO_PROTOCOL = Path(__file__).parents[2] / "protocols" / "2019-09-19-von.md"
LISTS = [
    demo_dir() / "data" / f"delegationsbeslut-2019-08-{n}.tsv"
    for n in ("lss-sfb", "sol-under-65", "sol-over-65")
]
WORD = ExportOptions("docx")


def _same_reading(store: Store, ref: str) -> None:
    direct = read_direct(store.workspace, ref)
    assert direct is not None, "an up-to-date SQLite workspace is read directly"
    assert direct.view == read_protocol(store, ref, WORD)
    meeting = store.schedule.find_meeting(ref)
    assert (direct.day, direct.organ_code) == (meeting.date, meeting.organ_code)


@pytest.fixture
def minuted(demo_store) -> Store:
    """The demo with its protokoll."""
    import_protocol(demo_store, DEMO_PROTOCOL)
    return demo_store


def test_the_demo_reads_alike_with_lists_rules_and_template(minuted, tmp_path):
    demo_store = minuted
    for path in LISTS:
        import_delegation_list(demo_store.delegation, path, meeting="2019-09-19", by="t")
    demo_store.schedule.save_rules(OrganRulesChanges(justering_days=7, posting_days=1))
    template = tmp_path / "mall.docx"
    docx.Document().save(str(template))
    demo_store.organs.edit("von", OrganChanges(template_path=str(template)))

    direct = read_direct(demo_store.workspace, "2019-09-19")
    assert direct is not None
    view = direct.view
    assert view.template == template
    assert view.after is not None and view.after.justering_deadline == dt.date(2019, 9, 26)
    assert any(p.vote is not None for p in view.protocol.paragraphs)
    assert [p.number for p in view.after.immediate] == [89]
    (counts,) = view.under_item.values()
    assert "(77 beslut)" in counts and "Östman" not in counts, "counts, never the rows"
    assert any(item.bilagor for item in view.items.values()), "the beslutsunderlag"
    _same_reading(demo_store, "2019-09-19")
    _same_reading(demo_store, str(demo_store.schedule.find_meeting("2019-09-19").id))


@pytest.fixture
def social(tmp_path, capsys) -> Store:
    """Another kommun's socialnämnd and its arbetsutskott, each with a protokoll."""
    ws = ["--workspace", str(tmp_path / "ws")]
    for name in ("kallelse", "protokoll", "arbetsutskott-kallelse", "arbetsutskott-protokoll"):
        verb = "protokoll" if "protokoll" in name else "agenda"
        assert main([*ws, "import", verb, str(DATA / f"{name}.md")]) == 0
    capsys.readouterr()
    store = Store.open(resolve(tmp_path / "ws"))
    yield store
    store.close()


def test_another_kommun_reads_alike(social):
    _same_reading(social, "2026-03-12")
    _same_reading(social, "2026-02-26")
    direct = read_direct(social.workspace, "2026-03-12")
    assert direct is not None and direct.organ_code == "sn"
    assert direct.view.protocol.corrections, "the rättelse is read"
    assert direct.view.template is None and direct.view.under_item == {}


def _errors(store: Store, ref: str) -> tuple[str, str]:
    with pytest.raises(NamndError) as by_store:
        read_protocol(store, ref, WORD)
    with pytest.raises(NamndError) as by_direct:
        read_direct(store.workspace, ref)
    assert type(by_direct.value) is type(by_store.value)
    return str(by_store.value), str(by_direct.value)


def test_errors_are_the_stores(social):
    with social.session() as session:
        organ = session.get(Organ, 1)
        session.add(Meeting(organ_id=organ.id, date=dt.date(2026, 4, 2)))
        session.add(Meeting(organ_id=organ.id, date=dt.date(2026, 3, 12), place="Annan"))
        session.commit()
    for ref in ("2026-04-02", "2026-03-12", "1999-01-01", "9999", "igår"):
        by_store, by_direct = _errors(social, ref)
        assert by_direct == by_store, ref
    assert "inget protokoll ännu" in _errors(social, "2026-04-02")[0]
    assert "Flera sammanträden" in _errors(social, "2026-03-12")[0]


def test_left_to_the_store_without_a_current_sqlite_database(tmp_path):
    assert read_direct(resolve(tmp_path / "ingen"), "2019-09-19") is None


def test_the_cli_exports_without_the_orm_the_stores_document(minuted, workspace, tmp_path):
    by_cli = tmp_path / "cli.docx"
    code = (
        "import sys; from namnd.cli.main import main; "
        f"assert main(['--workspace', {str(workspace.root)!r}, 'export', 'protokoll', "
        f"'2019-09-19', '--format', 'docx', '-o', {str(by_cli)!r}]) == 0; "
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == [f"Skrev {by_cli}.", "[]"]
    by_store = tmp_path / "store.docx"
    export(minuted, "protokoll", "2019-09-19", fmt="docx", path=by_store)
    with zipfile.ZipFile(by_cli) as a, zipfile.ZipFile(by_store) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")


def test_the_cli_default_file_is_the_stores(minuted, workspace, capsys):
    assert main(["--workspace", str(workspace.root), "export", "protokoll", "2019-09-19"]) == 0
    assert capsys.readouterr().out == f"Skrev {workspace.protocols / '2019-09-19-von.docx'}.\n"
