"""Writing a public file: render it aside, let the publication gate read it, then place it.

Every public output (kallelse, protokoll, reports, in every format) is written through
``publish``. The file is first rendered to a temporary folder; the gate
(``operations.public_gate``) reads the result back and refuses it — nothing written, a
Swedish message naming each finding — if it holds a personnummer, an HTML comment or
text of anything confidential in the workspace. Only a clean file reaches ``target``,
and it arrives whole (written aside and renamed).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from namnd.errors import PublicationRefused

if TYPE_CHECKING:
    from namnd.storage.store import Store


def publish(
    store: Store,
    target: Path | None,
    kind: str,
    render: Callable[[Path | None], str | Path],
) -> str | Path:
    """Render with ``render`` and write it to ``target`` only if the gate passes it.

    ``render`` gets the path to write (a temporary one) or None, when the caller wants the
    text itself (Markdown on standard output), which is checked the same way.
    """
    # Here, not at the top: an internal export never loads the gate.
    from namnd.operations.confidential_texts import secret_index
    from namnd.operations.public_gate import check_public_file, write_public

    secrets = secret_index(store)
    if target is None:
        text = render(None)
        assert isinstance(text, str)
        findings = check_public_file(text.encode("utf-8"), kind, secrets)
        if findings:
            raise PublicationRefused("Den offentliga texten", findings)
        return text
    with tempfile.TemporaryDirectory(prefix="namnd-offentlig-") as tmp:
        draft = Path(tmp) / target.name
        render(draft)
        write_public(draft.read_bytes(), target, kind=kind, secrets=secrets)
    return target


def export_document(
    store: Store,
    path: Path | None,
    fmt: str,
    *,
    public: bool,
    write: Callable[[str, Path | None, bool], str | Path],
) -> str | Path:
    """Write a document as ``fmt``; PDF/A is made from its Word version.

    ``write(fmt, path, public)`` renders md or docx; the public version goes through
    ``publish``, so the gate reads the very file (the PDF, too) that would be published.
    """

    def render(target: Path | None) -> str | Path:
        if fmt == "pdf":
            from namnd.renderers.pdf_archive import via_word

            assert target is not None
            return via_word(lambda docx: write("docx", docx, public), target)  # type: ignore[arg-type,return-value]
        return write(fmt, target, public)

    return publish(store, path, fmt, render) if public else render(path)
