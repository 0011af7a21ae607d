"""The six routes by which confidential text once reached a public document (issue 11).

Another kommun's files (tests/data/socialnamnd): a socialnämnd with an LVU ärende under
sekretess, a protokoll whose § for it lacks ``Sekretess: ja`` and has a rättelse, an HTML
comment and a personnummer in public text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from namnd.cli.main import main
from namnd.formats.public_files import extract_parts, kind_of
from namnd.rules.personnummer import find_personnummer

DATA = Path(__file__).parent.parent / "data" / "socialnamnd"
DAY = "2026-03-12"
SECRET_SUMMARY = "bor hos modern på Storgatan 4"
SECRET_BILAGA = "Utredning enligt 11 kap. 1 § SoL om Kalle Svensson"
SECRET_CORRECTION = "inte hans bror Olle Svensson"
SECRET_REASON = "Skrivfel i namnet på barnet"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys, *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return out


def text_of(path: Path) -> str:
    parts = extract_parts(path.read_bytes(), kind_of(path), path.name)
    return "\n".join(part.text for part in parts)


@pytest.fixture
def ws(tmp_path, capsys) -> list[str]:
    ws = ["--workspace", str(tmp_path / "ws")]
    ok(capsys, *ws, "import", "agenda", str(DATA / "kallelse.md"))
    out = ok(capsys, *ws, "import", "protokoll", str(DATA / "protokoll.md"))
    # Route 2: the § of the sekretess ärende lacked the flag: marked, and said by line.
    assert "rad 35: § 12 gäller ärende 2, som har sekretess" in out
    return ws


def public_outputs(capsys, ws: list[str], tmp_path: Path, kind: str) -> dict[str, str]:
    outputs = {}
    for fmt in ("md", "docx"):
        target = tmp_path / f"{kind}-offentlig.{fmt}"
        ok(capsys, *ws, "export", kind, DAY, "--format", fmt, "--public", "-o", str(target))
        outputs[fmt] = text_of(target)
    return outputs


def test_route_1_a_rattelse_of_a_secret_paragraph_says_only_that_it_was_made(ws, capsys, tmp_path):
    for fmt, text in public_outputs(capsys, ws, tmp_path, "protokoll").items():
        assert SECRET_CORRECTION not in text and SECRET_REASON not in text, fmt
    assert (
        "Rättelse i § 12 den 20 mars 2026."
        in public_outputs(capsys, ws, tmp_path, "protokoll")["docx"]
    )
    internal = tmp_path / "internt.docx"
    ok(capsys, *ws, "export", "protokoll", DAY, "--format", "docx", "-o", str(internal))
    assert SECRET_CORRECTION in text_of(internal)


def test_route_2_a_paragraph_of_a_secret_arende_without_the_flag_stays_secret(ws, capsys, tmp_path):
    for fmt, text in public_outputs(capsys, ws, tmp_path, "protokoll").items():
        assert "ansöker hos förvaltningsrätten" not in text, fmt
        assert SECRET_SUMMARY not in text and SECRET_BILAGA not in text, fmt
        assert "sekretess (26 kap. 1 § OSL)" in text, fmt


def test_route_2_sekretess_nej_on_a_secret_arende_is_refused(tmp_path, capsys):
    ws = ["--workspace", str(tmp_path / "ws")]
    ok(capsys, *ws, "import", "agenda", str(DATA / "kallelse.md"))
    text = (DATA / "protokoll.md").read_text(encoding="utf-8")
    text = text.replace("Ärende: 2\n", "Ärende: 2\nSekretess: nej\n")
    (tmp_path / "p.md").write_text(text, encoding="utf-8")
    code, _, err = run(capsys, *ws, "import", "protokoll", str(tmp_path / "p.md"))
    line = text.split("\n").index("Sekretess: nej") + 1
    assert code == 1 and f"rad {line}:" in err and "ändras på ärendet" in err
    code, _out, _ = run(capsys, *ws, "export", "protokoll", DAY, "--format", "md")
    assert code == 1  # nothing was stored


def test_route_3_html_comments_are_never_printed(ws, capsys, tmp_path):
    for kind in ("kallelse", "protokoll"):
        for fmt, text in public_outputs(capsys, ws, tmp_path, kind).items():
            assert "ring handläggaren" not in text and "<!--" not in text, (kind, fmt)
    internal = tmp_path / "internt.docx"
    ok(capsys, *ws, "export", "kallelse", DAY, "--format", "docx", "-o", str(internal))
    assert "ring handläggaren" not in text_of(internal)  # a note, not even internally


@pytest.mark.parametrize(
    "number", ["19780312-4567", "780312-4567", "7803124564", "197803124564", "780372-4561"]
)
def test_route_4_personnummer_never_reach_a_public_output(number, tmp_path, capsys):
    agenda = (DATA / "kallelse.md").read_text(encoding="utf-8")
    agenda = agenda.replace("19780312-4567", number)
    agenda = agenda.replace("## 2. Ansökan om vård enligt LVU", f"## 2. Ansökan {number}")
    remiss = "Typ: yttrande\nSvar senast: 2026-03-10\nSekretess: ja\n"
    agenda = agenda.replace("Sekretess: ja\n", remiss)
    (tmp_path / "k.md").write_text(agenda, encoding="utf-8")
    ws = ["--workspace", str(tmp_path / "ws")]
    ok(capsys, *ws, "import", "agenda", str(tmp_path / "k.md"))
    outputs = public_outputs(capsys, ws, tmp_path, "kallelse")
    ok(capsys, *ws, "schedule", "2026", "--ics", str(tmp_path / "plan.ics"), "--deadlines")
    outputs["ics"] = text_of(tmp_path / "plan.ics")
    outputs["todo"] = ok(capsys, *ws, "todo", "--today", "2026-03-05")
    for fmt, text in outputs.items():
        assert not find_personnummer(text), fmt
        assert number not in text, fmt
    assert "Svar senast: Ansökan ÅÅMMDD-XXXX" in outputs["todo"]


DELEGATION_LIST = (
    "Beslutsfattare\tBeslutsdatum\tBeslut\tAnledning till avslag\tFödelseår\tKön\n"
    "Ek, Per\t20260210\tBifall Ledsagning till dotterns bröllop i Umeå enligt 4 kap, 1§ SoL"
    "\t\t1950\tKvinna\n"
    + "Ek, Per\t20260211\tBifall Hemtjänst enligt 4 kap, 1§ SoL\t\t1941\tMan\n" * 4
    + "Ek, Per\t20260212\tAvslag Hemtjänst\tPersonen klarar sig själv\t1938\tMan\n"
)


def test_route_5_public_delegation_tables_have_no_free_text_and_no_small_counts(tmp_path, capsys):
    agenda = (DATA / "kallelse.md").read_text(encoding="utf-8") + (
        "\n## 4. Delegationsbeslut\n\nDnr: sn/2026:1\nTyp: delegationsbeslut\n\n"
        "### Förslag till beslut\n\nSocialnämnden godkänner redovisningen.\n"
    )
    (tmp_path / "k.md").write_text(agenda, encoding="utf-8")
    (tmp_path / "lista.tsv").write_text(DELEGATION_LIST, encoding="utf-8")
    ws = ["--workspace", str(tmp_path / "ws")]
    ok(capsys, *ws, "import", "agenda", str(tmp_path / "k.md"))
    ok(capsys, *ws, "import", "delegationsbeslut", str(tmp_path / "lista.tsv"), "--meeting", DAY)
    public = public_outputs(capsys, ws, tmp_path, "kallelse")["docx"]
    assert "bröllop" not in public and "klarar sig" not in public
    import docx

    tables = docx.Document(str(tmp_path / "kallelse-offentlig.docx")).tables
    cells = [[c.text for c in row.cells] for table in tables for row in table.rows]
    # one Avslag under Övrigt: hidden, and with it enough cells that no sum gives it back
    assert ["4 kap. 1 § SoL", "–", "0", "–"] in cells and ["Övrigt", "0", "–", "–"] in cells
    assert ["Totalt", "–", "–", "6"] in cells
    assert not any(c in ("1", "2") for row in cells for c in row)  # small counts are "–"
    internal = tmp_path / "internt.docx"
    ok(capsys, *ws, "export", "kallelse", DAY, "--format", "docx", "-o", str(internal))
    assert "bröllop" in text_of(internal)  # the internal kallelse keeps its rows


def test_the_gate_refuses_what_the_projection_cannot_see_and_writes_nothing(ws, tmp_path, capsys):
    # The kommun's Word template carries a personnummer in its header: no projection of
    # the meeting can know it, the gate reads the rendered file back and refuses it.
    import docx

    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "Handläggare 19780312-4564"
    template.save(str(tmp_path / "mall.docx"))
    target = tmp_path / "k.docx"
    target.write_bytes(b"the previous good file")
    code, _, err = run(
        capsys, *ws, "export", "kallelse", DAY, "--format", "docx", "--public",
        "--template", str(tmp_path / "mall.docx"), "-o", str(target),
    )  # fmt: skip
    assert code == 1 and target.read_bytes() == b"the previous good file"
    assert "skrevs inte" in err and "word/header" in err and "19780312-XXXX" in err


def test_check_public_on_files_made_elsewhere(ws, capsys, tmp_path):
    internal = tmp_path / "internt.docx"
    ok(capsys, *ws, "export", "protokoll", DAY, "--format", "docx", "-o", str(internal))
    code, out, err = run(capsys, *ws, "check-public", str(internal))
    assert code == 1 and SECRET_CORRECTION[:10] in out + err
    public = tmp_path / "offentlig.docx"
    ok(capsys, *ws, "export", "protokoll", DAY, "--format", "docx", "--public", "-o", str(public))
    code, out, _ = run(capsys, *ws, "check-public", str(public))
    assert code == 0


def test_public_pdf_is_checked_too(ws, capsys, tmp_path):
    import shutil

    if not (shutil.which("libreoffice") or shutil.which("soffice")):
        pytest.skip("LibreOffice is not installed")
    target = tmp_path / "p.pdf"
    ok(capsys, *ws, "export", "protokoll", DAY, "--format", "pdf", "--public", "-o", str(target))
    from pypdf import PdfReader

    from namnd.formats.pdfa_conformance import require

    require(target, language="sv")
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Rättelse i § 12" in text and "Olle" not in text and "Storgatan" not in text
    assert dt.date.fromisoformat(DAY).year == 2026


def test_a_paragraph_of_a_secret_arende_cannot_be_made_public_from_the_protokoll(
    backend_store, tmp_path
):
    """The `s` key (or any save) may not lift sekretess that belongs to the ärende."""
    import dataclasses

    from namnd.errors import InvalidInput
    from namnd.operations.agenda_files import import_agenda_file
    from namnd.operations.protocol_export import import_protocol

    draft = (DATA / "protokoll.md").read_text(encoding="utf-8")
    head, body = draft.split("rättelser:", 1)
    draft = head.replace("justerat: 2026-03-17\n", "").replace("anslaget: 2026-03-18\n", "")
    draft += "---" + body.split("---", 1)[1]  # not yet justerat, no rättelse
    (tmp_path / "utkast.md").write_text(draft, encoding="utf-8")
    import_agenda_file(backend_store, DATA / "kallelse.md")
    import_protocol(backend_store, tmp_path / "utkast.md")
    meeting = backend_store.schedule.find_meeting(DAY).id
    view = backend_store.protocols.get(meeting)  # the § of the LVU ärende was marked on import
    p12 = view.protocol.paragraph(12)
    assert p12.confidential
    with pytest.raises(InvalidInput, match="ändras på ärendet"):
        backend_store.protocols.save_paragraph(
            meeting,
            dataclasses.replace(p12, confidential=False),
            view.versions[12],
            paragraph_id=view.ids[12],
        )
    assert backend_store.protocols.get(meeting).protocol.paragraph(12).confidential
