"""Every free-text field has a length limit with a clear Swedish message; a text over the
limit is refused next to its field, the rest of the input is kept, and it never becomes
a server error."""

import pytest
from django import forms
from django.urls import reverse

from network.models import Network, NetworkMembership, Post, Thread
from network.services import networks
from portal.models import GoodExamplePage
from portal.privacy import LONG_TEXT_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH, PrivacyGuardMixin

pytestmark = pytest.mark.django_db

TOO_LONG = "Texten är för lång"
LONG_TEXT = "Vi träffas varje vecka. " * (LONG_TEXT_MAX_LENGTH // 24 + 1)  # just over the limit


@pytest.fixture
def network(kalmar, editor):
    network = Network.objects.create(name="Samverkan med BUP", slug="bup", coordinator_user=editor)
    NetworkMembership.objects.create(
        network=network, organisation=kalmar.organisation, status="active"
    )
    return network


def test_a_too_long_discussion_post_is_refused_and_the_title_kept(
    client, home_page, network, member_a
):
    client.force_login(member_a)
    response = client.post(
        "/kommuner/natverk/bup/ny-trad/", {"title": "Remisser till BUP", "body": LONG_TEXT}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_body_error"' in html and TOO_LONG in html
    assert f"högst {LONG_TEXT_MAX_LENGTH} tecken" in html
    assert 'value="Remisser till BUP"' in html
    assert not Thread.objects.exists()


def test_a_too_long_reply_is_refused(client, home_page, network, member_a):
    thread = networks.start_thread(network, member_a, title="Remisser", body="Tips?")
    client.force_login(member_a)
    response = client.post(f"/kommuner/natverk/bup/trad/{thread.pk}/", {"body": LONG_TEXT})
    assert response.status_code == 200
    assert TOO_LONG in response.content.decode()
    assert Post.objects.filter(thread=thread).count() == 1


def test_a_too_long_good_example_is_refused_and_nothing_else_is_lost(
    client, example_index, support_area, method, member_a
):
    client.force_login(member_a)
    data = {
        "title": "Fältare och skola i samma team",
        "summary": "Skolan och fältarna träffas varje vecka.",
        "problem": "Elever försvann från skolan på eftermiddagarna.",
        "what_was_done": LONG_TEXT,
        "partners": ["school"],
        "results": "Fler elever stannar i skolan.",
        "lessons": "Börja smått.",
        "support_areas": [support_area.pk],
        "prevention_levels": ["selective"],
        "methods": [method.pk],
        "year": "2025",
    }
    response = client.post("/mina-sidor/goda-exempel/nytt/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_what_was_done_error"' in html and TOO_LONG in html
    assert "Fältare och skola i samma team" in html
    assert "Elever försvann från skolan på eftermiddagarna." in html
    assert not GoodExamplePage.objects.filter(title=data["title"]).exists()


def test_a_name_longer_than_the_database_column_is_refused_in_the_admin_not_a_server_error(
    client, make_person, member_a
):
    """Wagtail's user form declares first_name without a length; the column holds 150."""
    admin = make_person("admin@socialstyrelsen.se")
    admin.is_superuser = True
    admin.save(update_fields=["is_superuser"])
    client.force_login(admin)
    response = client.post(
        reverse("wagtailusers_users:edit", args=[member_a.pk]),
        {"email": member_a.email, "first_name": "M" * 151, "last_name": "B", "is_active": "on"},
    )
    assert response.status_code == 200
    assert TOO_LONG in str(response.context["form"].errors["first_name"])


def test_a_too_long_network_purpose_in_the_admin_is_refused(client, make_person, network):
    """Text fields of snippets (here a TextField) get the long-text limit too."""
    admin = make_person("admin@socialstyrelsen.se")
    admin.is_superuser = True
    admin.save(update_fields=["is_superuser"])
    client.force_login(admin)
    url = reverse(Network.snippet_viewset.get_url_name("edit"), args=[network.pk])
    response = client.post(
        url,
        {"name": network.name, "slug": network.slug, "purpose": LONG_TEXT, "description": "Kort"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["purpose"]
    assert TOO_LONG in str(errors["purpose"])
    network.refresh_from_db()
    assert network.purpose == ""


class ContactForm(PrivacyGuardMixin, forms.Form):
    subject = forms.CharField(label="Ämne")
    message = forms.CharField(label="Meddelande", widget=forms.Textarea)
    code = forms.CharField(label="Kod", max_length=8)
    password = forms.CharField(widget=forms.PasswordInput, required=False)


def test_the_guard_gives_every_text_field_without_a_length_one():
    form = ContactForm()
    assert form.fields["subject"].max_length == SHORT_TEXT_MAX_LENGTH
    assert form.fields["message"].max_length == LONG_TEXT_MAX_LENGTH
    assert form.fields["code"].max_length == 8  # a field's own limit stands
    assert form.fields["password"].max_length is None  # not free text


def test_a_text_over_the_limit_gets_the_swedish_message_and_the_rest_is_kept():
    data = {"subject": "Å" * (SHORT_TEXT_MAX_LENGTH + 1), "message": "Hej", "code": "ab"}
    form = ContactForm(data)
    assert not form.is_valid()
    assert list(form.errors) == ["subject"]
    message = form.errors["subject"][0]
    assert TOO_LONG in message and str(SHORT_TEXT_MAX_LENGTH) in message
    assert str(SHORT_TEXT_MAX_LENGTH + 1) in message
    assert form["message"].value() == "Hej"
