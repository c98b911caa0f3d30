"""Asking to act for an organisation, and the coordinators' and editors' decisions."""

import json
import re

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from organisations.models import Municipality, Organisation, OrganisationEmailDomain
from portal.models import Membership
from portal.services import memberships as services

from ..factories import GoodExamplePageFactory

pytestmark = pytest.mark.django_db


def decision_path(message):
    return re.search(r"http://testserver(/mina-sidor/beslut/[^\s]+)", message.body).group(1)


@pytest.fixture
def ask_to_join(client, committed):
    def ask(client, user, organisation, job_title="Socialsekreterare"):
        if isinstance(organisation, Municipality):
            organisation = organisation.organisation
        client.force_login(user)
        with committed():
            return client.post(
                "/mina-sidor/organisation/",
                {"organisation": organisation.slug, "job_title": job_title},
            )

    return ask


def test_an_address_on_the_municipality_domain_is_approved_at_once(
    client, home_page, make_person, kalmar, ask_to_join
):
    OrganisationEmailDomain.objects.create(organisation=kalmar.organisation, domain="Kalmar.se")
    person = make_person("lisa@socialtjansten.kalmar.se")
    response = ask_to_join(client, person, kalmar)
    assert response["Location"] == "/mina-sidor/"
    membership = Membership.objects.get(user=person)
    assert membership.status == "approved"
    assert membership.approved_by_email_domain
    assert [m.subject for m in mail.outbox] == ["Du är nu medlem för Kalmar"]
    html = client.get("/mina-sidor/").content.decode()
    assert "Du är <strong>Medlem</strong> för <strong>Kalmar</strong>" in html
    assert ModelLogEntry.objects.filter(action="portal.membership.approved_by_domain").exists()


def test_another_domain_waits_for_the_coordinator_who_approves_from_the_email(
    client, home_page, outsider, coordinator_a, kalmar, ask_to_join, committed
):
    ask_to_join(client, outsider, kalmar)
    membership = Membership.objects.get(user=outsider)
    assert membership.status == "pending"
    to_coordinator = next(m for m in mail.outbox if m.to == [coordinator_a.email])
    assert to_coordinator.subject == "Förfrågan om medlemskap i Kalmar"
    assert "Socialsekreterare" in to_coordinator.body
    assert any(m.to == [outsider.email] for m in mail.outbox)  # "we have your request"

    client.force_login(coordinator_a)  # the link leads through sign-in first
    mail.outbox.clear()
    path = decision_path(to_coordinator)
    page = client.get(path)
    assert page.status_code == 200
    assert outsider.email in page.content.decode()
    with committed():
        client.post(path, {"action": "approve"})
    membership.refresh_from_db()
    assert membership.status == "approved"
    assert membership.decided_by == coordinator_a
    assert [m.to for m in mail.outbox] == [[outsider.email]]
    assert mail.outbox[0].subject == "Du är nu medlem för Kalmar"
    entry = ModelLogEntry.objects.get(action="portal.membership.approved")
    assert entry.user_id == coordinator_a.pk
    # The link cannot decide twice.
    assert "Förfrågan är hanterad" in client.get(path).content.decode()


def test_coordinator_declines_with_a_reason_the_person_is_told(
    client, home_page, outsider, coordinator_a, kalmar, ask_to_join, committed
):
    ask_to_join(client, outsider, kalmar)
    membership = Membership.objects.get(user=outsider)
    mail.outbox.clear()
    client.force_login(coordinator_a)
    html = client.get("/mina-sidor/").content.decode()
    assert "Förfrågningar att godkänna" in html and outsider.email in html
    with committed():
        client.post(
            f"/mina-sidor/medlemskap/{membership.pk}/",
            {"action": "decline", "reason": "Arbetar inte i kommunen"},
        )
    membership.refresh_from_db()
    assert membership.status == "declined"
    assert mail.outbox[0].to == [outsider.email]
    assert "Arbetar inte i kommunen" in mail.outbox[0].body


def test_without_a_coordinator_the_editors_are_asked(
    client, home_page, outsider, editor, vaxjo, ask_to_join
):
    ask_to_join(client, outsider, vaxjo)
    assert any(m.to == [editor.email] for m in mail.outbox)
    membership = Membership.objects.get(user=outsider)
    client.force_login(editor)
    client.post(f"/mina-sidor/medlemskap/{membership.pk}/", {"action": "approve"})
    membership.refresh_from_db()
    assert membership.status == "approved"


def test_a_coordinator_cannot_decide_for_another_municipality(
    client, home_page, outsider, coordinator_b, kalmar, ask_to_join
):
    ask_to_join(client, outsider, kalmar)
    membership = Membership.objects.get(user=outsider)
    client.force_login(coordinator_b)
    response = client.post(f"/mina-sidor/medlemskap/{membership.pk}/", {"action": "approve"})
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.status == "pending"


def test_moving_ends_the_old_membership_when_the_new_one_is_approved(
    client, home_page, member_a, coordinator_b, vaxjo, ask_to_join
):
    ask_to_join(client, member_a, vaxjo)
    assert Membership.objects.get(user=member_a, status="approved").organisation.name == "Kalmar"
    new = Membership.objects.get(user=member_a, status="pending")
    services.approve_membership(new, by=coordinator_b)
    statuses = dict(
        Membership.objects.filter(user=member_a).values_list("organisation__name", "status")
    )
    assert statuses == {"Kalmar": "ended", "Växjö": "approved"}


def test_a_new_request_replaces_a_pending_one(
    client, home_page, outsider, kalmar, vaxjo, ask_to_join
):
    ask_to_join(client, outsider, kalmar)
    ask_to_join(client, outsider, vaxjo)
    statuses = dict(
        Membership.objects.filter(user=outsider).values_list("organisation__name", "status")
    )
    assert statuses == {"Kalmar": "ended", "Växjö": "pending"}


def test_asking_for_the_municipality_you_already_have_is_explained(
    client, home_page, member_a, kalmar, ask_to_join
):
    response = ask_to_join(client, member_a, kalmar)
    assert response.status_code == 200
    assert "Du är redan medlem för Kalmar." in response.content.decode()


def test_coordinator_appoints_a_colleague_and_the_colleague_is_told(
    client, home_page, member_a, coordinator_a, committed
):
    client.force_login(coordinator_a)
    membership = Membership.objects.get(user=member_a)
    with committed():
        client.post(f"/mina-sidor/medlemskap/{membership.pk}/", {"action": "coordinator"})
    membership.refresh_from_db()
    assert membership.role == "coordinator"
    assert mail.outbox[-1].to == [member_a.email]
    assert "kontaktperson" in mail.outbox[-1].body.lower()


def test_a_coordinator_of_another_municipality_cannot_appoint(
    client, home_page, member_a, coordinator_b
):
    client.force_login(coordinator_b)
    membership = Membership.objects.get(user=member_a)
    response = client.post(f"/mina-sidor/medlemskap/{membership.pk}/", {"action": "coordinator"})
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.role == "member"


def test_a_decision_link_stops_working_when_the_approver_loses_the_role(
    client, home_page, outsider, coordinator_a, kalmar, ask_to_join
):
    ask_to_join(client, outsider, kalmar)
    path = decision_path(next(m for m in mail.outbox if m.to == [coordinator_a.email]))
    Membership.objects.filter(user=coordinator_a).update(role="member")
    client.force_login(coordinator_a)
    assert client.get(path).status_code == 403
    assert client.post(path, {"action": "approve"}).status_code == 403
    assert Membership.objects.get(user=outsider).status == "pending"


def test_a_tampered_decision_link_is_refused(client, home_page, coordinator_a):
    client.force_login(coordinator_a)
    response = client.get("/mina-sidor/beslut/not-a-valid-token/")
    assert response.status_code == 400
    assert "Länken är ogiltig." in response.content.decode()


def test_one_approved_membership_per_person_is_a_database_rule(member_a, vaxjo):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=member_a, organisation=vaxjo.organisation, status="approved")


def test_leaving_ends_the_membership(client, home_page, member_a):
    client.force_login(member_a)
    client.post("/mina-sidor/organisation/lamna/")
    assert Membership.objects.get(user=member_a).status == "ended"
    assert "inte kopplad till någon organisation" in client.get("/mina-sidor/").content.decode()


def test_an_unknown_organisation_is_explained_next_to_the_field(client, home_page, outsider):
    client.force_login(outsider)
    response = client.post(
        "/mina-sidor/organisation/", {"organisation": "ingen-sadan", "job_title": "Enhetschef"}
    )
    html = response.content.decode()
    assert "Välj en organisation i listan." in html
    assert 'value="Enhetschef"' in html


def test_personal_data_export_has_what_the_portal_holds(client, home_page, member_a):
    client.force_login(member_a)
    response = client.get("/mina-sidor/mina-uppgifter.json")
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["konto"]["e-post"] == member_a.email
    assert data["konto"]["medlemskap"][0]["organisation"] == "Kalmar"
    assert data["konto"]["medlemskap"][0]["slag"] == "Kommun"


def test_deleting_the_account_keeps_what_was_published_without_the_name(
    client, home_page, example_index, member_a
):
    example = GoodExamplePageFactory(parent=example_index, title="Vårt exempel", owner=member_a)
    example.save_revision(user=member_a).publish()
    client.force_login(member_a)
    wrong = client.post("/mina-sidor/radera-konto/", {"password": "fel"})
    assert "Lösenordet stämmer inte." in wrong.content.decode()
    response = client.post("/mina-sidor/radera-konto/", {"password": "lösen-ord-123"})
    assert response["Location"] == "/"
    assert not type(member_a).objects.filter(pk=member_a.pk).exists()
    assert not Membership.objects.filter(user_id=member_a.pk).exists()
    example.refresh_from_db()
    assert example.live and example.owner is None
    assert example.revisions.filter(user__isnull=False).count() == 0
    assert "_auth_user_id" not in client.session


def test_editors_manage_memberships_and_domains_in_the_admin(client, home_page, editor, member_a):
    client.force_login(editor)
    assert client.get("/admin/snippets/portal/membership/").status_code == 200
    membership = Membership.objects.get(user=member_a)
    edit = client.get(f"/admin/snippets/portal/membership/edit/{membership.pk}/")
    assert edit.status_code == 200
    assert client.get("/admin/snippets/network/municipality/edit/0880/").status_code == 200
    region = Organisation.objects.get(code="R08")
    assert (
        client.get(f"/admin/snippets/organisations/organisation/edit/{region.pk}/").status_code
        == 200
    )


def test_inactive_and_never_verified_accounts_are_deleted(make_person, editor, municipalities):
    from datetime import timedelta
    from io import StringIO

    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone

    User = get_user_model()
    old = timezone.now() - timedelta(days=800)
    active = make_person("aktiv@example.se")
    User.objects.filter(pk=active.pk).update(last_login=timezone.now())
    gone = make_person("borta@example.se")
    User.objects.filter(pk=gone.pk).update(last_login=old, date_joined=old)
    unverified = make_person("overifierad@example.se")
    EmailAddress.objects.filter(user=unverified).update(verified=False)
    User.objects.filter(pk=unverified.pk).update(date_joined=timezone.now() - timedelta(days=20))
    User.objects.filter(pk=editor.pk).update(last_login=old, date_joined=old)

    call_command("delete_inactive_accounts", stdout=StringIO())
    remaining = set(User.objects.values_list("email", flat=True))
    assert "aktiv@example.se" in remaining
    assert editor.email in remaining
    assert "borta@example.se" not in remaining
    assert "overifierad@example.se" not in remaining


def test_a_region_colleague_is_approved_through_the_regions_domain(
    client, home_page, make_person, region_kalmar, ask_to_join
):
    OrganisationEmailDomain.objects.create(organisation=region_kalmar, domain="regionkalmar.se")
    person = make_person("bup.kollega@regionkalmar.se")
    ask_to_join(client, person, region_kalmar, job_title="Kurator, BUP")
    membership = Membership.objects.get(user=person)
    assert membership.status == "approved" and membership.approved_by_email_domain
    assert [m.subject for m in mail.outbox] == ["Du är nu medlem för Region Kalmar län"]
    html = client.get("/mina-sidor/").content.decode()
    assert "Du är <strong>Medlem</strong> för <strong>Region Kalmar län</strong>" in html


def test_the_request_form_offers_every_kind_of_organisation_grouped(client, home_page, outsider):
    client.force_login(outsider)
    html = client.get("/mina-sidor/organisation/").content.decode()
    for group in ("Kommuner", "Regioner", "Länsstyrelser", "Polisregioner"):
        assert f'<optgroup label="{group}">' in html
    assert "Region Kalmar län</option>" in html
    assert "Polisregion Syd</option>" in html


def test_a_county_board_coordinator_decides_for_the_board_only(
    client, home_page, make_person, county_board_kalmar, kalmar, ask_to_join, outsider, committed
):
    board_coordinator = make_person(
        "samordnare@lansstyrelsen.se", county_board_kalmar, role="coordinator"
    )
    colleague = make_person("utvecklare@lansstyrelsen.se")
    ask_to_join(client, colleague, county_board_kalmar, job_title="Utvecklare")
    request = Membership.objects.get(user=colleague)
    assert request.status == "pending"  # lansstyrelsen.se approves nobody by itself
    assert any(m.to == [board_coordinator.email] for m in mail.outbox)
    ask_to_join(client, outsider, kalmar)
    to_kalmar = Membership.objects.get(user=outsider)

    client.force_login(board_coordinator)
    refused = client.post(f"/mina-sidor/medlemskap/{to_kalmar.pk}/", {"action": "approve"})
    assert refused.status_code == 403
    assert Membership.objects.get(pk=to_kalmar.pk).status == "pending"
    with committed():
        client.post(f"/mina-sidor/medlemskap/{request.pk}/", {"action": "approve"})
    assert Membership.objects.get(pk=request.pk).status == "approved"


def test_editors_add_an_organisation_but_not_a_municipality_and_no_shared_domain(
    client, home_page, editor, municipalities
):
    client.force_login(editor)
    url = "/admin/snippets/organisations/organisation/add/"
    form = {
        "kind": "municipality",
        "name": "Föreningen Unga Kalmar",
        "slug": "foreningen-unga-kalmar",
        "counties": ["08"],
        "email_domains-TOTAL_FORMS": "1",
        "email_domains-INITIAL_FORMS": "0",
        "email_domains-MIN_NUM_FORMS": "0",
        "email_domains-MAX_NUM_FORMS": "1000",
        "email_domains-0-domain": "gmail.com",
        "email_domains-0-ORDER": "1",
    }
    html = client.post(url, form).content.decode()
    assert "Kommunerna kommer från referensdatan" in html
    assert "delas av flera organisationer eller är öppen för alla" in html
    assert 'value="Föreningen Unga Kalmar"' in html
    assert not Organisation.objects.filter(slug="foreningen-unga-kalmar").exists()

    form.update({"kind": "other", "email_domains-0-domain": "ungakalmar.se"})
    response = client.post(url, form)
    assert response.status_code == 302
    added = Organisation.objects.get(slug="foreningen-unga-kalmar")
    assert added.kind == "other" and added.municipality is None
    assert list(added.email_domains.values_list("domain", flat=True)) == ["ungakalmar.se"]
