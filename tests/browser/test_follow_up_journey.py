"""Follow-up of an engagement (issue 18): a coordinator of a municipality whose
engagement ended yesterday finds the questionnaire on Mina sidor, sends it too early and
is told what is missing with nothing lost, then sends it with a meeting request and
reads the comparison with the self-assessment made before the support. axe finds
nothing on the form, the form with errors, nor the result."""

import datetime

from django.utils import timezone

from support.models import Engagement, EngagementOrganisation, Questionnaire
from support.services import assessments
from support.services import follow_up as services

from .helpers import axe_violations, log_in

MUNICIPALITY = "Gävle"
QUESTIONNAIRE = "Nulägesanalys: samverkan med BUP"


def _engagement_that_ended_yesterday(coordinator):
    from organisations.models import Organisation

    organisation = Organisation.objects.get(name=MUNICIPALITY)
    today = timezone.localdate()
    starts_on = today - datetime.timedelta(days=400)
    questionnaire = Questionnaire.objects.get(title=QUESTIONNAIRE)
    draft, _ = assessments.start(questionnaire, by=coordinator, prefill=False)
    scale = [q for q in assessments.questions_of(questionnaire) if q.kind == "scale"]
    assessments.save_answers(draft, dict.fromkeys(scale, (2, False, "")), by=coordinator)
    done = assessments.complete(draft, by=coordinator)
    type(done).objects.filter(pk=done.pk).update(
        completed_at=timezone.now() - datetime.timedelta(days=420)
    )
    engagement = Engagement.objects.create(
        title="Samverkan med BUP i Gävle",
        starts_on=starts_on,
        ends_on=today - datetime.timedelta(days=1),
        ended_on=today - datetime.timedelta(days=1),
    )
    EngagementOrganisation.objects.create(
        engagement=engagement, organisation=organisation, is_lead=True
    )
    services.send_due()
    return engagement


def test_a_coordinator_answers_the_follow_up_and_reads_the_comparison(open_page, person):
    coordinator = person(MUNICIPALITY, role="coordinator", first_name="Greta")
    engagement = _engagement_that_ended_yesterday(coordinator)
    page = open_page()
    log_in(page, coordinator)

    page.goto("/mina-sidor/")
    # Mina sidor lists the engagement too; the follow-up has a panel of its own.
    follow_ups = page.get_by_role("region", name="Uppföljning att svara på")
    follow_ups.get_by_role("link", name=engagement.title).click()
    page.get_by_role("heading", name=f"Uppföljning: {engagement.title}", level=1).wait_for()
    assert "I nulägesanalysen innan insatsen: Påbörjat" in page.locator("main").inner_text()
    assert axe_violations(page) == []

    page.get_by_label("Vad har blivit kvar i ert ordinarie arbete?").fill(
        "Vi träffar BUP varje månad."
    )
    page.get_by_role("button", name="Skicka till teamet").click()
    page.get_by_text("Något behöver rättas").wait_for()
    assert page.get_by_label("Vad har blivit kvar").input_value() == "Vi träffar BUP varje månad."
    assert axe_violations(page) == []

    for group in page.get_by_role("group").filter(has=page.get_by_label("Vet inte")).all():
        group.get_by_label("Vet inte").check()
    page.get_by_role(
        "group", name="Socialtjänstens kontakt med barn- och ungdomspsykiatrin"
    ).get_by_label("På plats", exact=True).check()
    page.get_by_label("Ja, vi vill ha ett uppföljningsmöte").check()
    page.get_by_label("Vilka tider passar för mötet?").fill("Förmiddagar i april")
    page.get_by_role("button", name="Skicka till teamet").click()
    page.get_by_role("status").filter(has_text="Uppföljningen är skickad").wait_for()

    main = page.locator("main").inner_text()
    assert "Förmiddagar i april" in main
    assert "Påbörjat (2,0)" in main and "På plats (4)" in main and "Högre (+2,0)" in main
    assert page.get_by_role("button", name="Skicka till teamet").count() == 0
    assert axe_violations(page) == []
