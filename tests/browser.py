"""A real browser for the accessibility tests: Debian's chromium, driven by selenium,
running axe-core (from npm) on a page.

``.ci/run`` installs chromium, chromium-driver and axe-core when missing and sets
``NAMND_REQUIRE_BROWSER=1``: then a missing part fails the test instead of skipping it.
Locally: ``apt-get install chromium chromium-driver`` and
``npm install --prefix .cache/npm axe-core@4`` in the repository.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
DRIVER = "/usr/bin/chromedriver"
AXE = ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
#: WCAG 2.1 level A and AA, as axe-core tags them.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _missing(what: str) -> None:
    message = f"{what}: see tests/browser.py for how to install it"
    if os.environ.get("NAMND_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


def axe_script() -> str:
    """axe-core's source (``NAMND_AXE_PATH`` or the repository's npm cache)."""
    path = Path(os.environ.get("NAMND_AXE_PATH") or AXE)
    if not path.is_file():
        _missing(f"axe-core is not installed at {path}")
    return path.read_text(encoding="utf-8")


def start_browser():
    """Headless chromium under chromedriver (``--no-sandbox``: CI runs as root)."""
    binary = next((b for b in CHROMIUM if Path(b).is_file()), None)
    driver = DRIVER if Path(DRIVER).is_file() else shutil.which("chromedriver")
    if binary is None or driver is None:
        _missing("chromium or chromium-driver is not installed")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _missing("selenium is not installed (pip install -e '.[test]')")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(argument)
    browser = webdriver.Chrome(service=Service(driver), options=options)
    browser.set_script_timeout(60)
    return browser


def axe_violations(browser, url: str, axe: str) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on the page at ``url``."""
    browser.get(url)
    browser.execute_script(axe)
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done(r.violations)).catch(e => done([{id: 'axe-error', help: String(e),"
        " impact: 'critical', nodes: []}]));",
        WCAG_TAGS,
    )
    return result


def readable(page: str, violations: list[dict]) -> str:
    """The violations as lines a person can act on: rule, impact, help and each element."""
    lines = []
    for v in violations:
        lines.append(f"{page}: {v['id']} ({v.get('impact')}): {v.get('help')}")
        for node in v.get("nodes", []):
            lines.append(f"    {' '.join(node.get('target', []))}: {node.get('html', '')[:120]}")
            summary = node.get("failureSummary")
            if summary:
                lines.append(f"      {summary.replace(chr(10), ' ')}")
    return "\n".join(lines)
