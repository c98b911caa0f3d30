"""Applications for support from the applicants' side: a municipality's coordinator starts
a draft in the open round, invites other municipalities, each names a manager who anchors
it, and the lead submits when everything is in place; applicants see the decision and
its reasons, never the team's assessments."""

import datetime
import re
import threading

import pytest
from django.core import mail
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import ModelLogEntry

from network.models import Network, NetworkMembership
from organisations.models import Municipality, OrganisationEmailDomain
from portal.privacy import find_personal_numbers
from support.models import (
    Anchoring,
    Application,
    ApplicationAssessment,
    ApplicationParticipant,
    ApplicationRound,
    SelfAssessment,
)
from support.services import anchoring as anchoring_service
from support.services import applications as application_service

from ..portal.test_forms_never_fail import FUZZ, form_data

pytestmark = pytest.mark.django_db

START = "/stod/ansokan/"
PERSONAL_NUMBER = "19121212-1212"


def messages_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def anchoring_link(email):
    return re.search(r"http://testserver(/stod/ansokan/forankring/[^\s]+/)", email.body)[1]


def code_in(email):
    return re.search(r"^(\d{6})$", email.body, re.MULTILINE)[1]


def page_of(application):
    return f"/stod/ansokan/{application.pk}/"


def filled_in(activity, **extra):
    return {
        "activities": [activity.pk],
        "goals": "Tidigare upptäckt av barn som riskerar att dras in i kriminalitet.",
        "integration": "Arbetet tas in i ledningsgruppens årsplan och följs upp varje kvartal.",
        "collaboration": "Vi samverkar med grannkommunerna i länet och regionens BUP.",
        **extra,
    }


@pytest.fixture
def draft(application_round, activity, coordinator_a):
    """Kalmar's draft, filled in, applying alone."""
    application, _created = application_service.start(by=coordinator_a, activity=activity)
    application_service.update(
        application,
        by=coordinator_a,
        activities=[activity],
        goals="Att upptäcka tidigt.",
        integration="I den ordinarie verksamhetsplanen.",
        collaboration="",
    )
    return application


def confirm_anchoring(participant, by, email):
    made = anchoring_service.request_anchoring(
        participant,
        by=by,
        manager_name="Anna Chef",
        manager_title="Socialchef",
        manager_email=email,
    )
    Anchoring.objects.filter(pk=made.pk).update(status=Anchoring.Status.CONFIRMED)
    return made


# The whole path ---------------------------------------------------------------------


def test_two_municipalities_apply_together_from_start_to_submitted(
    client,
    committed,
    make_person,
    application_round,
    activity,
    questionnaire,
    coordinator_a,
    coordinator_b,
    kalmar,
    vaxjo,
):
    kalmar_manager = make_person("socialchef@kalmar.se", first_name="Anna")
    SelfAssessment.objects.create(
        organisation=kalmar.organisation,
        questionnaire=questionnaire,
        status=SelfAssessment.Status.COMPLETED,
        completed_at=timezone.now(),
    )

    # Kalmar's coordinator starts from the offer's "Ansök om stöd".
    client.force_login(coordinator_a)
    page = client.get(f"{START}?aktivitet={activity.pk}").content.decode()
    assert "Ansökningsomgången ”Ansökningsomgång 2027” är öppen" in page
    assert "Kartläggning av lokal lägesbild" in page
    response = client.post(START, {"aktivitet": activity.pk})
    application = Application.objects.get()
    assert response["Location"] == page_of(application)
    assert list(application.activities.all()) == [activity]
    page = client.get(page_of(application)).content.decode()
    assert "Bifogad: Nulägesanalys" in page

    response = client.post(page_of(application), filled_in(activity), follow=True)
    assert "Ansökan är sparad." in response.content.decode()

    with committed():
        response = client.post(
            f"{page_of(application)}medsokande/",
            {"organisations": [vaxjo.organisation.pk]},
            follow=True,
        )
    assert "Inbjudan är skickad till kontaktpersonerna för Växjö" in response.content.decode()
    [invitation] = messages_to(coordinator_b.email)
    assert "Kalmar" in invitation.subject
    assert f"http://testserver{page_of(application)}" in invitation.body

    # Växjö's coordinator confirms and names a manager.
    client.force_login(coordinator_b)
    page = client.get(page_of(application)).content.decode()
    assert "Kalmar vill söka tillsammans med er" in page
    assert "Tidigare upptäckt av barn" in page  # read-only
    assert 'name="goals"' not in page
    with committed():
        client.post(f"{page_of(application)}svar/", {"answer": "confirm"})
    assert "Växjö är med i ansökan" in messages_to(coordinator_a.email)[-1].subject + (
        messages_to(coordinator_a.email)[-1].body
    )
    with committed():
        response = client.post(
            f"{page_of(application)}chef/",
            {
                "manager_name": "Bo Chef",
                "manager_title": "Förvaltningschef",
                "manager_email": "forvaltningschef@vaxjo.se",
            },
            follow=True,
        )
    assert "Bo Chef har fått ett mejl" in response.content.decode()

    # Kalmar's coordinator names Kalmar's manager.
    client.force_login(coordinator_a)
    with committed():
        client.post(
            f"{page_of(application)}chef/",
            {
                "manager_name": "Anna Chef",
                "manager_title": "Socialchef",
                "manager_email": "socialchef@kalmar.se",
            },
        )
    # Not anchored yet: submitting is refused with what is missing.
    response = client.post(f"{page_of(application)}skicka-in/")
    page = response.content.decode()
    assert "Ansökan kan inte skickas in ännu" in page
    assert "Anna Chef (Kalmar) har inte bekräftat förankringen ännu." in page
    assert "Bo Chef (Växjö) har inte bekräftat förankringen ännu." in page
    application.refresh_from_db()
    assert application.status == "draft"

    # Kalmar's manager is signed in with the named address.
    [kalmar_request] = messages_to("socialchef@kalmar.se")
    manager = client.__class__()
    manager.force_login(kalmar_manager)
    page = manager.get(anchoring_link(kalmar_request)).content.decode()
    assert "Tidigare upptäckt av barn" in page and "Växjö" in page
    with committed():
        response = manager.post(
            anchoring_link(kalmar_request), {"action": "answer", "decision": "confirm"}
        )
    assert "Du har bekräftat att ansökan är förankrad" in response.content.decode()

    # Växjö's manager has no account: a one-time code by email.
    [vaxjo_request] = messages_to("forvaltningschef@vaxjo.se")
    link = anchoring_link(vaxjo_request)
    stranger = client.__class__()
    page = stranger.get(link).content.decode()
    assert "Tidigare upptäckt av barn" not in page and "f…@vaxjo.se" in page
    with committed():
        stranger.post(link, {"action": "send_code"})
    [code_email] = [m for m in messages_to("forvaltningschef@vaxjo.se") if m is not vaxjo_request]
    response = stranger.post(link, {"action": "verify", "code": code_in(code_email)})
    assert response["Location"] == link
    assert "Tidigare upptäckt av barn" in stranger.get(link).content.decode()
    with committed():
        stranger.post(
            link, {"action": "answer", "decision": "confirm", "comment": "Beslutat i ledningen."}
        )
    answers = [
        m for m in messages_to(coordinator_a.email) if "Förankringen är bekräftad" in m.subject
    ]
    assert len(answers) == 2
    assert any("Beslutat i ledningen." in m.body for m in answers)
    assert any(
        m.subject == "Förankringen är bekräftad: Växjö" for m in messages_to(coordinator_b.email)
    )

    # Now it goes in, and every applicant's coordinators are told.
    mail.outbox.clear()
    with committed():
        response = client.post(f"{page_of(application)}skicka-in/", follow=True)
    assert "Ansökan är inskickad till förstärkningsteamet" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "submitted" and application.submitted_by == coordinator_a
    assert application.self_assessment is not None
    for person in (coordinator_a, coordinator_b):
        [confirmation] = messages_to(person.email)
        assert "Ansökan om stöd är inskickad" in confirmation.subject
        assert "- Kalmar (kontakt för ansökan)" in confirmation.body
        assert "- Växjö" in confirmation.body
    # No more edits.
    page = client.get(page_of(application)).content.decode()
    assert 'name="goals"' not in page and "Inskickad" in page
    assert client.post(page_of(application), filled_in(activity)).status_code == 403

    actions = list(
        ModelLogEntry.objects.filter(object_id=str(application.pk))
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "support.application.created",
        "support.application.co_applicant_invited",
        "support.application.co_applicant_confirmed",
        "support.anchoring.requested",
        "support.anchoring.requested",
        "support.anchoring.confirmed",
        "support.anchoring.confirmed",
        "support.application.submitted",
    ]
    entry = ModelLogEntry.objects.get(action="support.application.co_applicant_invited")
    assert entry.message == "Medsökande kommun inbjuden: Växjö"


def test_an_unanchored_application_cannot_be_submitted_even_by_a_direct_post(
    client, draft, coordinator_a
):
    client.force_login(coordinator_a)
    response = client.post(f"{page_of(draft)}skicka-in/")
    assert "Kalmar har inte angett någon chef för förankring." in response.content.decode()
    participant = draft.participants.get()
    anchoring_service.request_anchoring(
        participant,
        by=coordinator_a,
        manager_name="Anna Chef",
        manager_title="Socialchef",
        manager_email="socialchef@kalmar.se",
    )
    response = client.post(f"{page_of(draft)}skicka-in/")
    assert "Anna Chef (Kalmar) har inte bekräftat förankringen ännu." in response.content.decode()
    Anchoring.objects.update(status=Anchoring.Status.DECLINED)
    response = client.post(f"{page_of(draft)}skicka-in/")
    assert "Kalmar har inte angett någon chef för förankring." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft" and draft.submitted_at is None
    with pytest.raises(application_service.NotReady):
        application_service.submit(draft, by=coordinator_a)


def test_submitting_needs_activities_goals_and_integration_and_an_open_round(
    client, draft, coordinator_a
):
    confirm_anchoring(draft.participants.get(), coordinator_a, "socialchef@kalmar.se")
    Application.objects.filter(pk=draft.pk).update(goals="", integration=" ")
    draft.activities.clear()
    ApplicationRound.objects.update(deadline=timezone.now() - datetime.timedelta(minutes=1))
    client.force_login(coordinator_a)
    page = client.post(f"{page_of(draft)}skicka-in/").content.decode()
    for missing in (
        "Välj minst en aktivitet ni vill ha stöd med.",
        "Skriv vad ni vill uppnå.",
        "Skriv hur stödet tas in i det ordinarie arbetet.",
        "Ansökningsomgången är stängd.",
    ):
        assert missing in page
    assert Application.objects.get().status == "draft"


def test_a_co_applicant_that_has_not_answered_blocks_submitting_until_removed(
    client, draft, coordinator_a, vaxjo
):
    # (Invited first: inviting after the manager confirmed would ask the manager again.)
    application_service.invite(draft, by=coordinator_a, organisations=[vaxjo.organisation])
    confirm_anchoring(draft.participants.get(is_lead=True), coordinator_a, "socialchef@kalmar.se")
    client.force_login(coordinator_a)
    page = client.post(f"{page_of(draft)}skicka-in/").content.decode()
    assert "Växjö har inte svarat på inbjudan." in page
    participant = draft.participants.get(organisation=vaxjo.organisation)
    response = client.post(f"{page_of(draft)}medsokande/{participant.pk}/ta-bort/", follow=True)
    assert "Växjö är borttagen ur ansökan." in response.content.decode()
    client.post(f"{page_of(draft)}skicka-in/")
    assert Application.objects.get().status == "submitted"


def test_submit_is_only_for_the_leads_coordinator(client, draft, coordinator_a, member_a, vaxjo):
    confirm_anchoring(draft.participants.get(), coordinator_a, "socialchef@kalmar.se")
    client.force_login(member_a)
    assert client.post(f"{page_of(draft)}skicka-in/").status_code == 403
    assert Application.objects.get().status == "draft"


# Starting ---------------------------------------------------------------------------


def test_starting_twice_opens_the_same_draft(client, application_round, coordinator_a):
    client.force_login(coordinator_a)
    first = client.post(START)
    second = client.post(START)
    assert first["Location"] == second["Location"]
    assert Application.objects.count() == 1
    assert ApplicationParticipant.objects.filter(is_lead=True).count() == 1


def test_the_database_refuses_a_second_draft_for_the_same_lead_and_round(draft):
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(round=draft.round, lead=draft.lead)


def test_a_race_between_two_starts_ends_in_the_one_draft(
    application_round, coordinator_a, monkeypatch
):
    """The second request did not see the first one's draft: the constraint catches it."""
    first, _ = application_service.start(by=coordinator_a)
    real_filter = Application.objects.filter

    def blind_filter(*args, **kwargs):
        if "lead" in kwargs and "status" not in kwargs:
            return Application.objects.none()
        return real_filter(*args, **kwargs)

    monkeypatch.setattr(Application.objects, "filter", blind_filter)
    second, created = application_service.start(by=coordinator_a)
    assert second.pk == first.pk and not created


def test_a_member_who_is_not_coordinator_is_told_who_applies(
    client, application_round, member_a, coordinator_a
):
    client.force_login(member_a)
    page = client.get(START).content.decode()
    assert "Det är kontaktpersonen för Kalmar som ansöker om stöd" in page
    assert "Karin Person" in page and "kontakt@kalmar.se" in page
    assert client.post(START).status_code == 200
    assert not Application.objects.exists()


def test_a_visitor_is_sent_to_sign_in(client, application_round):
    response = client.get(START)
    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")


def test_without_an_open_round_the_page_says_so_and_names_the_next(client, db, coordinator_a):
    now = timezone.now()
    ApplicationRound.objects.create(
        title="Omgång hösten 2027",
        opens_at=now + datetime.timedelta(days=40),
        deadline=now + datetime.timedelta(days=80),
    )
    client.force_login(coordinator_a)
    page = client.get(START).content.decode()
    assert "Det finns ingen öppen ansökningsomgång just nu." in page
    assert "Nästa omgång, ”Omgång hösten 2027”, öppnar" in page
    client.post(START)
    assert not Application.objects.exists()


def test_without_a_self_assessment_one_is_recommended_not_required(client, draft, coordinator_a):
    client.force_login(coordinator_a)
    page = client.get(page_of(draft)).content.decode()
    assert "Vi rekommenderar att ni gör en" in page
    assert 'href="/stod/nulagesanalys/"' in page


# Co-applicants ----------------------------------------------------------------------


def test_applying_as_a_network_invites_its_other_active_member_municipalities(
    draft, coordinator_a, kalmar, vaxjo, region_kalmar, committed
):
    network = Network.objects.create(name="Sydost", slug="sydost")
    umea = Municipality.objects.get(name="Umeå")
    for organisation, status in (
        (kalmar.organisation, "active"),
        (vaxjo.organisation, "active"),
        (region_kalmar, "active"),  # not a municipality: not invited
        (umea.organisation, "invited"),  # not an active member: not invited
    ):
        NetworkMembership.objects.create(network=network, organisation=organisation, status=status)
    with committed():
        invited = application_service.invite(draft, by=coordinator_a, network=network)
    assert [p.organisation for p in invited] == [vaxjo.organisation]
    draft.refresh_from_db()
    assert draft.network == network


def test_a_network_the_lead_is_not_in_is_refused(client, draft, coordinator_a, vaxjo):
    network = Network.objects.create(name="Annat", slug="annat")
    NetworkMembership.objects.create(
        network=network, organisation=vaxjo.organisation, status="active"
    )
    client.force_login(coordinator_a)
    # Not offered in the form either.
    response = client.post(f"{page_of(draft)}medsokande/", {"network": network.pk})
    assert "Välj ett av era nätverk i listan." in response.content.decode()
    with pytest.raises(application_service.ApplicationError):
        application_service.invite(draft, by=coordinator_a, network=network)


def test_a_co_applicant_declines_and_no_longer_sees_the_application(
    client, draft, coordinator_a, coordinator_b, vaxjo, committed
):
    application_service.invite(draft, by=coordinator_a, organisations=[vaxjo.organisation])
    client.force_login(coordinator_b)
    with committed():
        response = client.post(f"{page_of(draft)}svar/", {"answer": "decline"}, follow=True)
    assert "Ni har tackat nej till att söka tillsammans med Kalmar." in response.content.decode()
    assert "Växjö tackar nej till ansökan om stöd" in messages_to(coordinator_a.email)[0].subject
    assert client.get(page_of(draft)).status_code == 403


def test_a_co_applicants_plain_member_reads_but_cannot_answer(
    client, draft, coordinator_a, make_person, vaxjo
):
    application_service.invite(draft, by=coordinator_a, organisations=[vaxjo.organisation])
    member_b = make_person("medlem@vaxjo.se", vaxjo)
    client.force_login(member_b)
    page = client.get(page_of(draft)).content.decode()
    assert "Att upptäcka tidigt." in page and 'name="answer"' not in page
    assert client.post(f"{page_of(draft)}svar/", {"answer": "confirm"}).status_code == 403


def test_the_mina_sidor_panel_shows_applications_and_waiting_invitations(
    client, draft, coordinator_a, coordinator_b, vaxjo
):
    application_service.invite(draft, by=coordinator_a, organisations=[vaxjo.organisation])
    client.force_login(coordinator_b)
    page = client.get("/mina-sidor/").content.decode()
    assert "Inbjudningar att söka tillsammans" in page
    assert "väntar på ditt svar" in page and page_of(draft) in page
    client.force_login(coordinator_a)
    page = client.get("/mina-sidor/").content.decode()
    assert (
        "Ansökningar om stöd" in page
        and "Kalmar i ”Ansökningsomgång 2027”</a>" in page
        and "Utkast</li>" in page
    )


# The manager ------------------------------------------------------------------------


def test_a_managers_address_must_be_on_the_organisations_domain(
    client, draft, coordinator_a, kalmar
):
    OrganisationEmailDomain.objects.create(organisation=kalmar.organisation, domain="kalmar.se")
    client.force_login(coordinator_a)
    response = client.post(
        f"{page_of(draft)}chef/",
        {
            "manager_name": "Anna Chef",
            "manager_title": "Socialchef",
            "manager_email": "anna@gmail.com",
        },
    )
    page = response.content.decode()
    assert "Adressen ska sluta på @kalmar.se." in page
    assert 'value="Anna Chef"' in page  # nothing typed is lost
    assert not Anchoring.objects.exists()
    client.post(
        f"{page_of(draft)}chef/",
        {
            "manager_name": "Anna Chef",
            "manager_title": "Socialchef",
            "manager_email": "anna.chef@social.kalmar.se",
        },
    )
    assert Anchoring.objects.get().manager_email == "anna.chef@social.kalmar.se"


# Decisions and the team's assessments -------------------------------------------------


def test_applicants_see_the_decision_and_its_reasons_but_never_the_assessments(
    client, draft, coordinator_a, coordinator_b, member_a, vaxjo, application_round
):
    application_service.invite(draft, by=coordinator_a, organisations=[vaxjo.organisation])
    application_service.answer_invitation(
        draft.participants.get(organisation=vaxjo.organisation), by=coordinator_b, accept=True
    )
    Application.objects.filter(pk=draft.pk).update(
        status="granted",
        decision_reasons="Tydlig plan för samverkan i länet.",
        decided_at=timezone.now(),
    )
    for criterion in application_round.criteria.all():
        ApplicationAssessment.objects.create(
            application=draft, criterion=criterion, grade=4, note=f"HEMLIG BEDÖMNING {criterion.pk}"
        )
    for person in (coordinator_a, coordinator_b, member_a):
        client.force_login(person)
        for path in (page_of(draft), "/mina-sidor/", START):
            page = client.get(path).content.decode()
            assert "HEMLIG BEDÖMNING" not in page, (person, path)
            assert "Behov och förutsättningar" not in page  # nor the criteria
        page = client.get(page_of(draft)).content.decode()
        assert "Tydlig plan för samverkan i länet." in page and "Beviljad" in page


def test_withdrawing_before_a_decision(client, draft, coordinator_a, committed):
    client.force_login(coordinator_a)
    assert (
        "Vill du ta tillbaka ansökan"
        in client.get(f"{page_of(draft)}ta-tillbaka/").content.decode()
    )
    response = client.post(f"{page_of(draft)}ta-tillbaka/", follow=True)
    assert "Ansökan är tillbakatagen." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == "withdrawn"
    assert ModelLogEntry.objects.filter(action="support.application.withdrawn").exists()
    Application.objects.filter(pk=draft.pk).update(status="granted")
    response = client.post(f"{page_of(draft)}ta-tillbaka/", follow=True)
    assert "kan inte tas tillbaka" in response.content.decode()


# Privacy guard ----------------------------------------------------------------------


def test_a_personal_number_in_the_application_is_refused_and_nothing_is_lost(
    client, draft, activity, coordinator_a
):
    client.force_login(coordinator_a)
    data = filled_in(activity, goals=f"Stöd till barnet {PERSONAL_NUMBER} och familjen.")
    page = client.post(page_of(draft), data).content.decode()
    assert "innehåller något som ser ut som ett personnummer" in page
    assert "Stöd till barnet" in page and data["integration"] in page
    draft.refresh_from_db()
    assert PERSONAL_NUMBER not in draft.goals and draft.goals == "Att upptäcka tidigt."


def test_a_personal_number_as_the_managers_name_is_refused(client, draft, coordinator_a):
    client.force_login(coordinator_a)
    page = client.post(
        f"{page_of(draft)}chef/",
        {
            "manager_name": PERSONAL_NUMBER,
            "manager_title": "Socialchef",
            "manager_email": "chef@kalmar.se",
        },
    ).content.decode()
    assert "innehåller något som ser ut som ett personnummer" in page
    assert not Anchoring.objects.exists()


@FUZZ
@given(data=st.data())
def test_the_application_form_never_answers_with_a_server_error(client, draft, coordinator_a, data):
    client.force_login(coordinator_a)
    payload = data.draw(form_data(["activities", "goals", "integration", "collaboration"]))
    assert client.post(page_of(draft), payload).status_code < 500, payload
    draft.refresh_from_db()
    assert (
        find_personal_numbers(" ".join([draft.goals, draft.integration, draft.collaboration])) == []
    )


@FUZZ
@given(data=st.data())
def test_the_co_applicant_and_manager_forms_never_answer_with_a_server_error(
    client, draft, coordinator_a, data
):
    client.force_login(coordinator_a)
    invite = data.draw(form_data(["network", "organisations"]))
    assert client.post(f"{page_of(draft)}medsokande/", invite).status_code < 500, invite
    manager = data.draw(form_data(["manager_name", "manager_title", "manager_email"]))
    assert client.post(f"{page_of(draft)}chef/", manager).status_code < 500, manager


def test_removing_a_co_applicant_tells_its_coordinators(
    client, draft, coordinator_a, coordinator_b, vaxjo, committed
):
    application_service.invite(draft, by=coordinator_a, organisations=[vaxjo.organisation])
    participant = draft.participants.get(organisation=vaxjo.organisation)
    mail.outbox.clear()
    client.force_login(coordinator_a)
    with committed():
        client.post(f"{page_of(draft)}medsokande/{participant.pk}/ta-bort/")
    subjects = [m.subject for m in messages_to(coordinator_b.email)]
    assert "Växjö är inte längre med i ansökan om stöd från Kalmar" in subjects
    client.force_login(coordinator_b)
    assert client.get(page_of(draft)).status_code == 403


def test_the_personal_data_export_holds_the_applications_and_managers_asked(
    client, draft, coordinator_a
):
    confirm_anchoring(draft.participants.get(), coordinator_a, "socialchef@kalmar.se")
    client.force_login(coordinator_a)
    data = client.get("/mina-sidor/mina-uppgifter.json").json()["ansökningar om stöd"]
    assert data["ansökningar du har påbörjat"][0]["sökande"] == "Kalmar"
    assert data["chefer du har bett om förankring"][0]["chef"] == "Anna Chef, Socialchef"


def test_inviting_a_municipality_without_a_coordinator_warns_the_lead(
    client, draft, coordinator_a, municipalities
):
    umea = Municipality.objects.get(name="Umeå")
    client.force_login(coordinator_a)
    response = client.post(
        f"{page_of(draft)}medsokande/", {"organisations": [umea.organisation.pk]}, follow=True
    )
    assert "Umeå har ingen kontaktperson i portalen, så inbjudan når ingen." in (
        response.content.decode()
    )


# At the same moment -----------------------------------------------------------------


def _at_once(action, count=2):
    """Run `action` in `count` threads released together; their outcomes."""
    barrier = threading.Barrier(count)
    outcomes = []

    def run():
        try:
            barrier.wait(timeout=30)
            outcomes.append(action())
        except application_service.ApplicationError as error:
            outcomes.append(f"refused: {error}")
        except Exception as error:  # noqa: BLE001 - reported by the assertion
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_submits_at_once_submit_once(application_round, activity, coordinator_a, settings):
    settings.EMAIL_DRAIN_ON_COMMIT = False
    application, _created = application_service.start(by=coordinator_a, activity=activity)
    application_service.update(
        application,
        by=coordinator_a,
        activities=[activity],
        goals="Mål",
        integration="I verksamhetsplanen.",
        collaboration="",
    )
    confirm_anchoring(application.participants.get(), coordinator_a, "socialchef@kalmar.se")

    outcomes = _at_once(lambda: application_service.submit(application, by=coordinator_a).status)

    assert sorted(outcomes) == [
        "refused: Ansökan är inskickad och kan inte längre ändras.",
        "submitted",
    ]
    assert ModelLogEntry.objects.filter(action="support.application.submitted").count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_starts_at_once_make_one_draft(application_round, coordinator_a):
    outcomes = _at_once(lambda: application_service.start(by=coordinator_a)[0].pk)
    assert len(outcomes) == 2 and outcomes[0] == outcomes[1], outcomes
    assert Application.objects.count() == 1
