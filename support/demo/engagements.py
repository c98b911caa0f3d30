"""Demo content: one engagement, made up to show how the team and a municipality follow
their work together. Its content is invented and says so; it claims nothing about the
municipality it is attached to beyond taking part in the example."""

import datetime

from django.utils import timezone

from organisations.models import Municipality

from ..models import (
    Agreement,
    Engagement,
    EngagementMeeting,
    EngagementOrganisation,
    NextStep,
    SupportActivity,
)
from ..services.engagements import limit_of

TITLE = "Exempelinsats: tidig upptäckt och samverkan"
MUNICIPALITY = "Vänersborg"

GOALS = (
    "Påhittat exempel. Socialtjänsten och skolan har ett gemensamt sätt att uppmärksamma "
    "barn och unga som riskerar att dras in i kriminalitet, och vet vem som gör vad när "
    "oro väcks. Arbetssättet finns beskrivet i verksamhetens egna rutiner när stödet slutar."
)
TEAM_COMMITS = (
    "Teamet leder tre workshoppar om tidig upptäckt, ger processtöd till arbetsgruppen en "
    "gång i månaden och delar kunskapsstöd och goda exempel från andra kommuner."
)
MUNICIPALITY_COMMITS = (
    "Kommunen utser en arbetsgrupp med socialtjänst och skola, ger den tid att delta, har "
    "förvaltningsledningens stöd och tar med arbetssättet i sitt ordinarie "
    "utvecklingsarbete."
)


def build(home):
    if Engagement.objects.filter(title=TITLE).exists():
        return
    today = timezone.localdate()
    starts_on = today - datetime.timedelta(days=120)
    organisation = Municipality.objects.get(name=MUNICIPALITY).organisation
    engagement = Engagement.objects.create(
        title=TITLE,
        phase=Engagement.Phase.NEEDS,
        starts_on=starts_on,
        ends_on=limit_of(starts_on),
    )
    EngagementOrganisation.objects.create(
        engagement=engagement, organisation=organisation, is_lead=True, joined_on=starts_on
    )
    activities = list(SupportActivity.objects.filter(is_offered=True).order_by("pk")[:2])
    confirmed_at = timezone.now() - datetime.timedelta(days=100)
    first = Agreement.objects.create(
        engagement=engagement,
        version=1,
        goals=GOALS,
        team_commitments=TEAM_COMMITS,
        municipality_commitments=MUNICIPALITY_COMMITS,
        starts_on=starts_on,
        ends_on=engagement.ends_on,
        team_confirmed_at=confirmed_at,
        municipality_confirmed_at=confirmed_at,
    )
    first.activities.set(activities[:1])
    second = Agreement.objects.create(
        engagement=engagement,
        version=2,
        goals=GOALS,
        team_commitments=TEAM_COMMITS,
        municipality_commitments=MUNICIPALITY_COMMITS,
        starts_on=starts_on,
        ends_on=engagement.ends_on,
        change_note="En aktivitet till efter behovsinventeringen.",
    )
    second.activities.set(activities)
    steps = [
        ("dialogue", "Inledande möte med förvaltningsledningen", "team", "", -110, True),
        ("dialogue", "Utse arbetsgruppen", "municipality", "socialchef", -95, True),
        (
            "needs",
            "Samla rutiner och statistik till behovsinventeringen",
            "municipality",
            "samordnare",
            -7,
            False,
        ),
        ("needs", "Sammanställ behovsinventeringen och skicka den", "team", "", 21, False),
        ("delivery", "Första workshoppen om tidig upptäckt", "team", "", 60, False),
    ]
    for phase, what, owner, role, days, done in steps:
        due_on = today + datetime.timedelta(days=days)
        NextStep.objects.create(
            engagement=engagement,
            phase=phase,
            what=what,
            owner=owner,
            owner_role=role,
            due_on=due_on,
            done_at=timezone.now() - datetime.timedelta(days=-days) if done else None,
            activity=activities[0] if phase == "delivery" and activities else None,
        )
    EngagementMeeting.objects.create(
        engagement=engagement,
        held_on=starts_on + datetime.timedelta(days=10),
        kind=EngagementMeeting.Kind.DIGITAL,
        roles="socialchef, enhetschef, teamets processledare",
        notes="Påhittat exempel. Vi gick igenom överenskommelsen och bokade behovsinventeringen.",
    )


def counts():
    return {"insatser": Engagement.objects.count()}
