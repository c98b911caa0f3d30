"""The discussion after a post is written: its author edits or deletes it, the network's
coordinators pin threads, and replies reach the thread's participants at once, in the
daily digest or not at all, as each person chooses."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from network.models import DigestSubscription, Network, NetworkMembership, Post, Thread
from network.services import networks
from portal.models import OutgoingEmail

pytestmark = pytest.mark.django_db

THREAD_URL = "/kommuner/natverk/bup/trad/{}/"


@pytest.fixture
def network(kalmar, vaxjo, editor):
    network = Network.objects.create(name="Samverkan med BUP", slug="bup", coordinator_user=editor)
    for municipality in (kalmar, vaxjo):
        NetworkMembership.objects.create(
            network=network, organisation=municipality.organisation, status="active"
        )
    return network


@pytest.fixture
def colleague(make_person, kalmar):
    return make_person("kollega@kalmar.se", kalmar, first_name="Kalle")


@pytest.fixture
def thread(network, member_a):
    return networks.start_thread(network, member_a, title="Remisser till BUP", body="Hur gör ni?")


def edit_url(post):
    return f"/kommuner/natverk/bup/inlagg/{post.pk}/andra/"


def delete_url(post):
    return f"/kommuner/natverk/bup/inlagg/{post.pk}/ta-bort/"


def to(address):
    return [m for m in mail.outbox if m.to == [address]]


def forget_queued():
    """Drop the emails queued so far: a commit also sends older queued ones."""
    OutgoingEmail.objects.all().delete()
    mail.outbox.clear()


# --- editing -------------------------------------------------------------------------


def test_the_author_edits_their_post_and_readers_see_it_marked_edited(
    client, home_page, thread, member_a, colleague
):
    post = thread.posts.get()
    client.force_login(member_a)
    form = client.get(edit_url(post)).content.decode()
    assert "Hur gör ni?" in form and 'value="Remisser till BUP"' in form  # title too

    response = client.post(edit_url(post), {"title": "Remisser", "body": "Hur gör ni med BUP?"})
    assert response["Location"] == f"{THREAD_URL.format(thread.pk)}#inlagg-{post.pk}"

    client.force_login(colleague)
    html = client.get(THREAD_URL.format(thread.pk)).content.decode()
    assert "Hur gör ni med BUP?" in html and "Hur gör ni?" not in html
    assert "Redigerat " in html and "<h1>Remisser</h1>" in html
    post.refresh_from_db()
    assert post.edited_at is not None


def test_a_reply_is_edited_without_the_threads_title_and_an_unchanged_text_is_no_edit(
    client, home_page, thread, member_a, colleague
):
    reply = networks.reply(thread, colleague, body="Vi ringer dem.")
    client.force_login(colleague)
    assert 'name="title"' not in client.get(edit_url(reply)).content.decode()
    client.post(edit_url(reply), {"body": "Vi ringer dem."})
    reply.refresh_from_db()
    assert reply.edited_at is None
    assert "Redigerat" not in client.get(THREAD_URL.format(thread.pk)).content.decode()


def test_only_the_author_may_edit_or_delete_a_post(
    client, home_page, thread, member_a, colleague, coordinator_b, make_person, municipalities
):
    post = thread.posts.get()
    client.force_login(colleague)
    page = client.get(THREAD_URL.format(thread.pk)).content.decode()
    assert edit_url(post) not in page and delete_url(post) not in page
    assert client.get(edit_url(post)).status_code == 403
    assert client.post(edit_url(post), {"body": "Kapat"}).status_code == 403
    assert client.post(delete_url(post)).status_code == 403

    # A member of an organisation outside the network, by URL.
    from organisations.models import Municipality

    lund = make_person("medlem@lund.se", Municipality.objects.get(name="Lund"))
    client.force_login(lund)
    assert client.post(edit_url(post), {"body": "Kapat"}).status_code == 403
    assert client.post(delete_url(post)).status_code == 403

    # The author, but through another network's address.
    Network.objects.create(name="Annat", slug="annat")
    client.force_login(member_a)
    assert client.get(f"/kommuner/natverk/annat/inlagg/{post.pk}/andra/").status_code == 404

    client.logout()
    assert client.post(delete_url(post))["Location"].startswith("/konto/login/")
    post.refresh_from_db()
    assert post.body == "Hur gör ni?" and post.deleted_at is None


def test_an_author_whose_organisation_left_the_network_can_no_longer_edit(
    client, home_page, network, thread, member_a, kalmar
):
    post = thread.posts.get()
    NetworkMembership.objects.filter(network=network, organisation=kalmar.organisation).update(
        status="left"
    )
    client.force_login(member_a)
    assert client.post(edit_url(post), {"body": "Sent"}).status_code == 403
    assert client.post(delete_url(post)).status_code == 403


def test_an_edit_goes_through_the_privacy_guard_and_keeps_what_was_typed(
    client, home_page, thread, member_a
):
    post = thread.posts.get()
    client.force_login(member_a)
    typed = "Pojken 070423-4046 har väntat länge"
    response = client.post(edit_url(post), {"title": "Remisser till BUP", "body": typed})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_body_error"' in html and typed in html
    post.refresh_from_db()
    assert post.body == "Hur gör ni?" and post.edited_at is None


def test_a_post_an_editor_hid_cannot_be_edited_back_into_view_nor_deleted(
    client, home_page, thread, member_a, editor
):
    post = thread.posts.get()
    networks.hide_post(post, editor, reason="Pekar ut en person")
    client.force_login(member_a)
    page = client.get(THREAD_URL.format(thread.pk)).content.decode()
    assert edit_url(post) not in page and "dolt av en redaktör" in page

    response = client.post(edit_url(post), {"body": "Helt oskyldigt nu"}, follow=True)
    assert "kan inte ändras eller tas bort" in response.content.decode()
    client.post(delete_url(post))
    post.refresh_from_db()
    assert post.body == "Hur gör ni?" and post.hidden_at is not None


# --- deleting ------------------------------------------------------------------------


def test_deleting_a_reply_removes_it_after_a_confirmation_page(
    client, home_page, thread, member_a, colleague
):
    reply = networks.reply(thread, colleague, body="Vi ringer dem direkt.")
    client.force_login(colleague)
    confirm = client.get(delete_url(reply)).content.decode()
    assert "Vill du ta bort inlägget?" in confirm and "Vi ringer dem direkt." in confirm
    assert '<form method="post">' in confirm  # a plain form: no JavaScript needed

    response = client.post(delete_url(reply))
    assert response["Location"] == THREAD_URL.format(thread.pk)
    html = client.get(THREAD_URL.format(thread.pk)).content.decode()
    assert "Vi ringer dem direkt." not in html and "Hur gör ni?" in html
    assert not Post.objects.filter(pk=reply.pk).exists()
    thread.refresh_from_db()
    assert thread.last_post_at == thread.posts.get().created_at


def test_a_deleted_opening_post_leaves_a_placeholder_so_the_thread_still_reads(
    client, home_page, thread, member_a, colleague
):
    opening = thread.posts.get()
    networks.reply(thread, colleague, body="Vi ringer dem direkt.")
    client.force_login(member_a)
    assert "Svaren i tråden finns kvar" in client.get(delete_url(opening)).content.decode()
    client.post(delete_url(opening))

    client.force_login(colleague)
    html = client.get(THREAD_URL.format(thread.pk)).content.decode()
    assert "Inlägget är borttaget av skribenten." in html
    assert "Hur gör ni?" not in html and "Vi ringer dem direkt." in html
    opening.refresh_from_db()
    assert opening.body == "" and opening.deleted_at is not None
    assert "Remisser till BUP" in client.get("/kommuner/natverk/bup/").content.decode()


def test_a_thread_whose_only_post_is_deleted_disappears(
    client, home_page, thread, member_a, colleague
):
    client.force_login(member_a)
    assert "hela tråden tas bort" in client.get(delete_url(thread.posts.get())).content.decode()
    response = client.post(delete_url(thread.posts.get()))
    assert response["Location"] == "/kommuner/natverk/bup/#discussion-heading"
    assert not Thread.objects.exists()
    assert "Remisser till BUP" not in client.get("/kommuner/natverk/bup/").content.decode()


def test_a_thread_goes_when_the_last_reply_after_a_deleted_opening_post_goes(
    thread, member_a, colleague
):
    reply = networks.reply(thread, colleague, body="Vi ringer dem direkt.")
    assert networks.delete_post(thread.posts.first(), member_a) is True  # a placeholder
    assert networks.delete_post(reply, colleague) is False
    assert not Thread.objects.exists()


def test_deleting_an_opening_post_drops_its_reports_and_digests_leave_it_out(
    network, thread, member_a, colleague, make_person, kalmar, committed
):
    reader = make_person("lasare@kalmar.se", kalmar)
    networks.set_digest(reader, network, True)
    DigestSubscription.objects.update(chosen_at=timezone.now() - datetime.timedelta(hours=1))
    opening = thread.posts.get()
    networks.report_post(opening, colleague, reason="Fel tråd")
    networks.reply(thread, colleague, body="Vi ringer dem direkt.")
    networks.delete_post(opening, member_a)
    assert not opening.reports.exists()
    forget_queued()
    with committed():
        assert networks.send_digests() == 1
    [digest] = to(reader.email)
    assert "Vi ringer dem direkt." in digest.body and digest.body.count("– Remisser") == 1


# --- pinning -------------------------------------------------------------------------


def test_the_networks_coordinator_and_editors_pin_threads_first_marked_in_text(
    client, home_page, network, member_a, editor, coordinator_a, kalmar
):
    old = networks.start_thread(network, member_a, title="Gammal fråga", body="Ett")
    Thread.objects.filter(pk=old.pk).update(last_post_at=timezone.now() - datetime.timedelta(1))
    networks.start_thread(network, member_a, title="Ny fråga", body="Två")

    def listed():
        html = client.get("/kommuner/natverk/bup/").content.decode()
        return html.index("Gammal fråga") < html.index("Ny fråga"), html

    client.force_login(member_a)
    assert listed()[0] is False
    assert "Fäst tråden" not in client.get(THREAD_URL.format(old.pk)).content.decode()
    pin = f"/kommuner/natverk/bup/trad/{old.pk}/fast/"
    assert client.post(pin, {"pinned": "on"}).status_code == 403

    client.force_login(editor)
    assert "Fäst tråden" in client.get(THREAD_URL.format(old.pk)).content.decode()
    client.post(pin, {"pinned": "on"})
    client.force_login(member_a)
    first, html = listed()
    assert first and '<strong class="pinned">Fäst:</strong>' in html
    assert "Fäst:" in client.get(THREAD_URL.format(old.pk)).content.decode()

    # The coordinators of the coordinating organisation pin too.
    network.coordinator_organisation = kalmar.organisation
    network.save()
    client.force_login(coordinator_a)
    client.post(pin, {"pinned": "off"})
    assert listed()[0] is False
    assert not Thread.objects.get(pk=old.pk).pinned


# --- emails about replies --------------------------------------------------------------


def test_a_reply_is_emailed_at_once_to_the_threads_participants_but_not_the_replier(
    network, thread, member_a, colleague, make_person, kalmar, committed
):
    bystander = make_person("lasare@kalmar.se", kalmar)  # reads, never wrote in the thread
    networks.reply(thread, colleague, body="Vi ringer dem.")
    forget_queued()
    with committed():
        reply = networks.reply(thread, member_a, body="Tack! <b>Tips</b> & råd")

    [email] = to(colleague.email)
    assert email.subject == "Nytt svar i ”Remisser till BUP” (Samverkan med BUP)"
    assert "Maja Person, Kalmar, har svarat" in email.body
    assert "Tack! <b>Tips</b> & råd" in email.body  # plain text, as written: no HTML
    assert email.content_subtype == "plain" and not getattr(email, "alternatives", None)
    assert f"http://testserver{THREAD_URL.format(thread.pk)}#inlagg-{reply.pk}" in email.body
    assert "http://testserver/kommuner/natverk/bup/#epost" in email.body
    assert not to(member_a.email) and not to(bystander.email)


def test_each_person_chooses_at_once_the_digest_or_nothing_on_the_network_page(
    client, home_page, network, thread, member_a, colleague, make_person, kalmar, committed
):
    third = make_person("tredje@kalmar.se", kalmar)
    networks.reply(thread, colleague, body="Vi ringer dem.")
    networks.reply(thread, third, body="Vi också.")

    client.force_login(member_a)
    page = client.get("/kommuner/natverk/bup/").content.decode()
    assert 'value="instant" required id="id_mode_0" checked' in page  # the default
    response = client.post("/kommuner/natverk/bup/epost/", {"mode": "digest"}, follow=True)
    assert "Du får en sammanfattning om dagen" in response.content.decode()
    assert 'value="digest" required id="id_mode_1" checked' in response.content.decode()
    client.force_login(third)
    client.post("/kommuner/natverk/bup/epost/", {"mode": "none"})

    forget_queued()
    with committed():
        networks.reply(thread, colleague, body="Ett svar till")
    assert not to(member_a.email) and not to(third.email)  # digest, and nothing
    with committed():
        assert networks.send_digests() == 1
    [digest] = to(member_a.email)
    assert "Ett svar till" in digest.body


def test_a_bad_choice_is_answered_with_a_message(client, home_page, network, member_a):
    client.force_login(member_a)
    response = client.post("/kommuner/natverk/bup/epost/", {"mode": "spam"}, follow=True)
    assert "Välj vilka mejl du vill ha." in response.content.decode()
    assert not DigestSubscription.objects.exists()


def test_nobody_who_can_no_longer_read_the_discussion_is_emailed(
    network, thread, member_a, make_person, vaxjo, colleague, committed
):
    from_vaxjo = make_person("medlem@vaxjo.se", vaxjo)
    networks.reply(thread, from_vaxjo, body="Hos oss går det bra.")
    networks.reply(thread, colleague, body="Jag med.")
    NetworkMembership.objects.filter(network=network, organisation=vaxjo.organisation).update(
        status="left"
    )
    colleague.is_active = False
    colleague.save()
    forget_queued()
    with committed():
        networks.reply(thread, member_a, body="Tack!")
    assert not to(from_vaxjo.email) and not to(colleague.email)


def test_the_email_exists_exactly_when_the_reply_does(thread, colleague, member_a):
    OutgoingEmail.objects.all().delete()
    with transaction.atomic():
        networks.reply(thread, colleague, body="Ångras")
        assert OutgoingEmail.objects.filter(recipient=member_a.email).exists()
        transaction.set_rollback(True)
    assert not OutgoingEmail.objects.exists()


def test_a_digest_never_reaches_back_before_it_was_chosen(
    network, thread, member_a, colleague, committed
):
    networks.set_email_choice(member_a, network, "none")
    networks.reply(thread, colleague, body="Medan jag inte ville ha mejl")
    DigestSubscription.objects.update(chosen_at=timezone.now() - datetime.timedelta(days=3))
    networks.set_email_choice(member_a, network, "digest")
    networks.reply(thread, colleague, body="Efter valet")
    with committed():
        assert networks.send_digests() == 1
    [digest] = to(member_a.email)
    assert "Efter valet" in digest.body and "Medan jag inte" not in digest.body
