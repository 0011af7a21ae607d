"""A throw-away test CA, its CRL and signer certificates in PKCS#12 files (never committed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PASSWORD = "rätt lösen"
CRL_URL = "http://127.0.0.1:9/test-ca.crl"  # never fetched: the CRL is given with --crl
NOW = dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class TestPki:
    """Files the signing tests pass to the CLI."""

    ca: Path
    crl: Path
    keys: dict[str, Path]
    tsa: tuple[bytes, bytes]
    """The test TSA's certificate (DER) and key (PKCS#8 DER), for a TSA on 127.0.0.1."""


def _name(common: str, given: str = "", surname: str = "") -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "SE"),
             x509.NameAttribute(NameOID.COMMON_NAME, common)]  # fmt: skip
    if given:
        parts.append(x509.NameAttribute(NameOID.GIVEN_NAME, given))
        parts.append(x509.NameAttribute(NameOID.SURNAME, surname))
    return x509.Name(parts)


def _ca(common: str):
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(common)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=365))
        .not_valid_after(NOW + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def _signer(ca_key, ca_cert, common, given="", surname="", *, expired=False, tsa=False):
    # pyHanko's test TSA signs with RSA only; the people's keys are EC (quick to make).
    key = rsa.generate_private_key(65537, 2048) if tsa else ec.generate_private_key(ec.SECP256R1())
    ends = NOW - dt.timedelta(days=1) if expired else NOW + dt.timedelta(days=365)
    point = x509.DistributionPoint([x509.UniformResourceIdentifier(CRL_URL)], None, None, None)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common, given, surname))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=30))
        .not_valid_after(ends)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .add_extension(x509.CRLDistributionPoints([point]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
    )
    if tsa:
        cert = cert.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), True)
    return key, cert.sign(ca_key, hashes.SHA256())


def _p12(path: Path, key, cert, chain) -> Path:
    encryption = serialization.BestAvailableEncryption(PASSWORD.encode("utf-8"))
    data = pkcs12.serialize_key_and_certificates(b"nyckel", key, cert, chain, encryption)
    path.write_bytes(data)
    return path


def make_pki(folder: Path) -> TestPki:
    """The CA, its (empty) CRL and the keys: chair, justerare, secretary, expired, untrusted."""
    ca_key, ca_cert = _ca("Testkommunens test-CA")
    ca = folder / "ca.pem"
    ca.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    crl = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca_cert.subject)
        .last_update(NOW - dt.timedelta(hours=1))
        .next_update(NOW + dt.timedelta(days=30))
        .add_extension(x509.CRLNumber(1), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    crl_path = folder / "ca.crl"
    crl_path.write_bytes(crl.public_bytes(serialization.Encoding.DER))
    other_key, other_cert = _ca("Någon annans CA")
    people = {
        "chair": (ca_key, ca_cert, "Tuva Lund", "Tuva", "Lund", False),
        "adjuster": (ca_key, ca_cert, "PER EK", "Per", "Ek", False),
        "secretary": (ca_key, ca_cert, "Kerstin Frimodig", "", "", False),
        "expired": (ca_key, ca_cert, "Per Ek", "", "", True),
        "untrusted": (other_key, other_cert, "Per Ek", "", "", False),
    }
    keys = {}
    for label, (issuer_key, issuer, common, given, surname, expired) in people.items():
        key, cert = _signer(issuer_key, issuer, common, given, surname, expired=expired)
        keys[label] = _p12(folder / f"{label}.p12", key, cert, [issuer])
    tsa_key, tsa_cert = _signer(ca_key, ca_cert, "Testkommunens tidsstämpel", tsa=True)
    der = serialization.Encoding.DER
    tsa = (
        tsa_cert.public_bytes(der),
        tsa_key.private_bytes(der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
    )
    return TestPki(ca=ca, crl=crl_path, keys=keys, tsa=tsa)
