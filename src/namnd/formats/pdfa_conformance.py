"""What a PDF lacks of PDF/A, as far as it can be told without veraPDF.

namnd claims PDF/A for what it publishes and archives (the protokoll, the kallelse, the
kallelse med handlingar); this module checks the claim instead of trusting it. It reads
the file with pikepdf and reports, in Swedish, each of these that is missing:

- the PDF/A identification in the XMP metadata (``pdfaid:part`` and, for parts 1–3,
  ``pdfaid:conformance``);
- every font embedded (``FontFile``/``FontFile2``/``FontFile3``; a Type0 font's descendant
  fonts too; Type 3 fonts are drawn by the file itself), on pages, in form XObjects and in
  annotation appearances;
- no encryption;
- no JavaScript (the names tree, ``OpenAction``, ``AA`` of the document and its pages, and
  annotations' actions, following ``Next``);
- an OutputIntent ``GTS_PDFA1`` with an ICC profile;
- tagged structure (``MarkInfo`` with ``Marked true`` and a ``StructTreeRoot``);
- the document language (``Lang``, e.g. ``sv-SE``).

What it cannot tell (colour spaces, transparency, the content of the structure tree, the
XMP schema's validity) is veraPDF's job; this is the part a test can afford on every PDF.
``problems`` lists the findings (``problems_in`` for a PDF already open); ``require``
raises ``NamndError`` naming the file. Tests call them on every PDF namnd writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pikepdf

from namnd.errors import NamndError

#: A BCP 47 language tag as PDF/A's /Lang holds it: "sv", "sv-SE".
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")
_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def problems(path: Path, *, language: str = "") -> list[str]:
    """The Swedish sentences saying what ``path`` lacks of PDF/A; empty if nothing.

    ``language`` ("sv") also requires ``Lang`` to be that language.
    """
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        return ["PDF:en är krypterad (lösenordsskyddad); PDF/A får inte vara krypterad."]
    except (pikepdf.PdfError, OSError) as err:
        return [f"Filen går inte att läsa som PDF ({err})."]
    with pdf:
        return problems_in(pdf, language=language)


def problems_in(pdf: pikepdf.Pdf, *, language: str = "") -> list[str]:
    """``problems`` of a PDF already open (the handlingar package checks its bilagor)."""
    found: list[str] = []
    if pdf.is_encrypted:
        found.append("PDF:en är krypterad; PDF/A får inte vara krypterad.")
    found += _identification(pdf)
    missing = _unembedded_fonts(pdf)
    if missing:
        found.append(f"Teckensnitt är inte inbäddade: {', '.join(sorted(missing))}.")
    found += [f"JavaScript finns {where}; PDF/A får inte ha JavaScript." for where in _scripts(pdf)]
    found += _output_intent(pdf)
    found += _structure(pdf, language)
    return found


def require(path: Path, *, name: str = "", language: str = "") -> None:
    """Raise ``NamndError`` naming ``path`` (or ``name``) and every problem, if any."""
    found = problems(path, language=language)
    if found:
        lines = "\n".join(f"- {problem}" for problem in found)
        raise NamndError(f"{name or path.name} är inte PDF/A:\n{lines}")


def _unembedded_fonts(pdf: pikepdf.Pdf) -> set[str]:
    """The names of the fonts ``pdf`` uses without embedding them."""
    missing: set[str] = set()
    for font in _fonts(pdf):
        if font.get("/Subtype") == "/Type3":
            continue
        parts = [font]
        if font.get("/Subtype") == "/Type0":
            parts = list(font.get("/DescendantFonts") or []) or [font]
        for part in parts:
            descriptor = part.get("/FontDescriptor")
            if descriptor is None or not any(key in descriptor for key in _FONT_FILES):
                name = part.get("/BaseFont", font.get("/BaseFont", "?"))
                missing.add(str(name).lstrip("/"))
    return missing


def _identification(pdf: pikepdf.Pdf) -> list[str]:
    if "/Metadata" not in pdf.Root:
        return ["XMP-metadata saknas, så PDF:en säger inte att den är PDF/A."]
    meta = pdf.open_metadata()  # an XMP packet that is not XMP reads as empty
    part = str(meta.get("pdfaid:part", "")).strip()
    conformance = str(meta.get("pdfaid:conformance", "")).strip()
    if not part:
        return ["XMP-metadata saknar PDF/A-identifiering (pdfaid:part)."]
    if part not in ("1", "2", "3", "4"):
        return [f"XMP-metadata anger en okänd PDF/A-del (pdfaid:part = {part})."]
    if part != "4" and conformance.upper() not in ("A", "B", "U"):
        return [f"XMP-metadata saknar PDF/A-nivå (pdfaid:conformance) för PDF/A-{part}."]
    return []


def _output_intent(pdf: pikepdf.Pdf) -> list[str]:
    intents = pdf.Root.get("/OutputIntents") or pikepdf.Array()
    pdfa = [intent for intent in intents if intent.get("/S") == "/GTS_PDFA1"]
    if not pdfa:
        return ["OutputIntent för PDF/A (GTS_PDFA1) saknas."]
    for intent in pdfa:
        profile = intent.get("/DestOutputProfile")
        if profile is None or not isinstance(profile, pikepdf.Stream):
            continue
        if profile.read_bytes()[36:40] == b"acsp":
            return []
    return ["OutputIntent för PDF/A saknar en ICC-färgprofil (DestOutputProfile)."]


def _structure(pdf: pikepdf.Pdf, language: str) -> list[str]:
    found: list[str] = []
    mark = pdf.Root.get("/MarkInfo")
    if mark is None or not bool(mark.get("/Marked", False)):
        found.append("PDF:en är inte märkt som taggad (MarkInfo Marked true saknas).")
    if "/StructTreeRoot" not in pdf.Root:
        found.append("Taggstruktur (StructTreeRoot) saknas.")
    tag = str(pdf.Root.get("/Lang", "")).strip()
    if not tag:
        found.append("Dokumentets språk (Lang, t.ex. sv-SE) saknas.")
    elif not _LANGUAGE_TAG.fullmatch(tag):
        found.append(f"Dokumentets språk är inte en språkkod (Lang = {tag}).")
    elif language and tag.split("-")[0].casefold() != language.casefold():
        found.append(f"Dokumentets språk är {tag}, inte {language}.")
    return found


def _scripts(pdf: pikepdf.Pdf) -> Iterator[str]:
    """Where ``pdf`` holds JavaScript, as Swedish phrases ("i OpenAction", "på sida 2")."""
    names = pdf.Root.get("/Names")
    if names is not None and "/JavaScript" in names:
        yield "i dokumentets namnträd (Names/JavaScript)"
    if _is_script(pdf.Root.get("/OpenAction")):
        yield "i dokumentets öppningsåtgärd (OpenAction)"
    if _has_script_actions(pdf.Root.get("/AA")):
        yield "i dokumentets åtgärder (AA)"
    fields = (pdf.Root.get("/AcroForm") or pikepdf.Dictionary()).get("/Fields") or pikepdf.Array()
    if any(_field_has_script(field) for field in fields):
        yield "i ett formulärfält"
    for number, page in enumerate(pdf.pages, start=1):
        if _has_script_actions(page.obj.get("/AA")):
            yield f"i sidans åtgärder (AA) på sida {number}"
        for annotation in page.obj.get("/Annots") or []:
            if _is_script(annotation.get("/A")) or _has_script_actions(annotation.get("/AA")):
                yield f"i en annotering på sida {number}"
                break


def _field_has_script(field: pikepdf.Object, depth: int = 0) -> bool:
    if depth > 32:
        return False
    if _is_script(field.get("/A")) or _has_script_actions(field.get("/AA")):
        return True
    return any(_field_has_script(kid, depth + 1) for kid in field.get("/Kids") or [])


def _has_script_actions(actions: pikepdf.Object | None) -> bool:
    """True if any action of an additional-actions dictionary (AA) runs JavaScript."""
    if actions is None or not isinstance(actions, pikepdf.Dictionary):
        return False
    return any(_is_script(action) for action in actions.values())


def _is_script(action: pikepdf.Object | None, depth: int = 0) -> bool:
    """True if ``action`` or any action after it (``Next``) is a JavaScript action."""
    if action is None or depth > 32:
        return False
    if isinstance(action, pikepdf.Array):
        return any(_is_script(item, depth + 1) for item in action)
    if not isinstance(action, pikepdf.Dictionary):
        return False  # an OpenAction can be a destination array, handled above
    if action.get("/S") == "/JavaScript" or "/JS" in action:
        return True
    return _is_script(action.get("/Next"), depth + 1)


def _fonts(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Object]:
    """Every font dictionary a page, form XObject, Type 3 font or appearance uses."""
    seen: set[tuple[int, int]] = set()

    def visit(resources: pikepdf.Object | None) -> Iterator[pikepdf.Object]:
        if resources is None or not isinstance(resources, pikepdf.Dictionary):
            return
        for font in (resources.get("/Font") or {}).values():
            yield font
            if font.get("/Subtype") == "/Type3":
                yield from inner(font)
        for xobject in (resources.get("/XObject") or {}).values():
            if xobject.get("/Subtype") == "/Form":
                yield from inner(xobject)

    def inner(owner: pikepdf.Object) -> Iterator[pikepdf.Object]:
        key = owner.objgen
        if key != (0, 0):
            if key in seen:
                return
            seen.add(key)
        yield from visit(owner.get("/Resources"))

    def appearances(annotation: pikepdf.Object) -> Iterator[pikepdf.Object]:
        for state in (annotation.get("/AP") or {}).values():
            if isinstance(state, pikepdf.Stream):
                yield from inner(state)
            elif isinstance(state, pikepdf.Dictionary):
                for stream in state.values():
                    if isinstance(stream, pikepdf.Stream):
                        yield from inner(stream)

    for page in pdf.pages:
        yield from visit(page.obj.get("/Resources"))
        for annotation in page.obj.get("/Annots") or []:
            yield from appearances(annotation)
