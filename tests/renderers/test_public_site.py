"""The anslagstavla: `namnd publish` writes each tillkännagivande as HTML and PDF/A beside
the public protokoll, with an index, into a public folder; every page passes axe-core in
a real browser (tests/browser.py).

LibreOffice makes the PDF/A files; the dates are the ones ``storage.schedule`` computes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
from pathlib import Path

import pikepdf
import pytest

from namnd.cli.main import main
from namnd.formats.public_files import page_texts
from namnd.operations.public_site import publish_meeting
from namnd.rules.swedish_dates import long_date
from tests.browser import axe_script, axe_violations, readable
from tests.protocol_sample import draft_protocol

DAY = "2019-09-19"
SOCIAL = Path(__file__).parents[1] / "data" / "socialnamnd"
SECRET_DECISION = "Anmälan av delegationsbeslut läggs till handlingarna."
PLACEHOLDER = "Ärendet redovisas inte med hänvisning till sekretess"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def flat(text: str) -> str:
    """Text with every run of white space one space (PDF lines wrap in table cells)."""
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    return "\n".join(page_texts(path.read_bytes()))


def html(folder: Path, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8")


@pytest.fixture
def justerat(demo_store):
    """The demo meeting's protokoll (§ 89 omedelbart justerad, § 94 sekretess), justerat
    26 september and anslaget 27 september 2019."""
    meeting = demo_store.schedule.find_meeting(DAY).id
    demo_store.protocols.replace(meeting, draft_protocol())
    demo_store.protocols.justera(meeting, dt.date(2019, 9, 26), by="sekreteraren")
    demo_store.protocols.post(meeting, dt.date(2019, 9, 27))
    return demo_store


def test_publish_the_demo_after_justering(justerat, workspace, tmp_path, capsys):
    site = tmp_path / "webb"
    ws = ["--workspace", str(workspace.root)]
    code, out, err = run(capsys, *ws, "publish", DAY, "-o", str(site), "--today", "2019-10-01")
    assert code == 0, err
    after = justerat.schedule.meeting_deadlines(justerat.schedule.find_meeting(DAY).id)
    stem = "2019-09-19-von"
    assert sorted(p.name for p in site.iterdir()) == sorted(
        [
            "anslagstavla.css",
            "index.html",
            f"{stem}-kallelse.pdf",
            f"{stem}-protokoll.pdf",
            f"{stem}-tillkannagivande.html",
            f"{stem}-tillkannagivande.pdf",
            f"{stem}-tillkannagivande-paragraf-89.html",
            f"{stem}-tillkannagivande-paragraf-89.pdf",
            "oparl",
        ]
    )
    assert "Tillkännagivande av justering: anslaget 2019-09-27–2019-10-19." in out

    page = html(site, f"{stem}-tillkannagivande.html")
    notice_pdf = pdf_text(site / f"{stem}-tillkannagivande.pdf")
    for text in (page, notice_pdf):
        for expected in (
            "Vård- och omsorgsnämnden",
            "torsdag 19 september 2019",
            "§§ 82–94",
            long_date(after.justerat_on),
            "Vård- och omsorgsförvaltningen, Munkhättevägen 45, Tumba",
            long_date(after.posted_on),
            long_date(after.notice_down),
            long_date(after.appeal_ends),
            "laglighetsprövning",
            "13 kap. kommunallagen",
            "förvaltningsrätten",
            "tre veckor",
        ):
            assert expected in flat(text), expected
    with pikepdf.open(site / f"{stem}-tillkannagivande.pdf") as pdf:
        assert pdf.open_metadata().pdfa_status.startswith("2"), "PDF/A-2 for the archive"
    assert '<html lang="sv">' in page and "<script" not in page and "style=" not in page
    assert 'href="2019-09-19-von-protokoll.pdf"' in page

    # § 94 is sekretess: the public protokoll keeps its number and heading only.
    protocol = pdf_text(site / f"{stem}-protokoll.pdf")
    assert "§ 94" in protocol and PLACEHOLDER in flat(protocol)
    assert SECRET_DECISION not in flat(protocol)

    index = html(site, "index.html")
    current, archive = index.split("Arkiv: tidigare tillkännagivanden")
    assert f'href="{stem}-tillkannagivande.html"' in current
    assert f'href="{stem}-tillkannagivande-paragraf-89.html"' in current
    assert "Protokoll från sammanträdet torsdag 19 september 2019 (PDF)" in index
    assert "Kallelse till sammanträdet torsdag 19 september 2019 (PDF)" in index

    # Again, after the överklagandetid: the same files, the notices in the archive.
    before = {p.name: p.read_bytes() for p in site.iterdir() if p.suffix == ".html"}
    code, _, err = run(capsys, *ws, "publish", DAY, "-o", str(site), "--today", "2019-10-21")
    assert code == 0, err
    assert len(list(site.iterdir())) == 9, "no staging folder or stray file is left"
    assert (site / "oparl" / "system.json").is_file(), "the open data beside the pages"
    notices = {n: b for n, b in before.items() if n != "index.html"}
    assert notices == {n: (site / n).read_bytes() for n in notices}
    current, archive = html(site, "index.html").split("Arkiv: tidigare tillkännagivanden")
    assert "Inga tillkännagivanden sitter uppe just nu." in current
    assert f'href="{stem}-tillkannagivande.html"' in archive


def test_a_protokoll_not_justerat_is_refused(demo_store, workspace, tmp_path, capsys):
    meeting = demo_store.schedule.find_meeting(DAY).id
    draft = draft_protocol()
    plain = tuple(dataclasses.replace(p, immediate=False) for p in draft.paragraphs)
    demo_store.protocols.replace(meeting, dataclasses.replace(draft, paragraphs=plain))
    site = tmp_path / "webb"
    code, _, err = run(capsys, "--workspace", str(workspace.root), "publish", DAY, "-o", str(site))
    assert code == 1
    assert "är inte justerat och ingen paragraf är omedelbart justerad" in err
    assert "inget publicerades" in err
    assert not site.exists() or not any(site.iterdir())


def test_an_omedelbart_justerad_paragraph_is_published_alone(demo_store, tmp_path):
    meeting = demo_store.schedule.find_meeting(DAY).id
    demo_store.protocols.replace(meeting, draft_protocol())  # § 89 omedelbart justerad
    site = tmp_path / "webb"
    published = publish_meeting(demo_store, DAY, site, today=dt.date(2019, 9, 20))
    (notice,) = published.notices
    dates = demo_store.schedule.meeting_deadlines(meeting).for_paragraph(89)
    assert (notice.number, notice.up, notice.down) == (
        89,
        dates.posting_deadline,
        dates.notice_down,
    )
    stem = "2019-09-19-von"
    names = {p.name for p in site.iterdir()}
    assert f"{stem}-protokoll.pdf" not in names, "the rest of the protokoll is not justerat"
    assert f"{stem}-tillkannagivande.html" not in names
    extract = pdf_text(site / f"{stem}-protokollsutdrag-paragraf-89.pdf")
    assert "Statsbidrag för 2019" in flat(extract) and "§ 90" not in extract
    page = html(site, f"{stem}-tillkannagivande-paragraf-89.html")
    assert "§ 89 Statsbidrag för 2019 för förstärkning av äldreomsorgen" in page
    assert long_date(dates.appeal_ends) in page
    assert "Protokollsutdrag § 89" in html(site, "index.html")


def test_another_organ_with_a_sekretess_paragraph(tmp_path, capsys):
    """Socialnämnden of another kommun: its own name, förvaringsplats and diarienummer
    format; its § 12 (LVU) is sekretess and only its number and heading are published."""
    ws = ["--workspace", str(tmp_path / "ws")]
    assert run(capsys, *ws, "import", "agenda", str(SOCIAL / "kallelse.md"))[0] == 0
    edit = ["organ", "edit", "sn", "--kommun", "Exempelby kommun"]
    edit += ["--forvaring", "Socialförvaltningen, Storgatan 1, Exempelby"]
    edit += ["--dnr-format", "{prefix} {year}/{number:04}"]
    code, _, err = run(capsys, *ws, *edit)
    assert code == 0, err
    source = (SOCIAL / "protokoll.md").read_text(encoding="utf-8")
    own = tmp_path / "protokoll.md"  # where it is kept: the organ's setting
    own.write_text(source.replace("förvaringsplats: Socialförvaltningen\n", ""), "utf-8")
    assert run(capsys, *ws, "import", "protokoll", str(own))[0] == 0
    site = tmp_path / "webb"
    code, _, err = run(
        capsys, *ws, "publish", "2026-03-12", "-o", str(site), "--today", "2026-03-20",
        "--base-url", "https://www.exempelby.se/oparl",
    )  # fmt: skip
    assert code == 0, err
    page = html(site, "2026-03-12-sn-tillkannagivande.html")
    for expected in (
        "Socialnämnden",
        "torsdag 12 mars 2026",
        "§§ 11–13",
        "Socialförvaltningen, Storgatan 1, Exempelby",
        "medlem i Exempelby kommun",
    ):
        assert expected in page, expected
    assert "Anslagstavla för Socialnämnden" in html(site, "index.html")
    protocol = flat(pdf_text(site / "2026-03-12-sn-protokoll.pdf"))
    assert "sn/2026:101" in protocol and "§ 12" in protocol and PLACEHOLDER in protocol
    system = json.loads((site / "oparl" / "system.json").read_text("utf-8"))
    assert system["id"] == "https://www.exempelby.se/oparl/system.json"
    for name in (path for path in site.rglob("*") if path.is_file()):
        text = flat(pdf_text(name) if name.suffix == ".pdf" else name.read_text("utf-8"))
        assert "Kalle Svensson" not in text and "Storgatan 4" not in text, name.name


def test_every_published_page_passes_axe(justerat, tmp_path, browser):
    axe = axe_script()
    site = tmp_path / "webb"
    # § 89's notice is down by now (archive), the protokoll's still up: both tables.
    publish_meeting(justerat, DAY, site, today=dt.date(2019, 10, 15))
    index = html(site, "index.html")
    assert index.count("paragraf-89.html") == 1 and "Arkivet är tomt" not in index
    pages = sorted(site.glob("*.html"))
    assert len(pages) == 3
    found = {page.name: axe_violations(browser, page.as_uri(), axe) for page in pages}
    report = "\n".join(readable(name, v) for name, v in found.items() if v)
    assert not report, f"WCAG 2.1 A/AA violations:\n{report}"
    # What axe's WCAG rules leave to best practice, checked in the same browser: Swedish,
    # one h1 and no heading level skipped, every th with a scope, the skip link first.
    for page in pages:
        browser.get(page.as_uri())
        js = browser.execute_script
        assert js("return document.documentElement.lang") == "sv"
        levels = js("return [...document.querySelectorAll('h1,h2,h3,h4')].map(h => +h.tagName[1])")
        assert levels[0] == 1 and levels.count(1) == 1, page.name
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (page.name, levels)
        assert js("return document.querySelectorAll('th:not([scope])').length") == 0, page.name
        assert js("return document.querySelector('body a').textContent") == "Hoppa till innehållet"
        assert js("return document.querySelectorAll('script, [style]').length") == 0, page.name
