"""Issue 17's whole path through the site and the admin, as the people involved do it:
Kalmar's staff make a self-assessment; Kalmar applies together with Växjö; both managers
confirm the anchoring; the team grades the application and grants it; everyone applying
is emailed the decision and its reasons, never the team's grades or notes."""

import pytest
from django.core import mail
from django.test import Client

from support.models import Application, ApplicationAssessment, SelfAssessment

from .test_applications import anchoring_link, code_in, filled_in, messages_to, page_of
from .test_assessments import fields, start, url
from .test_selection import application_url, decide, grade_data

pytestmark = pytest.mark.django_db

NOTE = "Tydlig plan men svag förankring i skolan."
REASONS = "Behovet är väl beskrivet och kommunerna samverkar redan i länet."


def name_manager(client, application, name, email):
    return client.post(
        f"{page_of(application)}chef/",
        {"manager_name": name, "manager_title": "Socialchef", "manager_email": email},
    )


def test_from_self_assessment_to_a_decision_emailed_to_both_municipalities(
    committed,
    application_round,
    activity,
    questionnaire,
    member_a,
    coordinator_a,
    coordinator_b,
    editor,
    vaxjo,
):
    kalmar_staff, vaxjo_staff, team = Client(), Client(), Client()
    kalmar_staff.force_login(member_a)
    vaxjo_staff.force_login(coordinator_b)
    team.force_login(editor)

    # 1. A member of Kalmar's social services makes the self-assessment.
    early, follow_up, needs = fields(questionnaire)
    assessment = start(kalmar_staff, questionnaire)
    kalmar_staff.post(
        url(assessment),
        {early: "4", follow_up: "2", needs: "Uppföljning.", "action": "complete"},
    )
    assessment.refresh_from_db()
    assert assessment.status == SelfAssessment.Status.COMPLETED

    # 2. Kalmar's coordinator applies, with Växjö; the self-assessment goes with it.
    kalmar_staff.force_login(coordinator_a)
    kalmar_staff.post("/stod/ansokan/", {"aktivitet": activity.pk})
    application = Application.objects.get()
    kalmar_staff.post(page_of(application), filled_in(activity))
    with committed():
        kalmar_staff.post(
            f"{page_of(application)}medsokande/", {"organisations": [vaxjo.organisation.pk]}
        )
        vaxjo_staff.post(f"{page_of(application)}svar/", {"answer": "confirm"})
        name_manager(vaxjo_staff, application, "Bo Chef", "chef@vaxjo.se")
        name_manager(kalmar_staff, application, "Anna Chef", "chef@kalmar.se")

    # Unanchored, it cannot be submitted.
    response = kalmar_staff.post(f"{page_of(application)}skicka-in/")
    assert "Ansökan kan inte skickas in ännu" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT

    # 3. Both managers confirm with the one-time code their link leads to.
    for address in ("chef@kalmar.se", "chef@vaxjo.se"):
        [request] = messages_to(address)
        link, manager = anchoring_link(request), Client()
        with committed():
            manager.post(link, {"action": "send_code"})
        [code_email] = [m for m in messages_to(address) if m is not request]
        manager.post(link, {"action": "verify", "code": code_in(code_email)})
        with committed():
            response = manager.post(link, {"action": "answer", "decision": "confirm"})
        assert "Du har bekräftat att ansökan är förankrad" in response.content.decode()

    with committed():
        kalmar_staff.post(f"{page_of(application)}skicka-in/")
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert application.self_assessment == assessment

    # 4. The team sees it in the round, with the self-assessment, grades it and grants it.
    round_page = team.get(f"/admin/stod-urval/omgang/{application_round.pk}/").content.decode()
    assert "Kalmar" in round_page and "Växjö" in round_page
    page = team.get(application_url(application)).content.decode()
    assert "Anna Chef" in page and "Bo Chef" in page
    assert questionnaire.support_area.title in page  # the self-assessment's summary
    team.post(
        application_url(application, "bedomning/"),
        grade_data(
            application_round,
            [4, 3],
            notes={application_round.criteria.first().pk: NOTE},
        ),
    )
    assert ApplicationAssessment.objects.filter(application=application).count() == 2
    mail.outbox.clear()
    with committed():
        decide(team, application, outcome="granted", reasons=REASONS)
    application.refresh_from_db()
    assert application.status == Application.Status.GRANTED
    assert application.decided_by == editor

    # 5. Both municipalities' coordinators are told, in Swedish, with the reasons only.
    for person in (coordinator_a, coordinator_b):
        [decision] = messages_to(person.email)
        assert "beviljad" in decision.subject.lower()
        assert REASONS in decision.body
        assert NOTE not in decision.body
    # And on the application's page: the decision and reasons, not the assessment.
    page = vaxjo_staff.get(page_of(application)).content.decode()
    assert REASONS in page and NOTE not in page
