"""`namnd sign protokoll` and `namnd verify`: digital justering with PAdES signatures."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from namnd.errors import InvalidInput
from namnd.storage.workspace import Workspace

PASSWORD_VARIABLE = "NAMND_KEY_PASSWORD"
PIN_VARIABLE = "NAMND_PKCS11_PIN"
TSA_VARIABLE = "NAMND_TSA_URL"


def add_arguments(commands) -> None:
    """The ``sign`` and ``verify`` verbs on the CLI's sub-parsers."""
    sign = commands.add_parser(
        "sign", help="skriv under digitalt (PAdES): justera protokollet"
    ).add_subparsers(dest="what", title="vad", metavar="VAD", required=True)
    protocol = sign.add_parser(
        "protokoll",
        help="lägg din underskrift till protocols/DATUM-KOD-justerat.pdf",
        description="Ordförande och justerare skriver under protokollets PDF/A, en i taget. "
        "När alla har skrivit under är protokollet justerat.",
    )
    protocol.add_argument("meeting", metavar="SAMMANTRÄDE", help="datum (2019-09-19) eller id")
    protocol.add_argument(
        "--key",
        metavar="FIL.p12",
        help=f"ditt certifikat med nyckel (PKCS#12); lösenordet från {PASSWORD_VARIABLE} "
        "eller en fråga",
    )
    protocol.add_argument(
        "--pkcs11-lib", metavar="BIBLIOTEK.so", help="kortläsarens PKCS#11-modul (smarta kort)"
    )
    protocol.add_argument(
        "--pkcs11-label",
        metavar="ETIKETT",
        help=f"nyckelns etikett på kortet (PIN: {PIN_VARIABLE})",
    )
    _trust_arguments(protocol)
    protocol.add_argument(
        "--tsa",
        metavar="URL",
        help=f"tidsstämpeltjänst (RFC 3161; annars {TSA_VARIABLE} om den är satt)",
    )
    protocol.add_argument(
        "--lta",
        action="store_true",
        help="arkivexemplar: B-LTA med dokumenttidsstämpel (kräver --tsa)",
    )
    verify = commands.add_parser(
        "verify", help="kontrollera underskrifterna i en PDF: vem, när och om den är ändrad"
    )
    verify.add_argument("file", metavar="FIL.pdf")
    _trust_arguments(verify)


def _trust_arguments(parser) -> None:
    parser.add_argument(
        "--trust",
        metavar="CA.pem",
        action="append",
        default=[],
        help="betrodd utfärdare (flera ggr); utan den godtas inget certifikat",
    )
    parser.add_argument(
        "--crl",
        metavar="FIL.crl",
        action="append",
        default=[],
        help="spärrlista att bädda in (flera ggr; annars hämtas den om det går)",
    )


def _trust(args: argparse.Namespace):
    from namnd.renderers.pades import Trust

    return Trust(roots=tuple(map(Path, args.trust)), crls=tuple(map(Path, args.crl)))


def key_source(args: argparse.Namespace):
    """The key the options name; the password or PIN from the environment or a prompt."""
    from namnd.renderers.pades import KeySource

    if args.key and args.pkcs11_lib:
        raise InvalidInput("Ange antingen --key eller --pkcs11-lib, inte båda.")
    if args.key:
        path = Path(args.key)
        if not path.is_file():
            raise InvalidInput(f"Nyckelfilen {path} finns inte.")
        password = _secret(PASSWORD_VARIABLE, f"Lösenord till {path.name}: ")
        return KeySource(p12=path, password=password)
    if args.pkcs11_lib:
        if not args.pkcs11_label:
            raise InvalidInput("Ange nyckelns etikett på kortet med --pkcs11-label.")
        pin = _secret(PIN_VARIABLE, "PIN till kortet: ").decode("utf-8")
        return KeySource(pkcs11_lib=args.pkcs11_lib, pkcs11_label=args.pkcs11_label, pkcs11_pin=pin)
    raise InvalidInput("Ange din nyckel: --key FIL.p12, eller --pkcs11-lib och --pkcs11-label.")


def _secret(variable: str, prompt: str) -> bytes:
    value = os.environ.get(variable)
    if value is None:
        if not sys.stdin.isatty():
            raise InvalidInput(f"Lösenordet saknas: sätt {variable} eller kör i en terminal.")
        import getpass

        value = getpass.getpass(prompt)
    return value.encode("utf-8")


def sign(args: argparse.Namespace, workspace: Workspace) -> int:
    """Add the holder's signature to the protokoll; justerat once all have signed."""
    from namnd.cli.commands import open_store
    from namnd.operations.protocol_signing import sign_protocol
    from namnd.renderers.pades import SigningOptions

    _quiet_library()
    key = key_source(args)
    tsa = args.tsa or os.environ.get(TSA_VARIABLE) or None
    store = open_store(workspace)
    outcome = sign_protocol(
        store, workspace, args.meeting, key, trust=_trust(args),
        options=SigningOptions(tsa_url=tsa, lta=args.lta),
    )  # fmt: skip
    print(
        f"{outcome.certificate_name} har skrivit under som {outcome.signer.role} "
        f"(version {outcome.version}): {outcome.path}."
    )
    if outcome.missing:
        left = ", ".join(f"{p.name} ({p.role})" for p in outcome.missing)
        print(f"Väntar på underskrift av: {left}.")
    elif outcome.justerat_now:
        print("Alla har skrivit under: protokollet är justerat.")
    else:
        print("Alla har skrivit under denna version.")
    return 0


def verify(args: argparse.Namespace, workspace: Workspace) -> int:
    """Print who signed the file, when, and whether it holds; 1 on any failure."""
    from namnd.operations.protocol_signing import verify_file

    _quiet_library()
    lines, ok = verify_file(Path(args.file), _trust(args))
    print("\n".join(lines))
    if not ok:
        print("namnd: underskrifterna i filen håller inte (se FEL ovan).", file=sys.stderr)
    return 0 if ok else 1


def _quiet_library() -> None:
    """The library's English warnings (e.g. on fetching) are for developers, not for the user."""
    import logging

    logging.getLogger("pyhanko").setLevel(logging.ERROR)
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.ERROR)
