"""PAdES signatures on a PDF/A with pyHanko: add one, and read back every one in a file.

Each signature is an incremental update, so the bytes an earlier signer signed stay as
they were and every signature can be checked on its own. pyHanko is imported here only
(and this module only by the signing commands), so the TUI's first paint never loads it.

**Where signers come from.** :func:`make_signer` is the one place a signing key is
opened: a PKCS#12 file or a PKCS#11 token (smart card, e.g. SITHS). A remote signing
service (a CSC API service for e-legitimation) plugs in there as one more
:class:`KeySource` kind: pyHanko's ``pyhanko.sign.signers.csc_signer.CSCSigner`` is a
``Signer`` like the others, so nothing after the factory changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from namnd.atomic_files import write_bytes
from namnd.errors import InvalidInput, NamndError

if TYPE_CHECKING:
    from pyhanko.sign.signers import Signer
    from pyhanko_certvalidator import ValidationContext


@dataclass(frozen=True)
class KeySource:
    """Where the signing key is: a PKCS#12 file, or a PKCS#11 token and key label."""

    p12: Path | None = None
    password: bytes | None = None
    pkcs11_lib: str | None = None
    pkcs11_label: str | None = None
    pkcs11_pin: str | None = None


@dataclass(frozen=True)
class Trust:
    """What certificates are checked against: CA certificates and CRLs given as files.

    Only the CAs given are trusted (none given: no certificate is): the computer's list of
    web CAs says nothing about who may sign a protokoll, and pyHanko no longer wants to
    fall back to it. With no CRL given pyHanko may fetch revocation information from the
    certificates' own addresses.
    """

    roots: tuple[Path, ...] = ()
    crls: tuple[Path, ...] = ()


@dataclass(frozen=True)
class SigningOptions:
    """B-LT with what revocation information is available; a TSA timestamp, B-LTA on top."""

    tsa_url: str | None = None
    lta: bool = False
    reason: str = "Justering av protokoll"
    location: str = ""

    def __post_init__(self) -> None:
        if self.lta and not self.tsa_url:
            raise InvalidInput("B-LTA (--lta) kräver en tidsstämpeltjänst: ange --tsa URL.")


@dataclass(frozen=True)
class Certified:
    """The signing certificate as namnd records it."""

    names: tuple[str, ...]
    subject: str
    serial: str
    fingerprint: str
    not_before: dt.datetime
    not_after: dt.datetime


@dataclass(frozen=True)
class SignatureReport:
    """One signature as read back from the file (the ``verify`` command prints these)."""

    field_name: str
    certificate: Certified
    signed_at: dt.datetime | None
    timestamped: bool
    intact: bool
    trusted: bool
    whole_file: bool
    allowed_after: bool
    only_validation_after: bool = False
    problems: tuple[str, ...] = field(default=())
    document_timestamp: bool = False
    """A B-LTA document timestamp (its certificate is the TSA's), not a person's signature."""

    @property
    def ok(self) -> bool:
        return self.intact and self.trusted and self.allowed_after and not self.problems


def _x509(path: Path):
    from pyhanko.keys import load_cert_from_pemder

    try:
        return load_cert_from_pemder(str(path))
    except OSError as err:
        raise InvalidInput(f"Certifikatfilen {path} går inte att läsa: {err.strerror}.") from None
    except ValueError:
        raise InvalidInput(f"{path} är inget certifikat (PEM eller DER).") from None


def _crl(path: Path):
    from asn1crypto import crl, pem

    try:
        data = path.read_bytes()
    except OSError as err:
        raise InvalidInput(f"Spärrlistan {path} går inte att läsa: {err.strerror}.") from None
    try:
        if pem.detect(data):
            data = pem.unarmor(data)[2]
        parsed = crl.CertificateList.load(data)
        parsed.native  # noqa: B018 - parse now, so a broken file is named here
    except (ValueError, TypeError):
        raise InvalidInput(f"{path} är ingen spärrlista (CRL, PEM eller DER).") from None
    return parsed


def _context_kwargs(trust: Trust, *, certs=(), fetch: bool = True) -> dict:
    """Arguments of a pyHanko validation context (revocation: soft-fail, see README)."""
    kwargs: dict = {
        "crls": list(map(_crl, trust.crls)),
        "other_certs": list(certs),
        "allow_fetching": fetch and not trust.crls,
        "revocation_mode": "soft-fail",
        "trust_roots": [_x509(p) for p in trust.roots],
    }
    return kwargs


def validation_context(trust: Trust, *, certs=()) -> ValidationContext:
    """What a new signature is checked and its B-LT revocation information gathered with."""
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(**_context_kwargs(trust, certs=certs))


def certified(cert) -> Certified:
    """Names, subject (RFC 4514), serial and SHA-256 fingerprint of an asn1crypto certificate."""
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    short = {NameOID.SURNAME: "SN", NameOID.GIVEN_NAME: "GN", NameOID.SERIAL_NUMBER: "SERIALNUMBER"}
    subject = cert.subject.native
    given, surname = subject.get("given_name", ""), subject.get("surname", "")
    names = tuple(n for n in (subject.get("common_name", ""), f"{given} {surname}".strip()) if n)
    return Certified(
        names=names,
        subject=x509.load_der_x509_certificate(cert.dump()).subject.rfc4514_string(short),
        serial=format(cert.serial_number, "X"),
        fingerprint=hashlib.sha256(cert.dump()).hexdigest(),
        not_before=cert["tbs_certificate"]["validity"]["not_before"].native,
        not_after=cert["tbs_certificate"]["validity"]["not_after"].native,
    )


def make_signer(source: KeySource) -> Signer:
    """The signer-factory: the one seam where keys are opened (module docstring)."""
    if source.p12 is not None:
        return _p12_signer(source.p12, source.password)
    if source.pkcs11_lib:
        return _pkcs11_signer(source)
    raise InvalidInput("Ange en nyckel: --key FIL.p12 eller --pkcs11-lib med --pkcs11-label.")


def _p12_signer(path: Path, password: bytes | None) -> Signer:
    from asn1crypto import keys, x509
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    try:
        data = path.read_bytes()
    except OSError as err:
        raise InvalidInput(f"Nyckelfilen {path} går inte att läsa: {err.strerror}.") from None
    try:
        key, cert, others = pkcs12.load_key_and_certificates(data, password)
    except ValueError:
        raise InvalidInput(
            f"Fel lösenord till {path.name}, eller så är filen ingen PKCS#12-fil (.p12/.pfx)."
        ) from None
    if key is None or cert is None:
        raise InvalidInput(f"{path.name} saknar nyckel eller certifikat.")
    der = serialization.Encoding.DER
    private = keys.PrivateKeyInfo.load(
        key.private_bytes(der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    chain = [x509.Certificate.load(c.public_bytes(der)) for c in others]
    return SimpleSigner(
        signing_cert=x509.Certificate.load(cert.public_bytes(der)),
        signing_key=private,
        cert_registry=SimpleCertificateStore.from_certs(chain),
    )


def _pkcs11_signer(source: KeySource) -> Signer:
    """A key on a PKCS#11 token (untested beyond arguments: no token in the tests)."""
    assert source.pkcs11_lib  # _signer calls this only for a key on a token
    if not source.pkcs11_label:
        raise InvalidInput("Ange nyckelns etikett på kortet med --pkcs11-label.")
    try:
        from pyhanko.sign import pkcs11
    except ImportError:
        raise NamndError(
            "Stöd för smarta kort (PKCS#11) saknas: installera namnd[pkcs11] (python-pkcs11)."
        ) from None
    try:
        session = pkcs11.open_pkcs11_session(source.pkcs11_lib, user_pin=source.pkcs11_pin)
    except Exception as err:  # the library's own errors, for any vendor's module
        raise InvalidInput(f"Kortet kunde inte öppnas med {source.pkcs11_lib}: {err}") from None
    return pkcs11.PKCS11Signer(
        session, cert_label=source.pkcs11_label, key_label=source.pkcs11_label
    )


def signer_certificate(signer: Signer) -> Certified:
    """What the signer's certificate says, for the rules and the log."""
    return certified(signer.signing_cert)


def check_signer(signer: Signer, trust: Trust, *, now: dt.datetime) -> None:
    """Refuse an expired, not yet valid or untrusted certificate before anything is signed."""
    import asyncio

    from pyhanko_certvalidator import CertificateValidator
    from pyhanko_certvalidator.errors import (
        InvalidCertificateError,
        PathBuildingError,
        PathValidationError,
    )

    cert = certified(signer.signing_cert)
    name = cert.names[0] if cert.names else cert.subject
    if now > cert.not_after:
        raise InvalidInput(
            f"Certifikatet för {name} gick ut {cert.not_after.date().isoformat()}: "
            "skaffa ett nytt certifikat."
        )
    if now < cert.not_before:
        raise InvalidInput(
            f"Certifikatet för {name} gäller först från {cert.not_before.date().isoformat()}."
        )
    context = validation_context(trust, certs=signer.cert_registry)
    validator = CertificateValidator(
        signer.signing_cert,
        intermediate_certs=list(signer.cert_registry),
        validation_context=context,
    )
    try:
        asyncio.run(validator.async_validate_usage({"non_repudiation"}, extended_optional=True))
    except PathBuildingError:
        raise InvalidInput(
            f"Certifikatet för {name} är inte utfärdat av någon betrodd utfärdare"
            + (" (--trust)." if trust.roots else ": ange utfärdarens certifikat med --trust.")
        ) from None
    except PathValidationError as err:
        raise InvalidInput(f"Certifikatet för {name} godtas inte: {err}") from None
    except InvalidCertificateError as err:
        raise InvalidInput(
            f"Certifikatet för {name} får inte användas för underskrift: {err}"
        ) from None


def sign(
    source: Path,
    target: Path,
    signer: Signer,
    *,
    field_name: str,
    trust: Trust,
    options: SigningOptions,
) -> None:
    """Add one incremental PAdES signature to ``source``, written to ``target``."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers, timestamps

    timestamper = timestamps.HTTPTimeStamper(options.tsa_url) if options.tsa_url else None
    metadata = signers.PdfSignatureMetadata(
        field_name=field_name,
        reason=options.reason,
        location=options.location or None,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        embed_validation_info=True,
        validation_context=validation_context(trust, certs=signer.cert_registry),
        use_pades_lta=options.lta,
    )
    pdf_signer = signers.PdfSigner(metadata, signer=signer, timestamper=timestamper)
    with source.open("rb") as infile:
        writer = IncrementalPdfFileWriter(infile, strict=False)
        try:
            signed = pdf_signer.sign_pdf(writer, in_place=False)
        except timestamps.TimestampRequestError:
            raise InvalidInput(
                f"Tidsstämpeltjänsten {options.tsa_url} svarade inte med en tidsstämpel; "
                "försök igen, eller skriv under utan --tsa."
            ) from None
    write_bytes(target, signed.getvalue())


def read_signatures(path: Path, trust: Trust) -> tuple[SignatureReport, ...]:
    """Every signature in ``path``, each validated with what the file itself carries."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        with path.open("rb") as handle:
            reader = PdfFileReader(handle, strict=False)
            return tuple(_report(sig, reader, trust) for sig in reader.embedded_signatures)
    except OSError as err:
        raise InvalidInput(f"{path} går inte att läsa: {err.strerror}.") from None
    except PdfError as err:
        raise InvalidInput(f"{path.name} är skadad och går inte att läsa som PDF: {err}") from None


def _report(embedded, reader, trust: Trust) -> SignatureReport:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
    from pyhanko.sign.validation.dss import DocumentSecurityStore
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import (
        DocumentTimestampStatus,
        PdfSignatureStatus,
        SignatureCoverageLevel,
    )
    from pyhanko_certvalidator import ValidationContext

    # Checked with what the file carries (its DSS) and the CRLs given; nothing fetched.
    kwargs = _context_kwargs(trust, certs=embedded.other_embedded_certs, fetch=False)
    if "/DSS" in reader.root:
        context = DocumentSecurityStore.read_dss(reader).as_validation_context(kwargs)
    else:
        context = ValidationContext(**kwargs)
    cert = certified(embedded.signer_cert)
    problems: list[str] = []
    document_timestamp = embedded.sig_object_type == "/DocTimeStamp"
    status: DocumentTimestampStatus | PdfSignatureStatus
    try:
        if document_timestamp:
            status = validate_pdf_timestamp(embedded, context)
        else:
            status = validate_pdf_signature(embedded, context)
    except SignatureValidationError as err:
        return SignatureReport(embedded.field_name, cert, None, False, False, False, False,
                               False, problems=(f"går inte att kontrollera: {err}",),
                               document_timestamp=document_timestamp)  # fmt: skip
    level = status.modification_level
    allowed = level is None or level <= ModificationLevel.FORM_FILLING
    if status.coverage not in (
        SignatureCoverageLevel.ENTIRE_FILE,
        SignatureCoverageLevel.ENTIRE_REVISION,
    ):
        problems.append("täcker inte hela sin version av dokumentet")
    if not status.valid:
        problems.append("signaturvärdet stämmer inte med certifikatet")
    moment: dt.datetime | None
    if isinstance(status, DocumentTimestampStatus):  # document_timestamp
        moment, timestamped = status.timestamp, True
    else:
        stamp = status.timestamp_validity
        timestamped = stamp is not None
        moment = stamp.timestamp if stamp is not None else status.signer_reported_dt
    return SignatureReport(
        field_name=embedded.field_name,
        certificate=cert,
        signed_at=moment,
        timestamped=timestamped,
        intact=status.intact,
        trusted=status.trusted,
        whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        allowed_after=allowed,
        only_validation_after=level is not None and level <= ModificationLevel.LTA_UPDATES,
        problems=tuple(problems),
        document_timestamp=document_timestamp,
    )


def file_sha256(path: Path) -> str:
    """The file's SHA-256, as recorded with each signature."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
