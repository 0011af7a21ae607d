"""Creating, editing and listing organs, with every rule checked before anything is saved.

A kod or diarieprefix another organ has, a diarienummer format without ``{number}``, a
parent organ that would make a loop (an utskott reporting to itself through its
nämnd) or a Word template that is no usable .docx: each is refused with the field it
concerns (:class:`~namnd.domain.organ_settings.InvalidOrgan`) and nothing is written.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path

from sqlmodel import Session, col, select

from namnd.domain.diarienummer import DnrFormat, check_format, check_prefix
from namnd.domain.models import Organ
from namnd.domain.organ_code import check_organ_code
from namnd.domain.organ_settings import InvalidOrgan, OrganSettings
from namnd.errors import InvalidInput, NotFound
from namnd.formats.word_template import organ_template

_TEXT_FIELDS = tuple(f.name for f in dataclasses.fields(OrganSettings) if f.name != "parent")


def dnr_format(organ: Organ) -> DnrFormat:
    """How ``organ`` writes its diarienummer."""
    return DnrFormat(organ.dnr_format, organ.diarium_prefix)


def template_of(organ: Organ) -> Path | None:
    """The organ's own Word template, if it has one (``--template`` wins over it)."""
    return organ_template(organ.template_path)


def list_organs(*, session: Session) -> list[OrganSettings]:
    """Every organ by name (a nämnd before its utskott, as the pickers list them)."""
    organs = session.exec(select(Organ).order_by(col(Organ.name), col(Organ.code))).all()
    codes = {organ.id: organ.code for organ in organs}
    return [_settings(organ, codes.get(organ.parent_id, "")) for organ in organs]


def get_organ(*, session: Session, code: str) -> Organ:
    """The organ with ``code`` (NotFound in Swedish)."""
    organ = session.exec(select(Organ).where(Organ.code == code)).first()
    if organ is None:
        raise NotFound(f"Det finns ingen nämnd med koden ”{code}”.")
    return organ


def create_organ(*, session: Session, settings: OrganSettings) -> OrganSettings:
    """Store a new organ; InvalidOrgan naming each refused field."""
    organ = Organ(code=settings.code, name=settings.name, diarium_prefix="")
    _apply(session, organ, settings)
    session.add(organ)
    session.flush()
    return settings_of(session=session, organ=organ)


def edit_organ(*, session: Session, code: str, changes: dict[str, str]) -> OrganSettings:
    """Change some of an organ's settings (not its kod); InvalidOrgan naming each field."""
    organ = get_organ(session=session, code=code)
    unknown = set(changes) - {f.name for f in dataclasses.fields(OrganSettings)}
    if unknown or changes.get("code", code) != code:
        raise InvalidInput("Koden kan inte ändras.")
    current = settings_of(session=session, organ=organ)
    _apply(session, organ, dataclasses.replace(current, **changes))
    session.add(organ)
    session.flush()
    return settings_of(session=session, organ=organ)


def settings_of(*, session: Session, organ: Organ) -> OrganSettings:
    """``organ`` as the form shows it (the parent by kod)."""
    parent = session.get(Organ, organ.parent_id) if organ.parent_id else None
    return _settings(organ, parent.code if parent else "")


def _settings(organ: Organ, parent_code: str) -> OrganSettings:
    values = {name: getattr(organ, name) for name in _TEXT_FIELDS}
    return OrganSettings(**values, parent=parent_code)


def _apply(session: Session, organ: Organ, settings: OrganSettings) -> None:
    """Check every field of ``settings`` and copy them onto ``organ`` if all pass."""
    values = {
        name: str(getattr(settings, name) or "").strip() for name in (*_TEXT_FIELDS, "parent")
    }
    values["diarium_prefix"] = values["diarium_prefix"] or values["code"]
    problems: dict[str, str] = {}
    for name, value in values.items():
        if any(unicodedata.category(c) == "Cc" for c in value):
            problems[name] = "texten innehåller ett styrtecken."
    others = [o for o in session.exec(select(Organ)).all() if o.id != organ.id]

    def check(name: str, rule) -> None:
        if name in problems:
            return
        try:
            rule(values[name])
        except InvalidInput as err:
            problems[name] = str(err)

    check("code", check_organ_code)
    if "code" not in problems and any(o.code == values["code"] for o in others):
        problems["code"] = f"koden ”{values['code']}” används redan av en annan nämnd."
    if not values["name"]:
        problems["name"] = "nämnden behöver ett namn."
    check("diarium_prefix", check_prefix)
    prefix = values["diarium_prefix"].casefold()
    taken = next((o for o in others if o.diarium_prefix.casefold() == prefix), None)
    if "diarium_prefix" not in problems and taken is not None:
        problems["diarium_prefix"] = (
            f"prefixet ”{values['diarium_prefix']}” används redan av {taken.name}."
        )
    check("dnr_format", check_format)
    parent_id = _parent_id(session, organ, values["parent"], problems)
    if values["template_path"]:
        from namnd.formats.word_template import check_word_template

        check("template_path", lambda path: check_word_template(Path(path).expanduser()))
    if problems:
        raise InvalidOrgan(problems)
    for name in _TEXT_FIELDS:
        setattr(organ, name, values[name])
    organ.parent_id = parent_id


def _parent_id(session: Session, organ: Organ, code: str, problems: dict[str, str]) -> int | None:
    """The parent organ's id; a loop or an unknown kod goes into ``problems``."""
    if not code or "parent" in problems:
        return None
    if code == organ.code:
        problems["parent"] = "en nämnd kan inte vara överordnad sig själv."
        return None
    parent = session.exec(select(Organ).where(Organ.code == code)).first()
    if parent is None:
        problems["parent"] = f"det finns ingen nämnd med koden ”{code}”."
        return None
    seen: set[int] = set()
    step: Organ | None = parent
    while step is not None and step.id not in seen:
        if (organ.id is not None and step.id == organ.id) or step.code == organ.code:
            problems["parent"] = (
                f"{parent.name} rapporterar redan (direkt eller via andra) till "
                f"{organ.name}; det skulle bli en slinga."
            )
            return None
        assert step.id is not None  # a stored organ
        seen.add(step.id)
        step = session.get(Organ, step.parent_id) if step.parent_id else None
    return parent.id
