"""Findings of the security review of the support app (issues 17 and 19): each test
shows one way the app could be misused, and that it no longer can."""

import pytest
from django.core import mail
from django.utils import timezone

from support.models import Anchoring

from . import test_anchoring, test_questions, test_selection

# Fixtures of the tests these findings extend.
requested = test_anchoring.requested
answers_index = test_questions.answers_index
together = test_selection.together

pytestmark = pytest.mark.django_db


def test_codes_cannot_be_requested_without_end_so_the_code_cannot_be_guessed(
    client,
    requested,
    committed,
    settings,
):
    """Five tries per code and a new code every minute would let anyone holding the link
    make some 100 000 guesses at a six-digit code while the link works."""
    anchoring, link = requested
    settings.SUPPORT_ANCHORING_CODE_RESEND_SECONDS = 0
    for _round in range(settings.SUPPORT_ANCHORING_CODE_MAX_SENDS):
        mail.outbox.clear()
        with committed():
            client.post(link, {"action": "send_code"})
        assert len(mail.outbox) == 1
    mail.outbox.clear()
    with committed():
        page = client.post(link, {"action": "send_code"}).content.decode()
    assert mail.outbox == []
    assert "Inga fler koder kan skickas" in page
    # The last code sent still works only for its five tries; then nothing more is possible.
    anchoring.refresh_from_db()
    assert anchoring.status == Anchoring.Status.PENDING


def test_a_coordinator_cannot_name_themselves_as_the_manager_who_anchors(
    client,
    requested,
    coordinator_a,
):
    anchoring, _link = requested
    client.force_login(coordinator_a)
    response = client.post(
        f"/stod/ansokan/{anchoring.participant.application_id}/chef/",
        {
            "manager_name": "Karin Person",
            "manager_title": "Socialchef",
            "manager_email": coordinator_a.email.upper(),
        },
    )
    assert response.status_code == 200
    assert "någon annan än du själv" in response.content.decode()
    anchoring.refresh_from_db()
    assert anchoring.status == Anchoring.Status.PENDING  # the real manager's request stands
    assert not Anchoring.objects.filter(manager_email__iexact=coordinator_a.email).exists()


def test_copying_a_published_answer_in_the_admin_works_and_the_copy_is_not_the_question(
    client, committed, member_a, editor, support_area, answers_index
):
    """The page is linked one-to-one to its question: a copy that kept the link failed with
    a server error, and it would have shown the asker's organisation a second time."""
    from support.models import QuestionAnswerPage
    from support.services import questions

    from .test_questions import ask

    question = ask(support_area, member_a, may_show_organisation=True)
    questions.take(question, by=editor)
    questions.answer(question, by=editor, text="Så här.")
    with committed():
        page = questions.publish(
            question, by=editor, title="Original", question_text="Fråga?", answer_text="Svar."
        )
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/{page.pk}/copy/",
        {
            "new_title": "Kopia",
            "new_slug": "kopia",
            "new_parent_page": answers_index.pk,
            "publish_copy": "on",
        },
    )
    assert response.status_code == 302
    copy = QuestionAnswerPage.objects.get(slug="kopia")
    assert copy.source_question is None
    page.refresh_from_db()
    assert page.source_question == question
    assert "Frågan kommer från Kalmar." not in client.get(copy.url).content.decode()


def test_a_decision_is_not_emailed_to_a_creator_who_has_left_the_municipality(
    together, editor, coordinator_b, committed
):
    """The person who started the application is told the decision while they act for one
    of the applying organisations; someone who has since left gets nothing."""
    from portal.models import Membership
    from support.services import selection

    Membership.objects.filter(user__email="medlem@kalmar.se").update(status=Membership.Status.ENDED)
    mail.outbox.clear()
    with committed():
        selection.decide(together, granted=True, reasons="Väl beskrivet behov.", by=editor)
    assert sorted(m.to[0] for m in mail.outbox) == ["kontakt@kalmar.se", "kontakt@vaxjo.se"]


def test_the_team_does_not_read_the_self_assessment_of_a_withdrawn_application(
    client, editor, application_round, kalmar, questionnaire
):
    from support.models import SelfAssessment

    assessment = SelfAssessment.objects.create(
        organisation=kalmar.organisation,
        questionnaire=questionnaire,
        status="completed",
        completed_at=timezone.now(),
    )
    application = test_selection.submitted(application_round, kalmar, status="withdrawn")
    application.self_assessment = assessment
    application.save(update_fields=["self_assessment"])
    client.force_login(editor)
    assert client.get(f"/stod/nulagesanalys/{assessment.pk}/").status_code == 404
    application.status = "submitted"
    application.save(update_fields=["status"])
    assert client.get(f"/stod/nulagesanalys/{assessment.pk}/").status_code == 200


def _anchored_pair(committed, application_round, activity, coordinator_a, coordinator_b, vaxjo):
    """Kalmar's and Växjö's application, filled in, both managers confirmed (by code)."""
    from support.services import anchoring as anchoring_service
    from support.services import applications as application_service

    from .test_applications import filled_in

    application, _created = application_service.start(by=coordinator_a, activity=activity)
    data = filled_in(activity)
    application_service.update(
        application,
        by=coordinator_a,
        activities=[activity],
        goals=data["goals"],
        integration=data["integration"],
        collaboration=data["collaboration"],
    )
    application_service.invite(application, by=coordinator_a, organisations=[vaxjo.organisation])
    vaxjo_part = application.participants.get(organisation=vaxjo.organisation)
    application_service.answer_invitation(vaxjo_part, by=coordinator_b, accept=True)
    with committed():
        for participant, by, email in (
            (application.participants.get(is_lead=True), coordinator_a, "chef@kalmar.se"),
            (vaxjo_part, coordinator_b, "chef@vaxjo.se"),
        ):
            made = anchoring_service.request_anchoring(
                participant,
                by=by,
                manager_name="Chef",
                manager_title="Socialchef",
                manager_email=email,
            )
            Anchoring.objects.filter(pk=made.pk).update(
                status=Anchoring.Status.CONFIRMED, responded_at=timezone.now()
            )
    return application


def test_changing_the_texts_after_the_managers_confirmed_asks_them_again(
    client, committed, application_round, activity, coordinator_a, coordinator_b, vaxjo
):
    """A manager must have anchored what is submitted, not an earlier version of it."""
    from .test_applications import filled_in, messages_to, page_of

    application = _anchored_pair(
        committed, application_round, activity, coordinator_a, coordinator_b, vaxjo
    )
    client.force_login(coordinator_a)
    # Saving the same texts again changes nothing.
    mail.outbox.clear()
    with committed():
        client.post(page_of(application), filled_in(activity))
    assert mail.outbox == []
    assert Anchoring.objects.filter(status=Anchoring.Status.CONFIRMED).count() == 2

    with committed():
        client.post(page_of(application), filled_in(activity, goals="Helt andra mål."))
    assert Anchoring.objects.filter(status=Anchoring.Status.CONFIRMED).count() == 0
    assert Anchoring.objects.filter(status=Anchoring.Status.PENDING).count() == 2
    for address in ("chef@kalmar.se", "chef@vaxjo.se"):
        [email] = messages_to(address)
        assert "bekräfta förankringen igen" in email.subject
        assert "/stod/ansokan/forankring/" in email.body
    page = client.post(f"{page_of(application)}skicka-in/").content.decode()
    assert "Ansökan kan inte skickas in ännu" in page
    application.refresh_from_db()
    assert application.status == "draft"


def test_a_new_co_applicant_after_the_managers_confirmed_asks_them_again(
    committed, application_round, activity, coordinator_a, coordinator_b, vaxjo, municipalities
):
    from organisations.models import Municipality
    from support.services import applications as application_service

    application = _anchored_pair(
        committed, application_round, activity, coordinator_a, coordinator_b, vaxjo
    )
    nybro = Municipality.objects.get(name="Nybro").organisation
    application_service.invite(application, by=coordinator_a, organisations=[nybro])
    assert not Anchoring.objects.filter(status=Anchoring.Status.CONFIRMED).exists()
