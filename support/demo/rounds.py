"""Demo content: one application round, open now, with room for five municipalities and
no applications, and the criteria the team assesses by, written in the portal's own words
from what Ds 2025:19 (6.5.4–6.5.5) says the selection should weigh. Equal and objective
treatment is how every criterion is applied, not a criterion of its own, so the round's
description says it."""

import datetime

from django.utils import timezone

from ..models import ApplicationRound, AssessmentCriterion

TITLE = "Nya kommuner"  # the round is open from when the demo is built

CRITERIA = [
    (
        "Behov och förutsättningar",
        "Har kommunen beskrivit vad den behöver stöd med i det brottsförebyggande arbetet "
        "med barn och unga, och varför? Bygger beskrivningen på en analys av läget, till "
        "exempel nulägesanalysen eller den behovsanalys som gjorts inför den nya "
        "socialtjänstlagen?",
    ),
    (
        "Förankring i förvaltningsledningen",
        "Står förvaltningens ledning bakom ansökan, så att det finns mandat och tid att ta "
        "emot stödet och arbeta vidare med det?",
    ),
    (
        "Samverkan med andra i regionen",
        "Planerar kommunen att utveckla arbetet tillsammans med andra kommuner i länet eller "
        "närområdet, som nätverk eller i en grupp? Sådana ansökningar går före. En kommun "
        "utan sådan samverkan kan ändå få stöd.",
    ),
    (
        "Stödet blir en del av det ordinarie arbetet",
        "Vet kommunen vad den vill uppnå och hur det teamet bidrar med ska leva vidare i "
        "verksamhetens vanliga processer när stödet är slut, efter högst två år?",
    ),
    (
        "Kommunens eget åtagande",
        "Tar kommunen ansvar för sitt lokala utvecklingsarbete, med egna resurser och "
        "personer som deltar, så att teamets stöd kan bidra till något som redan pågår?",
    ),
]


def build(home):
    now = timezone.now()
    application_round, created = ApplicationRound.objects.get_or_create(
        title=TITLE,
        defaults={
            "description": (
                "Kommuner kan söka stöd för en eller flera aktiviteter inom stödområdena, "
                "ensamma eller tillsammans med andra kommuner i sin region. Teamet kan ta "
                "emot omkring fem nya kommuner per år, och stödet varar högst två år. "
                "Alla ansökningar i omgången bedöms på samma sätt, sakligt och efter samma "
                "grunder."
            ),
            "opens_at": now - datetime.timedelta(days=7),
            "deadline": now + datetime.timedelta(days=90),
            "capacity": 5,
            "decision_expected": "Inom sex veckor efter sista ansökningsdag",
        },
    )
    if created:
        for order, (title, description) in enumerate(CRITERIA):
            AssessmentCriterion.objects.create(
                round=application_round, sort_order=order, title=title, description=description
            )


def counts():
    return {"ansökningsomgångar": ApplicationRound.objects.count()}
