"""Digital justering: sign the protokoll's PDF/A one signer after the other, and verify it.

The first signer of a version makes the file ``protocols/DATUM-KOD-justerat.pdf`` from a
fresh PDF/A of the protokoll; each later signer adds an incremental signature to it. The
protokoll becomes justerat in the database when the ordförande and every justerare have
signed (``rules.signing_rules``), in the same transaction as the last signature, and
the justering is logged by the signers' names as their certificates give them.

A version is the protokoll's text as it was signed. When the text changes (a rättelse
after justering, or an edit before the last signature) the next signer starts a new
version: the old signed file is kept as ``DATUM-KOD-justerat-vN.pdf``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import overload

from namnd.errors import InvalidInput
from namnd.renderers import pades
from namnd.rules.signing_rules import Signatory, missing, signatory_for
from namnd.storage.store import Store
from namnd.storage.workspace import Workspace


@dataclass(frozen=True)
class SignOutcome:
    """What one signature did: the file, who signed, who is still missing."""

    path: Path
    signer: Signatory
    certificate_name: str
    version: int
    missing: tuple[Signatory, ...]
    justerat_now: bool


def signed_path(workspace: Workspace, store: Store, ref: str, version: int | None = None) -> Path:
    """``protocols/2019-09-19-von-justerat.pdf``; a kept older version ends ``-vN``."""
    from namnd.operations.exports import default_path

    plain = default_path(workspace, store, ref, "protokoll", "pdf")
    tail = "" if version is None else f"-v{version}"
    return plain.with_name(f"{plain.stem}-justerat{tail}.pdf")


def content_sha256(store: Store, meeting_id: int) -> str:
    """The protokoll's text as signed: its Markdown without the justering and anslag days.

    Those two days are set by the signing itself and by the anslag afterwards; every
    other change (a rättelse above all) makes a new version to sign.
    """
    from namnd.formats.protocol_markdown import dump_protocol

    view = store.protocols.get(meeting_id)
    assert view is not None
    protocol = view.protocol
    quiet = dataclasses.replace(protocol.justering, justerat_on=None, posted_on=None)
    text = dump_protocol(dataclasses.replace(protocol, justering=quiet))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sign_protocol(
    store: Store,
    workspace: Workspace,
    ref: str,
    key: pades.KeySource,
    *,
    trust: pades.Trust,
    options: pades.SigningOptions,
    now: dt.datetime | None = None,
) -> SignOutcome:
    """Add the signature of ``key``'s holder to the protokoll's signed file.

    Refused, with a Swedish message and nothing written: a key that does not open, a
    certificate that is expired or not trusted, a signer who is neither ordförande nor
    justerare, one who already signed this version, a signed file changed since the last
    signature, a protokoll that breaks the rules for justering.
    """
    from namnd.rules.protocol_rules import problems

    now = now or dt.datetime.now(dt.UTC)
    meeting = store.schedule.find_meeting(ref)
    view = store.protocols.get(meeting.id)
    if view is None:
        raise InvalidInput(f"Sammanträdet {meeting.date.isoformat()} har inget protokoll ännu.")
    protocol = view.protocol
    broken = problems(protocol)
    if broken and not protocol.is_justerat:
        listed = "\n".join(p.message for p in broken[:5])
        raise InvalidInput(f"Protokollet kan inte justeras förrän detta är rättat:\n{listed}")
    signer = pades.make_signer(key)
    certificate = pades.signer_certificate(signer)
    person = signatory_for(certificate.names, protocol)
    pades.check_signer(signer, trust, now=now)

    content = content_sha256(store, meeting.id)
    rows = store.protocols.signatures(meeting.id)
    path = signed_path(workspace, store, ref)
    version, signed = _version(rows, content, path)
    if any(r.role == person.role and r.signer_name == person.name for r in signed):
        raise InvalidInput(f"{person.name} har redan skrivit under version {version}.")

    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="namnd-sign-", dir=path.parent) as tmp:
        source = Path(tmp) / "underlag.pdf"
        if signed:
            shutil.copyfile(path, source)
        else:
            _fresh_pdf(store, ref, source)
        target = Path(tmp) / "signerad.pdf"
        pades.sign(source, target, signer, field_name=f"Justering{len(signed) + 1}",
                   trust=trust, options=options)  # fmt: skip
        reports = pades.read_signatures(target, trust)
        failed = [r for r in reports if not r.ok]
        if failed:
            raise InvalidInput(_failure(failed[0]))
        people = [r for r in reports if not r.document_timestamp]
        still = missing(protocol, [name for r in people for name in r.certificate.names])
        justera = not still and not protocol.is_justerat
        signer_names = [r.certificate.names[0] for r in people if r.certificate.names]
        store.protocols.record_signature(
            _row(meeting.id, version, person, certificate, now, target, content),
            after=rows[-1].id if rows else None,
            # The day as the rest of namnd counts it (the computer's own date), which the
            # justering's "not after today" check compares with: Swedish time would put
            # it a day ahead on a computer kept in UTC between 23 and 24.
            justera_on=now.astimezone().date() if justera else None,
            by=", ".join(signer_names),
        )
        if not signed and rows and path.exists():
            os.replace(path, signed_path(workspace, store, ref, rows[-1].version))
        os.replace(target, path)
    return SignOutcome(path, person, certificate.names[0], version, still, justera)


def _version(rows, content: str, path: Path) -> tuple[int, list]:
    """The version to sign and its signatures so far (none: a new version starts)."""
    if not rows:
        return 1, []
    last = rows[-1].version
    current = [r for r in rows if r.version == last]
    if current[-1].content_sha256 != content:
        return last + 1, []
    if not path.is_file():
        raise InvalidInput(
            f"Den underskrivna filen {path.name} saknas: lägg tillbaka den i {path.parent}."
        )
    if pades.file_sha256(path) != current[-1].file_sha256:
        raise InvalidInput(
            f"{path.name} har ändrats sedan {current[-1].signer_name} skrev under: lägg "
            "tillbaka den underskrivna filen, oförändrad, innan nästa underskrift."
        )
    return last, current


def _fresh_pdf(store: Store, ref: str, pdf: Path) -> None:
    from namnd.operations.protocol_export import export_protocol

    export_protocol(store, ref, fmt="pdf", path=pdf)


def _row(meeting_id, version, person, certificate, now, target, content):
    from namnd.domain.protocol_tables import SignatureRow

    return SignatureRow(
        meeting_id=meeting_id,
        version=version,
        signer_name=person.name,
        role=person.role,
        subject=certificate.subject,
        serial=certificate.serial,
        fingerprint=certificate.fingerprint,
        signed_at=now,
        file_sha256=pades.file_sha256(target),
        content_sha256=content,
    )


def _failure(report: pades.SignatureReport) -> str:
    name = report.certificate.names[0] if report.certificate.names else report.field_name
    return f"Underskriften av {name} godtas inte: {', '.join(verdict_problems(report))}."


def verdict_problems(report: pades.SignatureReport) -> list[str]:
    """What is wrong with one signature, in Swedish (empty when it holds)."""
    found = []
    if not report.intact:
        found.append("dokumentet har ändrats efter underskriften (signaturen är bruten)")
    if not report.trusted:
        found.append("certifikatet är inte utfärdat av en betrodd utfärdare eller har gått ut")
    if not report.allowed_after:
        found.append("dokumentet har ändrats efter underskriften på ett otillåtet sätt")
    return found + list(report.problems)


def verify_file(path: Path, trust: pades.Trust) -> tuple[list[str], bool]:
    """The ``verify`` report in Swedish, and whether every signature holds."""
    from namnd.rules.swedish_dates import long_date

    reports = pades.read_signatures(path, trust)
    if not reports:
        return [f"{path.name} har inga underskrifter."], False
    lines, ok, number = [], True, 0
    for report in reports:
        cert = report.certificate
        name = cert.names[0] if cert.names else cert.subject
        when = _local(report.signed_at)
        stamp = "tidsstämplad" if report.timestamped else "enligt undertecknarens dator"
        shown = f"{long_date(when.date())} kl. {when:%H.%M}" if when else "okänd tid"
        if report.document_timestamp:
            lines.append(f"Dokumenttidsstämpel (arkiv, B-LTA) från {name}, {shown}.")
        else:
            number += 1
            lines.append(f"Underskrift {number}: {name}, {shown} ({stamp}).")
        lines.append(f"  Certifikat: {cert.subject}, serienummer {cert.serial}.")
        cover = (
            "hela dokumentet" if report.whole_file
            else "hela dokumentet; efter den finns bara valideringsuppgifter"
            if report.only_validation_after
            else "dokumentet fram till underskriften; efter den har bara fler underskrifter "
            "och valideringsuppgifter lagts till"
            if report.allowed_after else "bara en tidigare version av dokumentet"
        )  # fmt: skip
        lines.append(f"  Täcker {cover}.")
        found = verdict_problems(report)
        if found:
            ok = False
            lines.append(f"  FEL: {'; '.join(found)}.")
        else:
            lines.append("  Intakt och giltig.")
    if reports[-1].whole_file or reports[-1].only_validation_after:
        lines.append("Dokumentet har inte ändrats efter sista underskriften.")
    else:
        ok = False
        lines.append("FEL: dokumentet har ändrats efter sista underskriften.")
    return lines, ok


@overload
def _local(moment: dt.datetime) -> dt.datetime: ...
@overload
def _local(moment: None) -> None: ...
def _local(moment: dt.datetime | None) -> dt.datetime | None:
    """A signing time in Swedish time, as the signer saw it."""
    if moment is None:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return moment.astimezone(ZoneInfo("Europe/Stockholm"))
    except ZoneInfoNotFoundError:
        return moment
