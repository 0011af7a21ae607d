"""eark-validator in an environment of its own, offline for its vocabularies.

eark-validator 1.1.3 pins lxml 5.1.0, older than pyHanko's floor (5.4), so the two cannot
share the project's environment (pip would fall back to eark-validator 1.1.1, another
API). The first test that needs it makes ``.cache/eark-validator/``, a venv with
eark-validator from PyPI, once (under a file lock, so pytest-xdist's workers wait for one
another), and each validation runs there; the report comes back as JSON.

eark-validator also reads four CSIP vocabularies from earkcsip.dilcis.eu when it is
imported; the tests have no network, and the package ships the same files
(``ipxml/resources/vocabs``). Only those URLs are answered, while it is imported.
"""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

VERSION = "1.1.3"
ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".cache" / "eark-validator"

_VALIDATE = r"""
import io, json, sys, urllib.request, urllib.response
from pathlib import Path
from importlib.resources import files


class Vocabularies(urllib.request.BaseHandler):
    handler_order = 100  # before the real HTTPS handler

    def https_open(self, request):
        if request.host != "earkcsip.dilcis.eu":
            return None
        name = request.full_url.rsplit("/", 1)[-1]
        data = files("eark_validator.ipxml.resources.vocabs").joinpath(name).read_bytes()
        response = urllib.response.addinfourl(io.BytesIO(data), {}, request.full_url, 200)
        response.msg = "OK"
        return response


urllib.request.install_opener(urllib.request.build_opener(Vocabularies()))
from eark_validator.packages import PackageValidator
from eark_validator.specifications.specification import SpecificationVersion
urllib.request.install_opener(None)


def bad(message):
    return str(getattr(message.severity, "value", message.severity)).upper() in ("ERROR", "WARNING")


report = PackageValidator(Path(sys.argv[1]), SpecificationVersion.V2_1_0).validation_report
found = [(m.rule_id, m.message) for m in report.structure.messages if bad(m)]
schema = None
if report.metadata is not None:
    schema = report.metadata.schema_results.status.name
    for results in (report.metadata.schema_results, report.metadata.schematron_results):
        found += [(m.rule_id, f"{m.message} ({m.location})") for m in results.messages if bad(m)]
print(json.dumps({
    "structure": report.structure.status.name,
    "schema": schema,
    "package_type": report.package.details.oaispackagetype,
    "problems": found,
}))
"""


@dataclass(frozen=True)
class Report:
    """What eark-validator found: the statuses and every error and warning (rule, text)."""

    structure: str
    schema: str | None
    package_type: str
    problems: list[tuple[str, str]]


def validate(package: Path) -> Report:
    """eark-validator's report on the package folder or zip (E-ARK SIP 2.1)."""
    run = subprocess.run(
        [str(_python()), "-c", _VALIDATE, str(package)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr[-3000:]
    found = json.loads(run.stdout.strip().splitlines()[-1])
    found["problems"] = [tuple(p) for p in found["problems"]]
    return Report(**found)


def _python() -> Path:
    python = VENV / "bin" / "python"
    ready = VENV / f"eark-validator-{VERSION}"
    if ready.exists():
        return python
    VENV.parent.mkdir(parents=True, exist_ok=True)
    with open(VENV.parent / "eark-validator.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not ready.exists():
            subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
            install = [str(python), "-m", "pip", "install", "-q", f"eark-validator=={VERSION}"]
            subprocess.run(install, check=True)
            ready.touch()
    return python
