"""The public site's pages: the anslagstavla's index and each tillkännagivande, as HTML.

Jinja2 templates (``templates/site/``) with autoescape, so no text from the database can
become markup; one small CSS file and no JavaScript. The pages are built for WCAG 2.1 AA
(DOS-lagen): ``lang="sv"``, a skip link, headings in order, table headers with scope and
link texts that say where they lead. The tests check every page with axe-core in a real
browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import jinja2

from namnd.rules.notices import Notice
from namnd.rules.swedish_dates import long_date

CSS_NAME = "anslagstavla.css"
INDEX_NAME = "index.html"


@dataclass(frozen=True)
class Link:
    """A link as printed: where it goes and the text that says so."""

    href: str
    text: str


@dataclass(frozen=True)
class NoticeRow:
    """A notice on the index: its page and what the table shows of it."""

    href: str
    text: str
    notice: Notice


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("namnd.renderers", "templates/site"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _render(template: str, **values: object) -> str:
    environment = _environment()
    environment.filters["long_date"] = long_date
    return environment.get_template(template).render(css=CSS_NAME, **values)


def css() -> str:
    """The site's one style sheet."""
    return (files("namnd.renderers") / "templates" / "site" / CSS_NAME).read_text("utf-8")


def notice_page(notice: Notice, links: list[Link]) -> str:
    """One tillkännagivande; ``links`` lead to the protokoll and the notice's PDF/A."""
    return _render(
        "notice.html",
        page_title=f"{notice.title} – {notice.organ_name} {long_date(notice.meeting_date)}",
        organ_name=notice.organ_name,
        municipality=notice.municipality,
        home=INDEX_NAME,
        notice=notice,
        links=links,
    )


def index_page(
    organ_name: str,
    municipality: str,
    *,
    current: list[NoticeRow],
    archived: list[NoticeRow],
    protocols: list[Link],
    kallelser: list[Link],
) -> str:
    """The anslagstavla: notices up now, protokoll, kallelser, then the archive."""
    return _render(
        "index.html",
        page_title=f"Anslagstavla – {organ_name}",
        organ_name=organ_name,
        municipality=municipality,
        home="",
        current=current,
        archived=archived,
        protocols=protocols,
        kallelser=kallelser,
    )
