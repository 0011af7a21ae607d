"""OParl object ids: URLs made from what a reader can see, never from database ids.

An OParl id is a URL that must stay the same for the same object; the database ids of
namnd change between workspaces (a backup restored, the demo loaded again). So every id
is built from the organ's kod, the meeting's date and the ärende's diarienummer, made
safe for a URL path (``von/2019:133`` becomes ``von-2019-133``). The path of the id
below the base URL is also the file's path below ``oparl/``, so a static web server
answers every id with its object.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from urllib.parse import urlsplit

from namnd.errors import InvalidInput

DEFAULT_BASE_URL = "https://example.org/oparl"
OPARL_TYPE = "https://schema.oparl.org/1.1/"

_UNSAFE = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """``Vård- och omsorgsnämnden`` → ``vard-och-omsorgsnamnden``; never empty."""
    plain = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    return _UNSAFE.sub("-", plain).strip("-") or "x"


class OParlIds:
    """The id (URL) and file path of every object, under one base URL."""

    def __init__(self, base_url: str = DEFAULT_BASE_URL) -> None:
        parts = urlsplit(base_url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
            raise InvalidInput(
                f"Basadressen ”{base_url}” är ingen webbadress: skriv t.ex. "
                "https://kommun.se/oparl (där mappen oparl/ publiceras)."
            )
        self.base_url = base_url.strip().rstrip("/")

    def url(self, path: str) -> str:
        """The id of the object stored at ``path`` (relative to ``oparl/``)."""
        return f"{self.base_url}/{path}"

    def path(self, url: str) -> str:
        """The file path below ``oparl/`` of the object ``url``."""
        return url.removeprefix(self.base_url + "/")

    def system(self) -> str:
        return self.url("system.json")

    def body_list(self) -> str:
        return self.url("bodies.json")

    def body(self, code: str) -> str:
        return self.url(f"body/{slug(code)}.json")

    def body_list_of(self, code: str, what: str, page: int = 1) -> str:
        """A paginated list of a body: ``body/von/meeting.json``, then ``meeting-2.json``."""
        suffix = "" if page == 1 else f"-{page}"
        return self.url(f"body/{slug(code)}/{slug(what)}{suffix}.json")

    def organization(self, code: str) -> str:
        return self.url(f"organization/{slug(code)}.json")

    def party(self, body_code: str, party: str) -> str:
        return self.url(f"organization/{slug(body_code)}-parti-{slug(party)}.json")

    def person(self, key: str) -> str:
        return self.url(f"person/{key}.json")

    def membership(self, organ: str, person_key: str, role: str, first_day: dt.date) -> str:
        name = f"{slug(organ)}-{person_key}-{slug(role)}-{first_day.isoformat()}"
        return self.url(f"membership/{name}.json")

    def legislative_term(self, body_code: str, first: int, last: int) -> str:
        return self.url(f"legislativeterm/{slug(body_code)}-{first}-{last}.json")

    def meeting(self, key: str) -> str:
        return self.url(f"meeting/{key}.json")

    def agenda_item(self, meeting_key: str, number: str) -> str:
        return self.url(f"agendaitem/{meeting_key}-{number}.json")

    def consultation(self, meeting_key: str, number: str) -> str:
        return self.url(f"consultation/{meeting_key}-{number}.json")

    def paper(self, dnr: str) -> str:
        return self.url(f"paper/{slug(dnr)}.json")

    def location(self, place: str) -> str:
        return self.url(f"location/{slug(place)}.json")

    def file(self, name: str) -> str:
        return self.url(f"file/{name}.json")

    def download(self, file_name: str) -> str:
        return self.url(f"files/{file_name}")


def meeting_key(organ_code: str, day: dt.date, start: dt.time | None, *, shared: bool) -> str:
    """``von-2019-09-19``; with the time (``-1830``) when the organ meets twice that day."""
    key = f"{slug(organ_code)}-{day.isoformat()}"
    return f"{key}-{start:%H%M}" if shared and start is not None else key
