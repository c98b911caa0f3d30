"""A person's secret calendar address: a new one on request, on a new password and when
the membership ends; nothing for a deactivated account."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from events import services
from portal.services.memberships import leave_organisation, request_membership

pytestmark = pytest.mark.django_db


def calendar_address(client, user):
    """The address Mina sidor shows the person."""
    user.refresh_from_db()  # a new password changes the session's hash
    client.force_login(user)
    html = client.get("/mina-sidor/").content.decode()
    client.logout()
    address = re.search(r"(/workshop/kalender/[^<\s]+\.ics)", html)
    assert address, html
    return address[1]


@pytest.fixture
def subscribed(client, workshop, member_a):
    """member_a has a confirmed workshop and the calendar address Mina sidor showed them."""
    services.register(workshop, member_a)
    address = calendar_address(client, member_a)
    assert "SUMMARY:RBM i praktiken" in client.get(address).content.decode()
    return address


def assert_replaced(client, user, old_address):
    assert client.get(old_address).status_code == 404
    new_address = calendar_address(client, user)
    assert new_address != old_address
    assert "SUMMARY:RBM i praktiken" in client.get(new_address).content.decode()


def test_new_calendar_address_on_my_pages_stops_the_old_one_at_once(client, member_a, subscribed):
    client.force_login(member_a)
    my_pages = client.get("/mina-sidor/").content.decode()
    forms = re.findall(r'<form method="post" action="([^"]+)">(.*?)</form>', my_pages, re.S)
    form = next(form for form in forms if "Ny kalenderadress" in form[1])
    assert "csrfmiddlewaretoken" in form[1]
    assert client.get(form[0]).status_code == 405  # only a POST changes it
    response = client.post(form[0], follow=True)
    assert "Du har fått en ny kalenderadress" in response.content.decode()
    client.logout()
    assert_replaced(client, member_a, subscribed)


def test_changing_the_password_issues_a_new_calendar_address(client, member_a, subscribed):
    client.force_login(member_a)
    response = client.post(
        "/konto/password/change/",
        {
            "oldpassword": "lösen-ord-123",
            "password1": "nytt-hemligt-ord-77",
            "password2": "nytt-hemligt-ord-77",
        },
    )
    assert response.status_code == 302
    client.logout()
    assert_replaced(client, member_a, subscribed)


def test_resetting_the_password_issues_a_new_calendar_address(
    client, member_a, subscribed, committed
):
    with committed():  # the reset email leaves after the commit
        client.post("/konto/password/reset/", {"email": member_a.email})
    (reset,) = [m for m in mail.outbox if "/konto/password/reset/key/" in m.body]
    url = re.search(r"http://testserver(\S+)", reset.body)[1]
    form_page = client.get(url, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else url,
        {"password1": "nytt-hemligt-ord-77", "password2": "nytt-hemligt-ord-77"},
    )
    assert response.status_code == 302
    client.logout()
    assert_replaced(client, member_a, subscribed)


def test_an_administrator_setting_a_password_issues_a_new_calendar_address(
    client, member_a, subscribed
):
    admin = get_user_model().objects.create_superuser(
        email="admin@example.se", password="admin-lösen-1"
    )
    client.force_login(admin)
    response = client.post(
        f"/admin/users/edit/{member_a.pk}/",
        {
            "email": member_a.email,
            "first_name": member_a.first_name,
            "last_name": member_a.last_name,
            "password1": "nytt-hemligt-ord-77",
            "password2": "nytt-hemligt-ord-77",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    assert_replaced(client, member_a, subscribed)


def test_ending_the_membership_issues_a_new_calendar_address(client, member_a, subscribed):
    leave_organisation(member_a.memberships.get(status="approved"), by=member_a)
    assert_replaced(client, member_a, subscribed)


def test_a_withdrawn_request_keeps_the_calendar_address(client, member_a, vaxjo, subscribed):
    request_membership(member_a, vaxjo.organisation)  # pending: still approved for Kalmar
    neighbour = vaxjo.county.municipalities.exclude(pk=vaxjo.pk).first()
    request_membership(member_a, neighbour.organisation)
    assert "SUMMARY:RBM i praktiken" in client.get(subscribed).content.decode()


def test_the_calendar_feed_answers_404_for_a_deactivated_account(client, member_a, subscribed):
    member_a.is_active = False
    member_a.save()
    assert client.get(subscribed).status_code == 404
