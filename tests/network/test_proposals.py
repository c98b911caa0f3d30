"""Coordinators propose networks from their suggestions; editors approve or decline them."""

import json

import pytest
from django.core import mail
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import ModelLogEntry

from network.models import MunicipalityProfile, Network, NetworkMembership, NetworkProposal
from network.services.networks import proposals
from organisations.models import Municipality

from ..factories import ChallengeFactory

pytestmark = pytest.mark.django_db

FORM = "/kommuner/natverk/foresla/"
ADMIN_LIST = "/admin/natverk-forslag/kontaktpersoner/"


def approve_url(proposal):
    return f"{ADMIN_LIST}{proposal.pk}/godkann/"


def decline_url(proposal):
    return f"{ADMIN_LIST}{proposal.pk}/avsla/"


@pytest.fixture
def bup(db):
    return ChallengeFactory(name="Samverkan med BUP", slug="bup")


@pytest.fixture
def profiles(kalmar, vaxjo, bup):
    """Kalmar and Växjö look for peers and share a challenge, so Växjö is suggested."""
    for municipality in (kalmar, vaxjo):
        profile = MunicipalityProfile.objects.create(
            municipality=municipality, looking_for_peers=True
        )
        profile.challenges.set([bup])


@pytest.fixture
def coordinator_region(make_person, region_kalmar):
    return make_person("samordnare@regionkalmar.se", region_kalmar, role="coordinator")


def recipients(subject_part):
    return sorted(
        address
        for message in mail.outbox
        if subject_part in message.subject
        for address in message.to
    )


def propose(client, **data):
    return client.post(FORM, {"name": "BUP i Kalmar län", "purpose": "Att dela rutiner.", **data})


def make_proposal(person, *invitees, name="BUP i Kalmar län", purpose="Att dela rutiner."):
    return proposals.propose(by=person, name=name, purpose=purpose, invitees=list(invitees))


# The whole journey ----------------------------------------------------------------------


def test_a_proposal_from_the_suggestions_becomes_a_network_the_invitees_join(
    client,
    home_page,
    profiles,
    bup,
    kalmar,
    vaxjo,
    region_kalmar,
    coordinator_a,
    coordinator_b,
    coordinator_region,
    editor,
    make_person,
    committed,
):
    client.force_login(coordinator_a)
    form = client.get(FORM).content.decode()
    assert "Växjö" in form and "Samverkan med BUP" in form  # the suggestion and its reason
    assert 'type="checkbox"' in form and "<optgroup" in form

    mail.outbox.clear()
    with committed():
        response = propose(
            client,
            challenge=bup.pk,
            suggested=[vaxjo.organisation.pk],
            others=[region_kalmar.pk],
        )
    assert response.status_code == 302 and response["Location"] == "/mina-sidor/"
    assert recipients("Förslag till nätverk") == [editor.email]
    assert not Network.objects.exists()  # nothing public before an editor decides
    my_pages = client.get("/mina-sidor/").content.decode()
    assert "BUP i Kalmar län" in my_pages and "Väntar på beslut" in my_pages

    client.force_login(editor)
    listing = client.get(ADMIN_LIST).content.decode()
    assert "BUP i Kalmar län" in listing and "Att dela rutiner." in listing
    assert "Växjö" in listing and region_kalmar.name in listing and "Karin" in listing
    assert "väntar på beslut" in client.get("/admin/").content.decode()  # the start page panel

    proposal = NetworkProposal.objects.get()
    mail.outbox.clear()
    with committed():
        response = client.post(approve_url(proposal))
    assert response.status_code == 302
    network = Network.objects.get()
    assert network.name == "BUP i Kalmar län" and network.challenge == bup
    assert network.coordinator_organisation == kalmar.organisation
    statuses = dict(network.memberships.values_list("organisation__name", "status"))
    assert statuses == {
        kalmar.organisation.name: "active",
        vaxjo.organisation.name: "invited",
        region_kalmar.name: "invited",
    }
    assert recipients("Inbjudan till nätverket") == sorted(
        [coordinator_b.email, coordinator_region.email]
    )
    approved = [m for m in mail.outbox if "är skapat" in m.subject]
    assert [m.to for m in approved] == [[coordinator_a.email]]
    assert network.get_absolute_url() in approved[0].body
    proposal.refresh_from_db()
    assert proposal.status == "approved" and proposal.network == network
    assert proposal.decided_by == editor
    assert ModelLogEntry.objects.filter(action="network.proposal.approved").count() == 1

    # The invited coordinator accepts on the network's page.
    client.force_login(coordinator_b)
    page = client.get(network.get_absolute_url()).content.decode()
    assert "Tacka ja till inbjudan" in page
    client.post(f"/kommuner/natverk/{network.slug}/ga-med/")
    assert network.memberships.get(organisation=vaxjo.organisation).status == "active"

    # The proposer coordinates it: another organisation asks, and Kalmar's coordinator accepts.
    umea = Municipality.objects.get(name="Umeå")
    client.force_login(make_person("kontakt@umea.se", umea, role="coordinator"))
    client.post(f"/kommuner/natverk/{network.slug}/ga-med/")
    request = network.memberships.get(organisation=umea.organisation)
    assert request.status == "requested"
    client.force_login(coordinator_a)
    page = client.get(network.get_absolute_url()).content.decode()
    assert "Samordnas av" in page and kalmar.organisation.name in page
    assert f"Ta emot {umea.organisation.name}" in page
    client.post(f"/kommuner/natverk/{network.slug}/ta-emot/{request.pk}/")
    request.refresh_from_db()
    assert request.status == "active"
    my_pages = client.get("/mina-sidor/").content.decode()
    assert "Godkänt" in my_pages and network.get_absolute_url() in my_pages


def test_a_declined_proposal_tells_the_proposer_why(
    client, home_page, vaxjo, coordinator_a, editor, committed
):
    proposal = make_proposal(coordinator_a, vaxjo.organisation)
    client.force_login(editor)
    mail.outbox.clear()
    with committed():
        response = client.post(
            decline_url(proposal), {f"avsla-{proposal.pk}-reason": "Det finns redan ett sådant."}
        )
    assert response.status_code == 302
    assert not Network.objects.exists()
    [message] = [m for m in mail.outbox if "Förslaget till nätverk" in m.subject]
    assert message.to == [coordinator_a.email]
    assert "Det finns redan ett sådant." in message.body
    proposal.refresh_from_db()
    assert proposal.status == "declined" and proposal.decided_by == editor
    assert ModelLogEntry.objects.filter(action="network.proposal.declined").exists()
    client.force_login(coordinator_a)
    my_pages = client.get("/mina-sidor/").content.decode()
    assert "Avslaget" in my_pages and "Det finns redan ett sådant." in my_pages


def test_a_decline_reason_goes_through_the_privacy_guard(
    client, home_page, vaxjo, coordinator_a, editor
):
    proposal = make_proposal(coordinator_a, vaxjo.organisation)
    client.force_login(editor)
    response = client.post(
        decline_url(proposal), {f"avsla-{proposal.pk}-reason": "Gäller pojken 070423-4046"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert f'id="id_avsla-{proposal.pk}-reason_error"' in html
    assert "Gäller pojken" in html  # what the editor typed is kept
    proposal.refresh_from_db()
    assert proposal.is_pending


# Validation: messages next to the fields, nothing typed lost ----------------------------


def test_a_proposal_needs_at_least_one_invitee(client, home_page, profiles, coordinator_a):
    client.force_login(coordinator_a)
    html = propose(client).content.decode()
    assert 'id="id_suggested_error"' in html and "Välj minst en organisation" in html
    assert 'value="BUP i Kalmar län"' in html and "Att dela rutiner." in html
    assert not NetworkProposal.objects.exists()


def test_ones_own_organisation_is_not_invited(client, home_page, kalmar, coordinator_a):
    client.force_login(coordinator_a)
    html = propose(client, others=[kalmar.organisation.pk]).content.decode()
    assert 'id="id_others_error"' in html and "är er egen organisation" in html
    assert not NetworkProposal.objects.exists()


def test_a_name_a_network_has_is_refused(client, home_page, vaxjo, coordinator_a):
    Network.objects.create(name="BUP i Kalmar län", slug="bup")
    client.force_login(coordinator_a)
    html = propose(client, name="bup i kalmar LÄN", others=[vaxjo.organisation.pk])
    html = html.content.decode()
    assert 'id="id_name_error"' in html and "Det finns redan ett nätverk som heter" in html
    assert "Att dela rutiner." in html
    assert not NetworkProposal.objects.exists()


def test_a_name_a_pending_proposal_has_is_refused(client, home_page, vaxjo, coordinator_a):
    make_proposal(coordinator_a, vaxjo.organisation)
    client.force_login(coordinator_a)
    html = propose(client, others=[vaxjo.organisation.pk]).content.decode()
    assert 'id="id_name_error"' in html and "väntar redan på beslut" in html
    assert NetworkProposal.objects.count() == 1


def test_a_personal_identity_number_in_the_purpose_is_refused_next_to_it(
    client, home_page, vaxjo, coordinator_a
):
    client.force_login(coordinator_a)
    html = propose(
        client, purpose="Flickan 070423-4046 behöver hjälp", others=[vaxjo.organisation.pk]
    ).content.decode()
    assert 'id="id_purpose_error"' in html and 'value="BUP i Kalmar län"' in html
    assert f'value="{vaxjo.organisation.pk}" selected' in html  # the choice is kept
    assert not NetworkProposal.objects.exists()


def test_an_organisation_that_is_not_a_municipality_proposes_from_the_whole_list(
    client, home_page, make_person, county_board_kalmar, vaxjo, committed
):
    person = make_person("samordnare@lansstyrelsen.se", county_board_kalmar, role="coordinator")
    client.force_login(person)
    assert 'name="suggested"' not in client.get(FORM).content.decode()
    response = propose(client, others=[vaxjo.organisation.pk])
    assert response.status_code == 302
    assert NetworkProposal.objects.get().organisation == county_board_kalmar


# Who may do what ------------------------------------------------------------------------


def test_only_coordinators_may_propose(client, home_page, vaxjo, member_a, outsider, editor):
    assert client.get(FORM)["Location"].startswith("/konto/login/")
    for person in (member_a, outsider, editor):
        client.force_login(person)
        assert client.get(FORM).status_code == 403
        assert propose(client, others=[vaxjo.organisation.pk]).status_code == 403
    assert not NetworkProposal.objects.exists()


def test_the_link_to_propose_is_for_the_municipalitys_coordinators(
    client, home_page, profiles, kalmar, coordinator_a, member_a, coordinator_b
):
    client.force_login(coordinator_a)
    assert FORM in client.get(kalmar.get_absolute_url()).content.decode()
    assert FORM in client.get("/mina-sidor/").content.decode()
    for person in (member_a, coordinator_b):
        client.force_login(person)
        assert FORM not in client.get(kalmar.get_absolute_url()).content.decode()
    client.force_login(member_a)
    assert FORM not in client.get("/mina-sidor/").content.decode()


def test_a_proposal_is_seen_by_its_organisations_coordinators_only(
    client, home_page, vaxjo, coordinator_a, member_a, coordinator_b, make_person, kalmar
):
    make_proposal(coordinator_a, vaxjo.organisation, name="Hemligt förslag")
    colleague = make_person("kontakt2@kalmar.se", kalmar, role="coordinator")
    client.force_login(colleague)
    assert "Hemligt förslag" in client.get("/mina-sidor/").content.decode()
    for person in (member_a, coordinator_b):
        client.force_login(person)
        assert "Hemligt förslag" not in client.get("/mina-sidor/").content.decode()
        assert client.get(ADMIN_LIST)["Location"].startswith("/konto/login/")


def test_non_editors_cannot_decide_by_url(client, home_page, vaxjo, coordinator_a, coordinator_b):
    proposal = make_proposal(coordinator_a, vaxjo.organisation)
    for person in (coordinator_a, coordinator_b):
        client.force_login(person)
        for url in (approve_url(proposal), decline_url(proposal)):
            assert client.post(url)["Location"].startswith("/konto/login/")
    proposal.refresh_from_db()
    assert proposal.is_pending and not Network.objects.exists()
    with pytest.raises(PermissionError):
        proposals.approve(proposal, by=coordinator_a)


def test_approving_twice_creates_one_network(client, home_page, vaxjo, coordinator_a, editor):
    proposal = make_proposal(coordinator_a, vaxjo.organisation)
    client.force_login(editor)
    client.post(approve_url(proposal))
    response = client.post(approve_url(proposal), follow=True)
    assert "redan avgjort" in response.content.decode()
    assert Network.objects.count() == 1
    assert NetworkMembership.objects.filter(organisation=vaxjo.organisation).count() == 1


def test_two_editors_deciding_at_once_create_one_network(vaxjo, coordinator_a, editor, make_person):
    """Both loaded the proposal while it was pending; the second decision is refused."""
    from django.contrib.auth.models import Group

    other_editor = make_person("redaktor2@socialstyrelsen.se")
    other_editor.groups.add(Group.objects.get(name="Editors"))
    proposal = make_proposal(coordinator_a, vaxjo.organisation)
    seen_by_one, seen_by_other = (NetworkProposal.objects.get(pk=proposal.pk) for _ in "12")
    proposals.approve(seen_by_one, by=editor)
    for decide in (proposals.approve, proposals.decline):
        with pytest.raises(proposals.ProposalError):
            decide(seen_by_other, by=other_editor)
    assert Network.objects.count() == 1
    assert NetworkProposal.objects.get().decided_by == editor


def test_a_name_taken_before_approval_leaves_the_proposal_pending(
    client, home_page, vaxjo, coordinator_a, editor
):
    proposal = make_proposal(coordinator_a, vaxjo.organisation)
    Network.objects.create(name="BUP i Kalmar län", slug="bup")
    client.force_login(editor)
    html = client.post(approve_url(proposal), follow=True).content.decode()
    assert "Det finns redan ett nätverk som heter" in html
    proposal.refresh_from_db()
    assert proposal.is_pending and Network.objects.count() == 1


def test_texts_are_escaped_everywhere(client, home_page, vaxjo, coordinator_a, editor):
    proposal = make_proposal(
        coordinator_a,
        vaxjo.organisation,
        name="<script>alert('namn')</script>",
        purpose="<b>fet</b> och <script>alert('syfte')</script>",
    )
    client.force_login(editor)
    listing = client.get(ADMIN_LIST).content.decode()
    assert "<script>alert(" not in listing and "&lt;script&gt;alert(" in listing
    client.post(approve_url(proposal))
    network = Network.objects.get()
    for person, url in (
        (editor, ADMIN_LIST),
        (coordinator_a, "/mina-sidor/"),
        (coordinator_a, network.get_absolute_url()),
    ):
        client.force_login(person)
        html = client.get(url).content.decode()
        assert "<script>alert(" not in html and "<b>fet</b>" not in html, url
        assert "&lt;script&gt;alert(" in html, url


def test_the_personal_data_export_holds_my_proposals(client, home_page, vaxjo, coordinator_a):
    make_proposal(coordinator_a, vaxjo.organisation)
    client.force_login(coordinator_a)
    data = json.loads(client.get("/mina-sidor/mina-uppgifter.json").content)["nätverk"]
    [proposal] = data["nätverk du har föreslagit"]
    assert proposal["namn"] == "BUP i Kalmar län" and proposal["status"] == "Väntar på beslut"


def test_a_network_named_like_the_proposal_page_gets_another_address(editor):
    network = proposals.create_network(
        name="Föreslå", challenge=None, purpose="", description="", by=editor
    )
    assert network.slug != "foresla"


# Any input: an answer, never a server error --------------------------------------------

fuzz_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200)
fuzz_values = (
    fuzz_text
    | st.sampled_from(["121212-1212", "", "0", "-1", "9999", "<script>"])
    | st.lists(fuzz_text, max_size=3)
)
FUZZ = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(data=st.data())
def test_the_proposal_form_never_answers_with_a_server_error(
    client, home_page, profiles, coordinator_a, data
):
    client.force_login(coordinator_a)
    fields = ["name", "challenge", "purpose", "suggested", "others"]
    payload = data.draw(st.fixed_dictionaries({}, optional=dict.fromkeys(fields, fuzz_values)))
    assert client.post(FORM, payload).status_code < 500, payload


@FUZZ
@given(reason=fuzz_values)
def test_the_decline_form_never_answers_with_a_server_error(
    client, home_page, vaxjo, coordinator_a, editor, reason
):
    proposal = NetworkProposal.objects.first() or make_proposal(coordinator_a, vaxjo.organisation)
    client.force_login(editor)
    response = client.post(decline_url(proposal), {f"avsla-{proposal.pk}-reason": reason})
    assert response.status_code < 500, reason


def test_a_proposal_stays_without_the_name_when_the_proposer_deletes_the_account(
    client, home_page, vaxjo, coordinator_a, editor
):
    proposal = make_proposal(coordinator_a, vaxjo.organisation)
    coordinator_a.delete()
    proposal.refresh_from_db()
    assert proposal.proposed_by is None and proposal.is_pending
    client.force_login(editor)
    listing = client.get(ADMIN_LIST).content.decode()
    assert "Borttagen användare" in listing and "Karin" not in listing
    client.post(approve_url(proposal))  # approving still works, and tells nobody
    assert Network.objects.get().coordinator_organisation == proposal.organisation


def test_editors_see_which_invitees_no_invitation_would_reach(
    client, coordinator_a, coordinator_b, vaxjo, editor
):
    """Växjö has a coordinator; Umeå has none, so its invitation would reach nobody."""
    from organisations.models import Municipality

    umea = Municipality.objects.get(name="Umeå").organisation
    make_proposal(coordinator_a, vaxjo.organisation, umea)
    client.force_login(editor)
    listing = client.get(ADMIN_LIST).content.decode()
    warning = "har ingen kontaktperson i portalen"
    assert listing.count(warning) == 1
    umea_line = listing[listing.index("Umeå (") :]
    assert umea_line.index(warning) < umea_line.index("</li>")
