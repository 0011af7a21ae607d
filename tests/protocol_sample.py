"""A fully decided protokoll of the demo meeting (2019-09-19), built by hand for tests.

The seed has no protokoll and no member list: the names other than Tuva Lund (S) and
Kerstin Frimodig are invented (see agendas/data/README.md). Three standing openers
then the ten items of the föredragningslista, §§ 82–94; § 90 (item 6, the motion) has a
yrkande, an omröstning and a reservation.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from namnd.domain.kinds import AttendeeKind, VoteChoice, YrkandeKind
from namnd.domain.protocol import (
    Attendee,
    Ballot,
    Justering,
    Note,
    ParagraphRange,
    Protocol,
    ProtocolParagraph,
    Reservation,
    Vote,
    Yrkande,
)

MEMBERS = [
    ("Tuva Lund", "S", "ordförande"),
    ("Erik Holm", "S", ""),
    ("Sara Nyberg", "S", ""),
    ("Ahmed Yusuf", "S", ""),
    ("Maria Lindqvist", "C", "förste vice ordförande"),
    ("Jonas Berg", "MP", ""),
    ("Karin Sjöberg", "L", ""),
    ("Birgitta Kron", "KD", ""),
    ("Per Ek", "M", "andre vice ordförande"),
    ("Lars Dahlgren", "SD", ""),
    ("Nina Åberg", "SD", ""),
    ("Omar Haddad", "V", ""),
]


def attendees() -> tuple[Attendee, ...]:
    """Twelve ledamöter, Anna Berg (M) serving for the absent Anna Wikström (M)."""
    people = [Attendee(name, party, AttendeeKind.MEMBER, role) for name, party, role in MEMBERS]
    people += [
        Attendee("Anna Berg", "M", AttendeeKind.SUBSTITUTE, replaces="Anna Wikström"),
        Attendee("Fredrik Olsson", "S", AttendeeKind.SUBSTITUTE),
        Attendee("Elin Strand", "SD", AttendeeKind.SUBSTITUTE, paragraphs=ParagraphRange(82, 88)),
        Attendee("Kerstin Frimodig", "", AttendeeKind.OTHER, "nämndsekreterare"),
        Attendee("Petra Oxonius", "", AttendeeKind.OTHER, "omsorgsdirektör"),
        Attendee(
            "Tuire Hattula", "", AttendeeKind.OTHER, "enhetschef", paragraphs=ParagraphRange(85, 85)
        ),
    ]
    return tuple(people)


def _ballots() -> tuple[Ballot, ...]:
    serving = [name for name, _, _ in MEMBERS] + ["Anna Berg"]
    return tuple(
        Ballot(name, VoteChoice.NO if name == "Omar Haddad" else VoteChoice.YES) for name in serving
    )


def paragraphs() -> tuple[ProtocolParagraph, ...]:
    """§§ 82–94: three openers, then items 1–10."""
    agreed = "Vård- och omsorgsnämnden beslutar enligt förslaget."
    return (
        ProtocolParagraph(
            82, "Val av justerare", decision_md="Per Ek (M) utses att justera protokollet."
        ),
        ProtocolParagraph(
            83, "Fastställande av föredragningslista", decision_md="Föredragningslistan fastställs."
        ),
        ProtocolParagraph(84, "Jävsfrågan", decision_md="Ingen jäv anmäls."),
        ProtocolParagraph(
            85,
            "Information från förvaltningen",
            dnr="von/2019:5",
            item=1,
            decision_md=(
                "Vård- och omsorgsnämnden noterar till protokollet att de tagit del av "
                "informationen."
            ),
        ),
        ProtocolParagraph(86, "Delårsrapport 2", item=2, decision_md=agreed),
        ProtocolParagraph(
            87,
            "Återrapportering nämnduppdrag- genomlysning av boendestödet i Botkyrka",
            dnr="von/2018:225",
            item=3,
            decision_md=agreed,
            dispatch_to=("Omsorgsdirektör",),
        ),
        ProtocolParagraph(
            88,
            "Återrapportering nämnduppdrag- genomlysning Myndighet",
            dnr="von/2018:234",
            item=4,
            decision_md=agreed,
            recused=("Jonas Berg",),
        ),
        ProtocolParagraph(
            89,
            "Statsbidrag för 2019 för förstärkning av äldreomsorgen",
            dnr="von/2019:126",
            item=5,
            decision_md=agreed,
            immediate=True,
        ),
        ProtocolParagraph(
            90,
            "Yttrande över motion- Halvera matsvinnet till 2025 (V), KS/2019:161",
            dnr="von/2019:76",
            item=6,
            decision_md=(
                "Vård- och omsorgsnämnden föreslår kommunfullmäktige att se motionen som besvarad."
            ),
            yrkanden=(
                Yrkande(("Tuva Lund",), YrkandeKind.APPROVAL),
                Yrkande(("Omar Haddad",), YrkandeKind.APPROVAL, "motionen"),
            ),
            vote=Vote(
                yes_for="bifall till förslaget till beslut",
                no_for="bifall till Omar Haddads (V) yrkande",
                ballots=_ballots(),
            ),
            reservations=(
                Reservation(
                    ("Omar Haddad",),
                    "till förmån för eget yrkande",
                    "Vänsterpartiet vill att nämnden bifaller motionen: matsvinnet ska halveras.",
                ),
            ),
            notes=(
                Note(
                    ("Lars Dahlgren", "Nina Åberg"),
                    "Sverigedemokraterna önskar en uppföljning av matsvinnet 2020.",
                ),
            ),
            dispatch_to=("Kommunstyrelsen",),
        ),
        ProtocolParagraph(
            91,
            "Yttrande angående Riktlinjer Idéburet offentligt partnerskap",
            dnr="von/2019:133",
            item=7,
            decision_md=agreed,
            dispatch_to=("Kommunledningsförvaltningen",),
        ),
        ProtocolParagraph(
            92, "Sammanträdesordning 2020", dnr="von/2019:117", item=8, decision_md=agreed
        ),
        ProtocolParagraph(
            93,
            "Anmälningsärenden",
            dnr="von/2019:2",
            item=9,
            decision_md="Anmälningsärendena läggs till handlingarna.",
        ),
        ProtocolParagraph(
            94,
            "Delegationsbeslut",
            dnr="von/2019:1",
            item=10,
            decision_md="Anmälan av delegationsbeslut läggs till handlingarna.",
            confidential=True,
        ),
    )


def sample_protocol() -> Protocol:
    """The demo meeting's protokoll, decided and justerat."""
    return Protocol(
        organ_name="Vård- och omsorgsnämnden",
        organ_code="von",
        date=dt.date(2019, 9, 19),
        place="Alytus",
        start_time=dt.time(18, 30),
        end_time=dt.time(20, 15),
        secretary="Kerstin Frimodig",
        attendees=attendees(),
        paragraphs=paragraphs(),
        justering=Justering(
            justerare=("Per Ek",),
            place="Vård- och omsorgsförvaltningen, Tumba",
            date=dt.date(2019, 9, 26),
            time=dt.time(10, 0),
            justerat_on=dt.date(2019, 9, 26),
            posted_on=dt.date(2019, 9, 27),
            archive="Vård- och omsorgsförvaltningen, Munkhättevägen 45, Tumba",
        ),
    )


def draft_protocol() -> Protocol:
    """The same protokoll before justering (no justerat or anslaget date)."""
    protocol = sample_protocol()
    justering = dataclasses.replace(protocol.justering, justerat_on=None, posted_on=None)
    return dataclasses.replace(protocol, justering=justering)
