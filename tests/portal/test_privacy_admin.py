"""The privacy guard in Wagtail's admin, end to end: page comments, documents,
moderation comments and users refuse personal identity numbers and save nothing."""

import json

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, Comment, TaskState, UploadedFile
from wagtail.test.utils.form_data import querydict_from_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(make_person):
    user = make_person("admin@socialstyrelsen.se", first_name="Ada")
    user.is_superuser = True
    user.save(update_fields=["is_superuser"])
    return user


@pytest.fixture
def information_page(support_area_index):
    """A page whose edit form has no StreamField (so the test can post it as rendered)."""
    return support_area_index


def edit_with_comment(client, page, text):
    """Save the page in the admin with a new comment on its title. The comment panel's
    JavaScript builds the comments formset, so the test writes it out."""
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = client.get(edit_url).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form").copy()
    data.update(
        {
            "comments-TOTAL_FORMS": "1",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
            "comments-0-id": "",
            "comments-0-text": text,
            "comments-0-contentpath": "title",
            "comments-0-position": "",
            "comments-0-resolved": "",
            "comments-0-DELETE": "",
            "comments-0-replies-TOTAL_FORMS": "0",
            "comments-0-replies-INITIAL_FORMS": "0",
            "comments-0-replies-MIN_NUM_FORMS": "0",
            "comments-0-replies-MAX_NUM_FORMS": "1000",
        }
    )
    return client.post(edit_url, data)


def test_a_page_comment_with_a_personal_number_is_refused(client, information_page, editor):
    client.force_login(editor)
    response = edit_with_comment(client, information_page, "Gäller barnet 121212\u20131212")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kommentaren kunde inte sparas" in html
    assert "121212\u20131212" in html
    assert not Comment.objects.exists()


def test_a_page_comment_without_one_is_saved(client, information_page, editor):
    """The control for the test above: the same request with a clean comment saves it."""
    client.force_login(editor)
    response = edit_with_comment(client, information_page, "Kolla rubriken")
    assert response.status_code == 302
    assert Comment.objects.get().text == "Kolla rubriken"


def test_a_reply_to_a_page_comment_with_a_personal_number_is_refused(
    client, information_page, editor
):
    client.force_login(editor)
    edit_with_comment(client, information_page, "Kolla rubriken")
    comment = Comment.objects.get()
    edit_url = reverse("wagtailadmin_pages:edit", args=[information_page.pk])
    data = querydict_from_html(
        client.get(edit_url).content.decode(), form_id="page-edit-form"
    ).copy()
    data.update(
        {
            "comments-TOTAL_FORMS": "1",
            "comments-INITIAL_FORMS": "1",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
            "comments-0-id": str(comment.pk),
            "comments-0-text": comment.text,
            "comments-0-contentpath": "title",
            "comments-0-position": "",
            "comments-0-resolved": "",
            "comments-0-replies-TOTAL_FORMS": "1",
            "comments-0-replies-INITIAL_FORMS": "0",
            "comments-0-replies-MIN_NUM_FORMS": "0",
            "comments-0-replies-MAX_NUM_FORMS": "1000",
            "comments-0-replies-0-id": "",
            "comments-0-replies-0-text": "Pnr.900101-9703",
        }
    )
    response = client.post(edit_url, data)
    assert response.status_code == 200
    assert "Kommentaren kunde inte sparas" in response.content.decode()
    assert not comment.replies.exists()


def upload_document(client, title):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile("protokoll.txt", b"Protokoll"),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_a_document_title_with_a_personal_number_is_refused_and_nothing_saved(client, superuser):
    client.force_login(superuser)
    response = upload_document(client, "Utredning 121212\u00a01212")
    assert response.status_code == 200
    html = response.content.decode()
    assert "personnummer" in html and "121212\u00a01212" in html
    assert not get_document_model().objects.exists()
    # The control: a clean title is saved.
    assert upload_document(client, "Protokoll från nätverket").status_code == 302
    assert get_document_model().objects.get().title == "Protokoll från nätverket"


def test_a_document_uploaded_with_a_personal_number_as_its_name_is_refused(client, superuser):
    """Wagtail's multiple upload takes the title from the file name."""
    client.force_login(superuser)
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("121212-1212.txt", b"Journal")},
    )
    answer = response.json()
    assert answer["success"] is False
    assert "Byt namn på filen" in answer["error_message"]
    assert not get_document_model().objects.exists()
    assert not UploadedFile.objects.exists()


@pytest.fixture
def page_in_moderation(information_page, editor):
    revision = information_page.save_revision(user=editor)
    information_page.get_workflow().start(information_page, editor)
    assert revision
    return information_page


def moderate(client, page, action, comment):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    # The action modal posts with XMLHttpRequest and shows the form again on errors.
    headers = {"x-requested-with": "XMLHttpRequest"}
    return client.post(url, {"comment": comment}, headers=headers), task_state


def test_a_moderation_comment_with_a_personal_number_is_refused(client, page_in_moderation, editor):
    moderator = editor
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    response, task_state = moderate(client, page_in_moderation, "reject", "Barnet 121212-1212")
    assert "personnummer" in json.loads(response.content)["html"]
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not TaskState.objects.filter(comment__contains="1212").exists()
    # The control: a clean comment returns the page for changes.
    moderate(client, page_in_moderation, "reject", "Skriv om ingressen")
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED


def test_a_users_name_with_a_personal_number_is_refused_in_the_admin(client, superuser, member_a):
    client.force_login(superuser)
    response = client.post(
        reverse("wagtailusers_users:edit", args=[member_a.pk]),
        {
            "email": member_a.email,
            "first_name": "Maja 121212-1212",
            "last_name": "Berg",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["first_name"]  # the rest of the form was fine
    assert "121212-1212" in str(errors["first_name"])
    member_a.refresh_from_db()
    assert member_a.first_name == "Maja"


def test_a_hand_built_moderation_comment_with_a_personal_number_is_refused(
    client, page_in_moderation, editor
):
    """The editor's own form posts the comment as JSON beside the page; Wagtail hands it to
    the task without the task form, so a request built by hand must be refused too."""
    editor.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(editor)
    task_state = page_in_moderation.current_workflow_task_state
    edit_url = reverse("wagtailadmin_pages:edit", args=[page_in_moderation.pk])
    response = client.post(
        edit_url,
        {
            "action-workflow-action": "true",
            "workflow-action-name": "reject",
            "workflow-action-extra-data": json.dumps({"comment": "Barnet 121212-1212"}),
        },
        follow=True,
    )
    assert "personnummer" in response.content.decode()
    assert "121212-1212" in response.content.decode()
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not TaskState.objects.filter(comment__contains="1212").exists()
