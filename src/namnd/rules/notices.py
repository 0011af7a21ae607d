"""Tillkännagivanden for the anslagstavla: what each notice of a justering says.

KL 8 kap. 12 § wants the justering of a protokoll announced on the kommun's digital
anslagstavla, and an omedelbart justerad § is announced on its own, at once. Each notice
names the organ, the sammanträdesdatum, the §§, the justeringsdag, where the protokoll is
kept and the days it goes up and comes down; it stays up until the överklagandetid (KL
13 kap. 5 §) has run out. Every date is read from ``rules.deadlines.after_meeting``
(the one place they are computed); this module only chooses which notices a protokoll
has and words them, so the HTML page, its PDF/A and the index say the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from namnd.domain.protocol import Protocol
from namnd.errors import NamndError
from namnd.rules.deadlines import AfterMeeting, ImmediateParagraph
from namnd.rules.swedish_dates import long_date

APPEAL_LAW = "13 kap. kommunallagen (2017:725)"


@dataclass(frozen=True)
class Notice:
    """One tillkännagivande: of the justerat protokoll, or of one omedelbart justerad §.

    ``stem`` names its files in the public folder (ASCII, stable across runs); ``number``
    is the § of an omedelbart justerad § and None for the whole protokoll.
    """

    stem: str
    organ_name: str
    municipality: str
    meeting_date: dt.date
    paragraphs: str
    justerat_on: dt.date
    archive: str
    up: dt.date
    down: dt.date
    appeal_ends: dt.date
    number: int | None = None
    paragraph_title: str = ""

    @property
    def title(self) -> str:
        """The page's heading."""
        if self.number is None:
            return "Tillkännagivande av justering"
        return f"Tillkännagivande av omedelbart justerad paragraf, § {self.number}"

    def is_current(self, today: dt.date) -> bool:
        """Up on the anslagstavla: until the day it comes down, after the överklagandetid."""
        return today < self.down

    def intro(self) -> str:
        """The sentence above the table."""
        meeting = f"sammanträdet med {self.organ_name} {long_date(self.meeting_date)}"
        if self.number is None:
            return f"Protokollet från {meeting} är justerat. Justeringen tillkännages här."
        return (
            f"§ {self.number} i protokollet från {meeting} justerades omedelbart vid "
            "sammanträdet. Justeringen av paragrafen tillkännages här, före resten av "
            "protokollet."
        )

    def rows(self) -> list[tuple[str, str]]:
        """The notice as label and value, as both the page and the PDF print it."""
        paragraphs = self.paragraphs
        if self.paragraph_title:
            paragraphs = f"{paragraphs} {self.paragraph_title}"
        justering = "Omedelbart justerad vid sammanträdet" if self.number else "Justeringsdag"
        return [
            ("Organ", self.organ_name),
            ("Sammanträdesdatum", long_date(self.meeting_date)),
            ("Paragrafer" if self.number is None else "Paragraf", paragraphs),
            (justering, long_date(self.justerat_on)),
            ("Protokollet förvaras", self.archive),
            ("Anslaget sätts upp", long_date(self.up)),
            ("Anslaget tas ned", long_date(self.down)),
            ("Sista dag att överklaga", long_date(self.appeal_ends)),
        ]

    def appeal(self) -> list[str]:
        """How to appeal (laglighetsprövning), in plain Swedish."""
        members = f"medlem i {self.municipality}" if self.municipality else "kommunmedlem"
        return [
            f"Den som är {members} kan överklaga beslutet genom laglighetsprövning enligt "
            f"{APPEAL_LAW}. Domstolen prövar då om beslutet har kommit till på rätt sätt "
            "och om nämnden fick fatta det.",
            "Överklagandet ska vara skriftligt och ha kommit in till förvaltningsrätten inom "
            "tre veckor från den dag då justeringen tillkännagavs på anslagstavlan, det vill "
            f"säga senast {long_date(self.appeal_ends)}.",
            "Skriv vilket beslut du överklagar (organ, sammanträdesdatum och paragraf) och "
            "varför du anser att det ska upphävas. Skriv också ditt namn och hur vi når dig.",
        ]


def notices_for(
    protocol: Protocol, after: AfterMeeting, *, archive: str, municipality: str, code: str
) -> list[Notice]:
    """The protokoll's notices: each omedelbart justerad §, then the justerat protokoll.

    ``protocol`` is the public projection (a sekretess § keeps only number and
    heading); ``after`` is ``storage.schedule.meeting_deadlines``'s result for it.
    Refused in Swedish when there is nothing to announce yet.
    """
    base = f"{protocol.date.isoformat()}-{code}-tillkannagivande"
    notices = [
        _immediate(protocol, dates, base, archive, municipality) for dates in after.immediate
    ]
    if protocol.is_justerat and protocol.numbers is not None:
        assert after.justerat_on is not None
        notices.append(
            Notice(
                stem=base,
                organ_name=protocol.organ_name,
                municipality=municipality,
                meeting_date=protocol.date,
                paragraphs=protocol.numbers.text,
                justerat_on=after.justerat_on,
                archive=archive,
                up=after.posted_on or after.posting_deadline,
                down=after.notice_down,
                appeal_ends=after.appeal_ends,
            )
        )
    if not notices:
        raise NamndError(
            f"Protokollet från {long_date(protocol.date)} är inte justerat och ingen paragraf "
            "är omedelbart justerad: det finns inget att tillkännage, och inget publicerades."
        )
    return notices


def _immediate(
    protocol: Protocol, dates: ImmediateParagraph, base: str, archive: str, municipality: str
) -> Notice:
    paragraph = protocol.paragraph(dates.number)
    return Notice(
        stem=f"{base}-paragraf-{dates.number}",
        organ_name=protocol.organ_name,
        municipality=municipality,
        meeting_date=protocol.date,
        paragraphs=f"§ {dates.number}",
        justerat_on=dates.justerat_on,
        archive=archive,
        up=dates.posting_deadline,
        down=dates.notice_down,
        appeal_ends=dates.appeal_ends,
        number=dates.number,
        paragraph_title=paragraph.title,
    )
