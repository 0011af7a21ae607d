"""Bilagor as files on import: copied with their SHA-256, all or nothing, new versions."""

from __future__ import annotations

import hashlib

import pytest

from namnd.errors import InvalidInput
from namnd.operations.agenda_files import export_agenda_markdown, import_agenda_file
from namnd.storage import agendas
from namnd.storage.agendas import MeetingExists
from tests.unit.test_bilaga_files import blank_pdf

AGENDA = """---
nämnd: Miljö- och hälsoskyddsnämnden
kod: mhn
datum: 2026-05-20
tid: 09:00
plats: Rådhuset
---

## 1. Tillsynsplan 2026

Dnr: mhn/2026:12

### Förslag till beslut

Nämnden antar tillsynsplanen.

### Bilagor

- Tillsynsplan 2026 [fil: bilagor/plan.pdf]
- {second}
"""


def write_agenda(folder, second="Taxa [fil: bilagor/taxa.tsv]"):
    (folder / "bilagor").mkdir(parents=True, exist_ok=True)
    (folder / "bilagor" / "plan.pdf").write_bytes(blank_pdf())
    (folder / "bilagor" / "taxa.tsv").write_text("Avgift\tKronor\nTimavgift\t1 250\n")
    path = folder / "2026-05-20-mhn.md"
    path.write_text(AGENDA.format(second=second))
    return path


def handlingar(workspace):
    folder = workspace.agendas / "handlingar"
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_files_are_copied_with_their_sha256_and_the_file_round_trips(backend_store, tmp_path):
    path = write_agenda(tmp_path / "in")
    result = import_agenda_file(backend_store, path)
    view = backend_store.agendas.agenda(result.meeting_id)
    _, attachments = backend_store.agendas.arende(view.entries[0].arende_id)
    plan = attachments[0]
    assert (
        plan.sha256 == hashlib.sha256((tmp_path / "in/bilagor/plan.pdf").read_bytes()).hexdigest()
    )
    assert (
        plan.stored == f"agendas/handlingar/2026-05-20-mhn/tillsynsplan-2026-{plan.sha256[:12]}.pdf"
    )
    workspace = backend_store.workspace
    assert (workspace.root / plan.stored).read_bytes() == blank_pdf()
    assert attachments[1].stored.endswith(".tsv")
    exported = export_agenda_markdown(backend_store, "2026-05-20")
    assert "- Tillsynsplan 2026 [fil: bilagor/plan.pdf]\n- Taxa [fil: bilagor/taxa.tsv]" in exported


@pytest.mark.parametrize(
    ("second", "says"),
    [
        ("Taxa [fil: ../../hemlig.tsv]", "får inte gå uppåt"),
        ("Taxa [fil: /etc/passwd]", "ska vara relativ"),
        ("Taxa [fil: bilagor/saknas.pdf]", "finns inte"),
        ("Taxa [fil: bilagor/taxa.docx]", "inte en Word-dokument"),
        ("Taxa [fil: bilagor/last.pdf]", "krypterad"),
    ],
)
def test_a_bad_bilaga_names_itself_and_its_line_and_leaves_nothing(store, tmp_path, second, says):
    path = write_agenda(tmp_path / "in", second)
    (tmp_path / "in/bilagor/taxa.docx").write_bytes(blank_pdf())
    (tmp_path / "in/bilagor/last.pdf").write_bytes(blank_pdf(password="x"))
    with pytest.raises(InvalidInput) as err:
        import_agenda_file(store, path)
    message = str(err.value)
    assert message.startswith("2026-05-20-mhn.md, rad 20: bilagan ”Taxa” i ärende 1: ")
    assert says in message
    assert store.schedule.meetings() == []
    assert handlingar(store.workspace) == []


def test_a_failure_after_copying_removes_the_copies(store, tmp_path, monkeypatch):
    path = write_agenda(tmp_path / "in")

    def broken(**_):
        raise InvalidInput("databasen vägrade")

    monkeypatch.setattr(agendas, "insert_agenda", broken)
    with pytest.raises(InvalidInput, match="vägrade"):
        import_agenda_file(store, path)
    assert handlingar(store.workspace) == []
    assert not (store.workspace.agendas / "handlingar" / "2026-05-20-mhn").exists()


def test_a_changed_original_is_offered_as_a_new_version(store, tmp_path):
    path = write_agenda(tmp_path / "in")
    import_agenda_file(store, path)
    with pytest.raises(MeetingExists, match="har redan ett sammanträde"):
        import_agenda_file(store, path)  # nothing changed: refused as before
    changed = blank_pdf() + b"\n% rev 2\n"
    (tmp_path / "in/bilagor/plan.pdf").write_bytes(changed)
    with pytest.raises(
        InvalidInput, match=r"ändrats.*”Tillsynsplan 2026” \(ärende 1\).*--new-versions"
    ):
        import_agenda_file(store, path)
    result = import_agenda_file(store, path, new_versions=True)
    assert result.new_versions == ("”Tillsynsplan 2026” (ärende 1)",)
    _, attachments = store.agendas.arende(
        store.agendas.agenda(result.meeting_id).entries[0].arende_id
    )
    assert attachments[0].version == 2
    assert attachments[0].sha256 == hashlib.sha256(changed).hexdigest()
    assert len([n for n in handlingar(store.workspace) if n.startswith("tillsynsplan")]) == 2


def test_the_demo_copies_its_bilagor_once(store):
    from namnd.operations.demo import load_demo

    load_demo(store)
    first = handlingar(store.workspace)
    assert len(first) == 13 and any(n.startswith("genomlysning-myndighet") for n in first)
    assert not load_demo(store).changed
    assert handlingar(store.workspace) == first
