"""The Delegationsbeslut ärende in the Word kallelse: counts in public, rows only in secret."""

from __future__ import annotations

import zipfile

import docx

from namnd.operations.delegation_import import import_delegation_list
from namnd.operations.demo import demo_dir
from namnd.operations.kallelse_export import export_kallelse

LISTS = {
    "lss-sfb": "Beslut LSS SFB",
    "sol-under-65": "Beslut SoL under 65 år",
    "sol-over-65": "Beslut SoL över 65 år",
}


def _with_lists(store):
    for name, title in LISTS.items():
        import_delegation_list(
            store.delegation,
            demo_dir() / "data" / f"delegationsbeslut-2019-08-{name}.tsv",
            meeting="2019-09-19",
            by="test",
            period="2019-08",
            list_name=title,
        )
    return store


def _package(path) -> str:
    with zipfile.ZipFile(path) as package:
        return "\n".join(package.read(n).decode("utf-8", "replace") for n in package.namelist())


def test_internal_kallelse_has_grouped_decisions_counts_and_secret_rows(demo_store, tmp_path):
    path = export_kallelse(
        _with_lists(demo_store), "2019-09-19", fmt="docx", path=tmp_path / "k.docx"
    )
    doc = docx.Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert "D2 Attesträtt, lokalstrateg, von/2019:29:17" in texts
    assert "Beslut LSS SFB, 2019-08 (77 beslut)" in texts
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Sekretessbelagda bilagor" in headings
    assert "Beslut LSS SFB, 2019-08 (sekretess)" in headings
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert "Silfver, Tomas" in cells and "Bifall" in cells


def test_no_individual_row_reaches_the_public_kallelse(demo_store, tmp_path):
    store = _with_lists(demo_store)
    path = export_kallelse(store, "2019-09-19", fmt="docx", path=tmp_path / "p.docx", public=True)
    package = _package(path)
    for personal in ("Silfver, Tomas", "Vergara Robello", "Ej bostadsrelaterad", "20190814",
                     "2019-08-14", "Sekretessbelagda bilagor"):  # fmt: skip
        assert personal not in package
    doc = docx.Document(str(path))
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert "Totalt" in cells  # the counts are public
    assert not any(c.isdigit() and len(c) == 4 and c.startswith(("19", "20")) for c in cells)
