"""eark-validator, offline: its vocabularies from the copies it ships, not the web.

eark-validator reads four CSIP vocabularies from earkcsip.dilcis.eu when it is imported;
the tests have no network, and the package holds the same files (``ipxml/resources/vocabs``).
Only those URLs are answered, while it is imported; anything else still fails.
"""

from __future__ import annotations

import functools
import io
import urllib.request
import urllib.response
from importlib.resources import files
from pathlib import Path

VOCABULARY_HOST = "earkcsip.dilcis.eu"


class _ShippedVocabularies(urllib.request.BaseHandler):
    handler_order = 100  # before the real HTTPS handler

    def https_open(self, request):
        if request.host != VOCABULARY_HOST:
            return None
        name = request.full_url.rsplit("/", 1)[-1]
        data = files("eark_validator.ipxml.resources.vocabs").joinpath(name).read_bytes()
        response = urllib.response.addinfourl(io.BytesIO(data), {}, request.full_url, 200)
        response.msg = "OK"
        return response


@functools.cache
def _package_validator():
    urllib.request.install_opener(urllib.request.build_opener(_ShippedVocabularies()))
    try:
        from eark_validator.packages import PackageValidator
    finally:
        urllib.request.install_opener(None)
    return PackageValidator


def validate(package: Path):
    """eark-validator's report on the package folder or zip (E-ARK SIP 2.1)."""
    from eark_validator.specifications.specification import SpecificationVersion

    return _package_validator()(package, SpecificationVersion.V2_1_0).validation_report


def problems(report) -> list[tuple[str, str]]:
    """Every error and warning in the report: (rule id, message with where)."""
    found = [(m.rule_id, m.message) for m in report.structure.messages if _bad(m)]
    if report.metadata is not None:
        for results in (report.metadata.schema_results, report.metadata.schematron_results):
            found += [
                (m.rule_id, f"{m.message} ({m.location})") for m in results.messages if _bad(m)
            ]
    return found


def _bad(message) -> bool:
    return str(getattr(message.severity, "value", message.severity)).upper() in ("ERROR", "WARNING")
