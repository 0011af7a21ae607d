"""The organ form's fields: one labelled line per setting, each with its own error line.

Shared by the "Ny nämnd" form and the settings screen, so both ask for the same things
in the same words (:data:`~namnd.domain.organ_settings.LABELS`). The widget only holds
text: saving is the screen's, through the Store, and a refusal is shown under the field
it concerns while everything typed stays as it is.
"""

from __future__ import annotations

import dataclasses

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from namnd.domain.organ_settings import LABELS, OrganSettings

FIELDS = tuple(f.name for f in dataclasses.fields(OrganSettings))
_HINTS = {
    "code": "t.ex. sn (blir en del av filnamnen)",
    "diarium_prefix": "t.ex. SN (annars koden)",
    "dnr_format": "{prefix} {year} {number} {number:04}",
    "parent": "t.ex. sn för socialnämndens utskott",
    "template_path": "sökväg till en .docx",
}


class OrganFields(Vertical):
    """Every organ setting as an input; ``settings`` fills them, ``values`` reads them."""

    DEFAULT_CSS = """
    OrganFields { height: auto; }
    OrganFields .organ-row { height: 1; margin-bottom: 1; }
    OrganFields .organ-row Label { width: 34; }
    OrganFields .organ-row Input { width: 1fr; }
    OrganFields .field-error { color: $error; height: auto; margin: -1 0 1 34; }
    """

    def __init__(self, settings: OrganSettings | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.settings = settings

    def compose(self) -> ComposeResult:
        current = self.settings or OrganSettings(code="", name="")
        for name in FIELDS:
            with Horizontal(classes="organ-row"):
                yield Label(LABELS[name])
                yield Input(
                    str(getattr(current, name)),
                    placeholder=_HINTS.get(name, ""),
                    id=f"organ-{name}",
                    compact=True,
                    disabled=name == "code" and self.settings is not None,
                )
            error = Static("", id=f"organ-error-{name}", classes="field-error")
            error.display = False
            yield error

    def values(self) -> OrganSettings:
        """What the inputs hold now."""
        return OrganSettings(
            **{name: self.query_one(f"#organ-{name}", Input).value for name in FIELDS}
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each refusal under its field (and none under the others); focus the first."""
        for name in FIELDS:
            error = self.query_one(f"#organ-error-{name}", Static)
            error.update(Content(problems.get(name, "")))
            error.display = name in problems
        first = next((name for name in FIELDS if name in problems), None)
        if first is not None:
            self.query_one(f"#organ-{first}", Input).focus()
