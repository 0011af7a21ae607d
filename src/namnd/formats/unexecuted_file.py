"""The ej verkställda register as a YAML file, for entering a quarter's beslut in bulk.

Each item under ``beslut`` has ``lag`` (SoL or LSS), ``insats``, ``lagrum``,
``beslutsdatum`` and optionally ``kön`` (K, M, HEN), ``verkställt``, ``avbrott``,
``skäl`` (resursbrist, tackat nej, annat), ``kommentar`` and ``erbjudanden`` (a list of
``{datum, svar}``). See ``tests/data/ej-verkstallda-2019Q2.yaml`` for the seed's beslut.
"""

from __future__ import annotations

import datetime as dt

import yaml

from namnd.domain.delegation_tables import DelayReason, ReportLaw
from namnd.errors import InvalidInput
from namnd.rules.unexecuted_decisions import UnexecutedDecision, UnexecutedOffer, check_decision

_REASONS = {
    "resursbrist": DelayReason.RESOURCES,
    "tackat nej": DelayReason.DECLINED,
    "den enskilde har tackat nej till erbjudande": DelayReason.DECLINED,
    "annat": DelayReason.OTHER,
    "annat skäl": DelayReason.OTHER,
}


def parse_reason(text: str) -> DelayReason | None:
    """'resursbrist', 'tackat nej', 'annat' (or a category's code or label)."""
    wanted = text.strip().casefold()
    if not wanted:
        return None
    for reason in DelayReason:
        if wanted in (reason.value, reason.label.casefold()):
            return reason
    if wanted in _REASONS:
        return _REASONS[wanted]
    raise InvalidInput(f"Okänt skäl ”{text}”: välj resursbrist, tackat nej eller annat.")


def parse_law(text: str) -> ReportLaw:
    """'SoL' or 'LSS', any case."""
    try:
        return ReportLaw(str(text).strip().casefold())
    except ValueError:
        raise InvalidInput(f"Okänd lag ”{text}”: välj SoL eller LSS.") from None


class _TextDates(yaml.SafeLoader):
    """YAML with dates left as text, so ``2019-02-30`` is our Swedish error, not PyYAML's."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_register(text: str, *, name: str = "Filen") -> list[UnexecutedDecision]:
    """The beslut of a register file, or one Swedish error naming every bad item."""
    try:
        root = yaml.compose(text, Loader=_TextDates)
        data = _TextDates(text).construct_document(root) if root is not None else None
    except yaml.YAMLError as err:
        raise InvalidInput(f"{name} är ingen giltig YAML: {err}") from None
    items = data.get("beslut") if isinstance(data, dict) else None
    if not isinstance(items, list) or root is None:
        raise InvalidInput(f"{name} saknar listan ”beslut”.")
    lines = _item_lines(root)
    decisions, errors = [], []
    for number, item in enumerate(items, start=1):
        try:
            decisions.append(_decision(item))
        except InvalidInput as err:
            where = f"Rad {lines[number - 1]} – " if number <= len(lines) else ""
            errors.append(f"{where}Beslut {number}: {err}")
    if errors:
        raise InvalidInput(f"{name} kan inte läsas in:\n  " + "\n  ".join(errors))
    return decisions


def _item_lines(root: yaml.Node) -> list[int]:
    """The line each item under ``beslut`` starts on, for the error messages."""
    for key, value in root.value if isinstance(root, yaml.MappingNode) else []:
        if key.value == "beslut" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _decision(item: object) -> UnexecutedDecision:
    if not isinstance(item, dict):
        raise InvalidInput("ska vara en post med lag, insats, lagrum och beslutsdatum.")
    missing = [k for k in ("lag", "insats", "lagrum", "beslutsdatum") if not item.get(k)]
    if missing:
        raise InvalidInput(f"{', '.join(missing)} saknas.")
    offered = item.get("erbjudanden") or []
    if not isinstance(offered, list) or not all(isinstance(o, dict) for o in offered):
        raise InvalidInput("erbjudanden ska vara en lista med {datum, svar}.")
    offers = tuple(
        UnexecutedOffer(
            _date(o.get("datum"), "erbjudandets datum"), str(o.get("svar") or "").strip()
        )
        for o in offered
    )
    decision = UnexecutedDecision(
        law=parse_law(item["lag"]),
        insats=str(item["insats"]).strip(),
        lagrum=str(item["lagrum"]).strip(),
        decision_date=_date(item["beslutsdatum"], "beslutsdatum"),
        sex=str(item.get("kön") or "").strip().upper(),
        executed_on=_optional_date(item.get("verkställt"), "verkställt"),
        interrupted_on=_optional_date(item.get("avbrott"), "avbrott"),
        reason=parse_reason(str(item.get("skäl") or "")),
        reason_text=str(item.get("kommentar") or "").strip(),
        offers=offers,
    )
    check_decision(decision)
    return decision


def _date(value: object, what: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidInput(f"{what} ”{value}” är inget datum (ÅÅÅÅ-MM-DD).") from None


def _optional_date(value: object, what: str) -> dt.date | None:
    return None if value in (None, "") else _date(value, what)
