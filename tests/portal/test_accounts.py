"""Sign-up, login and password reset with allauth, end to end, emails included."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "anna@exempel.se",
    "first_name": "Anna",
    "last_name": "Andersson",
    "password1": "ett-langt-losenord-42",
    "password2": "ett-langt-losenord-42",
}


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def link_in(message):
    return re.search(r"https?://[^\s]+", message.body).group(0)


def test_sign_up_requires_email_verification_then_signs_in(client, home_page, committed):
    with committed():
        response = client.post("/konto/signup/", SIGNUP)
    assert response.status_code == 302
    assert response["Location"] == "/konto/confirm-email/"
    user = get_user_model().objects.get(email="anna@exempel.se")
    assert (user.first_name, user.last_name) == ("Anna", "Andersson")

    # Not signed in before the address is verified.
    assert "_auth_user_id" not in client.session
    login = client.post(
        "/konto/login/", {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )
    assert login["Location"] == "/konto/confirm-email/"
    assert "_auth_user_id" not in client.session

    confirmation = mail.outbox[-1]
    assert confirmation.to == ["anna@exempel.se"]
    assert "Kunskapsnätverket" in confirmation.subject
    confirm_url = link_in(confirmation).replace("http://testserver", "")
    assert client.get(confirm_url).status_code == 200
    response = client.post(confirm_url)
    assert response["Location"] == "/mina-sidor/"
    assert client.session["_auth_user_id"] == str(user.pk)
    assert "Mina sidor" in client.get("/mina-sidor/").content.decode()


def test_signing_up_while_the_mail_server_is_down_queues_the_confirmation(
    client, home_page, settings, committed
):
    """allauth's emails go through the outbox: the sign-up succeeds and the confirmation
    is sent when the mail server is back."""
    from portal.models import OutgoingEmail
    from portal.services import email_queue

    settings.EMAIL_BACKEND = "tests.portal.test_email_queue.RefusingBackend"
    with committed():
        response = client.post("/konto/signup/", SIGNUP)
    assert response["Location"] == "/konto/confirm-email/"
    queued = OutgoingEmail.objects.get(recipient="anna@exempel.se")
    assert (queued.status, queued.attempts) == ("queued", 1)
    assert not mail.outbox

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    email_queue.drain(now=queued.next_attempt_at)
    assert [m.to for m in mail.outbox] == [["anna@exempel.se"]]
    assert "/konto/confirm-email/" in link_in(mail.outbox[0])


def test_sign_up_pages_are_swedish_and_in_the_site_layout(client, home_page):
    html = client.get("/konto/signup/").content.decode()
    assert 'lang="sv"' in html
    assert "Kunskapsnätverket" in html
    assert '<label for="id_email">' in html
    assert "Förnamn" in html
    assert "Lösenord" in html


def test_a_personal_number_in_the_name_is_refused_and_the_rest_kept(client, home_page):
    data = {**SIGNUP, "last_name": "Andersson 121212-1212"}
    response = client.post("/konto/signup/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "personnummer" in html
    assert 'id="id_last_name_error"' in html
    assert 'value="anna@exempel.se"' in html
    assert 'value="Anna"' in html
    assert 'value="Andersson 121212-1212"' in html
    assert not get_user_model().objects.filter(email="anna@exempel.se").exists()


def test_password_reset_by_email(client, home_page, member_a, committed):
    with committed():
        client.post("/konto/password/reset/", {"email": member_a.email})
    reset = mail.outbox[-1]
    assert reset.to == [member_a.email]
    url = link_in(reset).replace("http://testserver", "")
    form_page = client.get(url, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else url,
        {"password1": "nytt-hemligt-ord-77", "password2": "nytt-hemligt-ord-77"},
    )
    assert response.status_code == 302
    client.logout()
    assert client.login(email=member_a.email, password="nytt-hemligt-ord-77")


def test_failed_logins_are_rate_limited(client, home_page, member_a):
    wrong = {"login": member_a.email, "password": "fel"}
    for _ in range(5):
        html = client.post("/konto/login/", wrong).content.decode()
        assert "Epost-adressen och/eller lösenordet är felaktigt." in html
    html = client.post("/konto/login/", wrong).content.decode()
    assert "För många misslyckade inloggningsförsök. Försök igen senare." in html
    # Even the right password is refused while the limit holds.
    right = {"login": member_a.email, "password": "lösen-ord-123"}
    html = client.post("/konto/login/", right).content.decode()
    assert "För många misslyckade inloggningsförsök" in html
    assert "_auth_user_id" not in client.session


def test_the_admin_signs_in_through_the_portal_login(client, home_page):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/?next=/admin/")


def test_editor_signs_in_and_reaches_the_admin(client, home_page, editor):
    response = client.post(
        "/konto/login/?next=/admin/", {"login": editor.email, "password": "lösen-ord-123"}
    )
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_header_offers_sign_in_or_my_pages(client, home_page, member_a):
    html = client.get("/").content.decode()
    assert "Logga in" in html and "Skapa konto" in html
    client.force_login(member_a)
    html = client.get("/").content.decode()
    assert "Mina sidor" in html and "Logga ut" in html


def test_a_member_who_opens_the_admin_is_told_and_not_sent_in_circles(client, home_page, member_a):
    client.force_login(member_a)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [("/konto/login/?next=/admin/", 302)]
    assert "har inte behörighet till sidan" in response.content.decode()
