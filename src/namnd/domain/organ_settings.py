"""An organ's settings as the organ form, ``namnd organ`` and the Store exchange them.

Plain data without a session: the parent organ is named by its kod, the Word template
by its path. :data:`LABELS` gives every field's Swedish name, used by the form's labels
and by error messages, so both speak of "Diarieprefix" the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from namnd.domain.diarienummer import DEFAULT_FORMAT
from namnd.errors import InvalidInput

LABELS = {
    "code": "Kod",
    "name": "Namn",
    "diarium_prefix": "Diarieprefix",
    "dnr_format": "Diarienummerformat",
    "parent": "Överordnat organ (kod)",
    "administration": "Förvaltning",
    "municipality": "Kommun",
    "secretary_name": "Sekreterare",
    "secretary_title": "Sekreterarens titel",
    "archive_place": "Förvaringsplats för protokollet",
    "osl_reference": "Sekretessgrund",
    "template_path": "Word-mall (.docx)",
}


@dataclass(frozen=True)
class OrganSettings:
    """Everything the organ form edits; field names are the ``Organ`` table's."""

    code: str
    name: str
    diarium_prefix: str = ""
    dnr_format: str = DEFAULT_FORMAT
    #: The kod of the organ it reports to (an arbetsutskott's nämnd), or "".
    parent: str = ""
    administration: str = ""
    municipality: str = ""
    secretary_name: str = ""
    secretary_title: str = "Nämndsekreterare"
    archive_place: str = ""
    osl_reference: str = ""
    template_path: str = ""


class InvalidOrgan(InvalidInput):
    """The organ form's values were refused; ``problems`` maps each field to why."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        lines = [f"{LABELS[field]}: {message}" for field, message in problems.items()]
        super().__init__("Nämnden sparades inte. " + " ".join(lines))
