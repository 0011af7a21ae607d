"""Digital justering with real pyHanko: the demo protokoll signed, verified and tampered with.

The keys come from a test CA made with ``cryptography`` for the session (tests/signing/
certificates.py); the CRL is given with ``--crl`` so B-LT needs no network.
"""

from __future__ import annotations

import dataclasses
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from lxml import etree
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation.dss import DocumentSecurityStore

from namnd.cli.main import main
from namnd.domain.kinds import MeetingStatus
from tests.protocol_sample import draft_protocol
from tests.renderers.docx_helpers import require_libreoffice
from tests.signing.certificates import PASSWORD, make_pki

DAY = "2019-09-19"


@pytest.fixture(scope="session")
def pki(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def tsa_url(pki):
    """A real RFC 3161 TSA on 127.0.0.1: pyHanko's own TSA logic, served over HTTP."""
    from asn1crypto import keys, tsp, x509
    from pyhanko.sign.timestamps import DummyTimeStamper

    stamper = DummyTimeStamper(x509.Certificate.load(pki.tsa[0]),
                               keys.PrivateKeyInfo.load(pki.tsa[1]))  # fmt: skip

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            body = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    server.shutdown()
    thread.join(timeout=10)
    server.server_close()


@pytest.fixture
def minuted(demo_store, monkeypatch):
    """The demo meeting's protokoll, complete but not justerat; the key's password set."""
    meeting = demo_store.schedule.find_meeting(DAY).id
    demo_store.protocols.replace(meeting, draft_protocol())
    monkeypatch.setenv("NAMND_KEY_PASSWORD", PASSWORD)
    return demo_store


def _ws(workspace) -> list[str]:
    return ["--workspace", str(workspace.root)]


def _sign(workspace, pki, who: str, *extra: str) -> int:
    trust = ["--trust", str(pki.ca), "--crl", str(pki.crl)]
    return main([*_ws(workspace), "sign", "protokoll", DAY, "--key", str(pki.keys[who]),
                 *trust, *extra])  # fmt: skip


def _verify(workspace, pki, path: Path) -> int:
    return main([*_ws(workspace), "verify", str(path), "--trust", str(pki.ca)])


def _justerat(store) -> bool:
    return store.protocols.get(store.schedule.find_meeting(DAY).id).protocol.is_justerat


def _signer_names(path: Path) -> list[str]:
    with path.open("rb") as handle:
        reader = PdfFileReader(handle)
        return [s.signer_cert.subject.native["common_name"] for s in reader.embedded_signatures]


def _crls_embedded(path: Path) -> int:
    """B-LT: the CRLs in the file's document security store."""
    with path.open("rb") as handle:
        return len(DocumentSecurityStore.read_dss(PdfFileReader(handle)).crls)


def _change_after_signing(source: Path, target: Path) -> None:
    """An incremental update that changes the document's language: not a signature."""
    with source.open("rb") as handle:
        writer = IncrementalPdfFileWriter(handle)
        writer.root["/Lang"] = generic.TextStringObject("en-GB")
        writer.update_root()
        with target.open("wb") as out:
            writer.write(out)


def _flip_a_content_byte(source: Path, target: Path) -> None:
    data = bytearray(source.read_bytes())
    at = data.index(b"stream", data.index(b"/FlateDecode")) + 20
    data[at] ^= 0x01
    target.write_bytes(bytes(data))


def test_ordforande_then_justerare_sign_and_only_then_it_is_justerat(
    minuted, demo_pdf_cache, workspace, pki, capsys
):
    require_libreoffice()
    signed = workspace.protocols / "2019-09-19-von-justerat.pdf"
    assert _sign(workspace, pki, "chair") == 0
    out = capsys.readouterr().out
    assert "Tuva Lund har skrivit under som ordförande" in out
    assert "Väntar på underskrift av: Per Ek (justerare)" in out
    assert not _justerat(minuted)
    assert _signer_names(signed) == ["Tuva Lund"]
    assert _verify(workspace, pki, signed) == 0
    assert "Underskrift 1: Tuva Lund" in capsys.readouterr().out

    # A signed file changed before the next signature: refused, nothing justerat.
    kept = signed.read_bytes()
    _flip_a_content_byte(signed, signed)
    assert _sign(workspace, pki, "adjuster") == 1
    assert "har ändrats sedan Tuva Lund skrev under" in capsys.readouterr().err
    assert not _justerat(minuted)
    signed.write_bytes(kept)

    assert _sign(workspace, pki, "adjuster") == 0
    assert "protokollet är justerat" in capsys.readouterr().out
    assert _justerat(minuted)
    assert _signer_names(signed) == ["Tuva Lund", "PER EK"]
    meeting = minuted.schedule.find_meeting(DAY)
    assert meeting.status is MeetingStatus.JUSTERAD
    log = minuted.agendas.status_history(meeting.id)
    assert log[-1].changed_by == "Tuva Lund, PER EK"
    rows = minuted.protocols.signatures(meeting.id)
    assert [(r.signer_name, r.role, r.version) for r in rows] == [
        ("Tuva Lund", "ordförande", 1),
        ("Per Ek", "justerare", 1),
    ]

    assert _verify(workspace, pki, signed) == 0
    report = capsys.readouterr().out
    assert "Underskrift 2: PER EK" in report
    assert "Täcker hela dokumentet" in report
    assert "Dokumentet har inte ändrats efter sista underskriften." in report

    tampered = workspace.root / "ändrad.pdf"
    _flip_a_content_byte(signed, tampered)
    assert _verify(workspace, pki, tampered) == 1
    captured = capsys.readouterr()
    assert "FEL: dokumentet har ändrats efter underskriften" in captured.out
    assert "underskrifterna i filen håller inte" in captured.err

    assert _crls_embedded(signed) >= 1
    changed = workspace.root / "tillagd.pdf"
    _change_after_signing(signed, changed)
    assert _verify(workspace, pki, changed) == 1
    assert "FEL: dokumentet har ändrats efter sista underskriften." in capsys.readouterr().out

    # Without the test CA as trust root the same file does not verify.
    assert main([*_ws(workspace), "verify", str(signed)]) == 1
    assert "betrodd utfärdare" in capsys.readouterr().out

    # The e-arkiv package takes the signed file, and its signers as namnd sign recorded them
    # (its kallelse med handlingar from the demo's pages, ``demo_pdf_cache``).
    package = workspace.root / "arkivpaket"
    assert main([*_ws(workspace), "archive", DAY, "-o", str(package)]) == 0
    rep1 = package / "representations" / "rep1"
    assert (rep1 / "data" / signed.name).read_bytes() == signed.read_bytes()
    premis = etree.parse(str(rep1 / "metadata" / "preservation" / "premis.xml"))
    signers = premis.xpath(
        "//p:event[p:eventType='digital signature generation']"
        "//p:linkingAgentIdentifierValue/text()",
        namespaces={"p": "http://www.loc.gov/premis/v3"},
    )
    assert signers == ["Tuva Lund", "Per Ek"]


def test_a_rattelse_after_justering_makes_a_new_version_and_keeps_the_old(
    minuted, workspace, pki, capsys
):
    require_libreoffice()
    assert _sign(workspace, pki, "chair") == 0
    assert _sign(workspace, pki, "adjuster") == 0
    meeting = minuted.schedule.find_meeting(DAY).id
    view = minuted.protocols.get(meeting)
    p90 = view.protocol.paragraph(90)
    fixed = dataclasses.replace(p90, dispatch_to=(*p90.dispatch_to, "Kommunfullmäktige"))
    minuted.protocols.correct_paragraph(
        meeting, fixed, "Saknades.", by="sekr", paragraph_id=view.ids[90]
    )
    first = (workspace.protocols / "2019-09-19-von-justerat.pdf").read_bytes()

    assert _sign(workspace, pki, "chair") == 0
    assert "(version 2)" in capsys.readouterr().out
    assert (workspace.protocols / "2019-09-19-von-justerat-v1.pdf").read_bytes() == first
    assert _signer_names(workspace.protocols / "2019-09-19-von-justerat.pdf") == ["Tuva Lund"]
    assert _justerat(minuted)


@pytest.mark.parametrize(
    ("who", "password", "message"),
    [
        ("chair", "fel lösen", "Fel lösenord till chair.p12"),
        ("expired", PASSWORD, "Certifikatet för Per Ek gick ut"),
        ("untrusted", PASSWORD, "Certifikatet för Per Ek är inte utfärdat av någon betrodd"),
        ("secretary", PASSWORD, "Kerstin Frimodig, som inte är ordförande eller justerare"),
    ],
)
def test_bad_keys_are_refused_in_swedish_and_nothing_is_justerat(
    minuted, workspace, pki, capsys, monkeypatch, who, password, message
):
    monkeypatch.setenv("NAMND_KEY_PASSWORD", password)
    assert _sign(workspace, pki, who) == 1
    assert message in capsys.readouterr().err
    assert not _justerat(minuted)
    assert not (workspace.protocols / "2019-09-19-von-justerat.pdf").exists()
    assert minuted.protocols.signatures(minuted.schedule.find_meeting(DAY).id) == []


def test_pkcs11_needs_a_label_and_not_both_kinds_of_key(
    minuted, workspace, pki, capsys, monkeypatch
):
    """Argument handling only: the tests have no smart card."""
    ws = _ws(workspace)
    assert main([*ws, "sign", "protokoll", DAY, "--pkcs11-lib", "/x/opensc.so"]) == 1
    assert "--pkcs11-label" in capsys.readouterr().err
    both = ["--key", str(pki.keys["chair"]), "--pkcs11-lib", "/x/opensc.so"]
    assert main([*ws, "sign", "protokoll", DAY, *both]) == 1
    assert "inte båda" in capsys.readouterr().err
    assert main([*ws, "sign", "protokoll", DAY]) == 1
    assert "Ange din nyckel" in capsys.readouterr().err
    monkeypatch.setenv("NAMND_PKCS11_PIN", "1234")
    card = ["--pkcs11-lib", str(workspace.root / "saknas.so"), "--pkcs11-label", "Underskrift"]
    assert main([*ws, "sign", "protokoll", DAY, *card]) == 1
    err = capsys.readouterr().err
    assert "installera namnd[pkcs11]" in err or "Kortet kunde inte öppnas med" in err


def test_verify_names_a_file_that_is_no_pdf(workspace, tmp_path, pki, capsys):
    bad = tmp_path / "inte.pdf"
    bad.write_bytes(b"hej")
    shutil.copyfile(bad, tmp_path / "kopia.pdf")
    assert _verify(workspace, pki, bad) == 1
    assert "inte.pdf" in capsys.readouterr().err


def test_timestamped_signatures_and_the_archive_copy_b_lta(
    minuted, workspace, pki, tsa_url, capsys
):
    require_libreoffice()
    signed = workspace.protocols / "2019-09-19-von-justerat.pdf"
    assert _sign(workspace, pki, "chair", "--tsa", tsa_url) == 0
    assert _sign(workspace, pki, "adjuster", "--tsa", tsa_url, "--lta") == 0
    assert _justerat(minuted)
    assert minuted.agendas.status_history(minuted.schedule.find_meeting(DAY).id)[-1].changed_by == (
        "Tuva Lund, PER EK"
    )
    capsys.readouterr()
    assert _verify(workspace, pki, signed) == 0
    report = capsys.readouterr().out
    assert "Underskrift 1: Tuva Lund" in report and "(tidsstämplad)" in report
    assert "Dokumenttidsstämpel (arkiv, B-LTA) från Testkommunens tidsstämpel" in report
    assert "Dokumentet har inte ändrats efter sista underskriften." in report


def test_b_lta_needs_a_tsa(minuted, workspace, pki, capsys, monkeypatch):
    monkeypatch.delenv("NAMND_TSA_URL", raising=False)
    assert _sign(workspace, pki, "chair", "--lta") == 1
    assert "B-LTA (--lta) kräver en tidsstämpeltjänst" in capsys.readouterr().err


def test_the_justerare_can_sign_between_23_and_24_utc_on_a_computer_kept_in_utc(
    minuted, demo_pdf_cache, workspace, pki, monkeypatch
):
    """Swedish time is a day ahead then; the justeringsdatum is the computer's own date."""
    import datetime as dt
    import time

    from namnd.operations.protocol_signing import sign_protocol
    from namnd.renderers.pades import KeySource, SigningOptions, Trust

    require_libreoffice()
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        assert _sign(workspace, pki, "chair") == 0
        late = dt.datetime.combine(dt.date.today(), dt.time(23, 30), tzinfo=dt.UTC)
        key = KeySource(p12=pki.keys["adjuster"], password=PASSWORD.encode())
        trust = Trust(roots=(pki.ca,), crls=(pki.crl,))
        outcome = sign_protocol(
            minuted, workspace, DAY, key, trust=trust, options=SigningOptions(), now=late
        )
        assert outcome.justerat_now and not outcome.missing
        assert (
            minuted.protocols.get(
                minuted.schedule.find_meeting(DAY).id
            ).protocol.justering.justerat_on
            == dt.date.today()
        )
    finally:
        monkeypatch.undo()
        time.tzset()
