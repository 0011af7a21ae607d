"""The publication gate: a public file is read back and checked before it is written.

Every public export renders its bytes first and hands them to :func:`write_public`,
which refuses (``PublicationRefused``, nothing written) when the rendered file holds a
personnummer, an HTML comment or a run of confidential text; otherwise it replaces the
target atomically, so a reader never sees half a file and a refused export leaves any
earlier version in place. ``namnd check-public`` runs the same check on files made
elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from namnd.atomic_files import write_bytes
from namnd.errors import InvalidInput, PublicationRefused
from namnd.formats.public_files import extract_parts, kind_of
from namnd.rules.public_check import Finding, Secret, SecretIndex, check_text


def check_public_file(
    source: Path | bytes,
    kind: str | None = None,
    secrets: Sequence[Secret] | SecretIndex = (),
    *,
    name: str | None = None,
) -> list[Finding]:
    """Everything in the file (a path, or rendered bytes of ``kind``) that must not be published.

    ``kind`` is one of ``formats.public_files.KINDS``; for a path it defaults to the
    suffix's. Build a :class:`SecretIndex` once when checking many files.
    """
    if isinstance(source, Path):
        kind = kind or kind_of(source)
        name = name or source.name
        try:
            data = source.read_bytes()
        except FileNotFoundError:
            raise InvalidInput(f"Filen {source} finns inte.") from None
        except OSError as err:
            raise InvalidInput(f"Kan inte läsa {source}: {err.strerror}.") from None
    else:
        if kind is None:
            raise ValueError("kind is required for bytes")
        data = source
    index = secrets if isinstance(secrets, SecretIndex) else SecretIndex.build(secrets)
    return [
        finding
        for part in extract_parts(data, kind, name or f"filen (.{kind})")
        for finding in check_text(part.text, where=part.name, secrets=index)
    ]


def write_public(
    data: bytes, target: Path, *, kind: str, secrets: Sequence[Secret] | SecretIndex
) -> None:
    """Write the rendered public file ``data`` to ``target`` only if the gate finds nothing."""
    findings = check_public_file(data, kind, secrets, name=target.name)
    if findings:
        raise PublicationRefused(str(target), findings)
    write_bytes(target, data)
