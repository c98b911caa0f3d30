"""Editors choose in the admin which kinds of organisation may sign up for a workshop."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, make_person):
    administrator = make_person("admin@socialstyrelsen.se")
    administrator.is_superuser = True
    administrator.save()
    client.force_login(administrator)
    return client


def edit_form_data(client, page):
    """The edit form as the admin renders it, plus the body that its JavaScript builds."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form").copy()
    data.update(
        nested_form_data(
            {
                "body": streamfield([("heading", {"text": "Upplägg", "level": "h2"})]),
                "materials": streamfield([]),
            }
        )
    )
    data["action-publish"] = "action-publish"
    return dict(data.lists())  # the test client posts only a QueryDict's last values


def test_the_kinds_are_checkboxes_and_municipalities_are_ticked_by_default(admin_client, workshop):
    data = edit_form_data(admin_client, workshop)
    assert data["open_to"] == ["municipality"]
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[workshop.pk])).content
    for label in ["Kommun", "Region", "Länsstyrelse", "Polisregion", "Nationell myndighet"]:
        assert re.search(rf'type="checkbox" name="open_to"[^>]*>\s*{label}', html.decode())


def test_an_editor_opens_a_workshop_to_municipalities_and_regions(admin_client, workshop):
    data = edit_form_data(admin_client, workshop)
    data["open_to"] = ["municipality", "region"]
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[workshop.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    workshop.refresh_from_db()
    assert workshop.open_to == ["municipality", "region"]
    page = admin_client.get(workshop.url).content.decode()
    assert re.search(r"<dt>Öppen för</dt>\s*<dd>Kommuner och regioner</dd>", page)


def test_no_kind_at_all_is_refused_next_to_the_field(admin_client, workshop):
    data = edit_form_data(admin_client, workshop)
    del data["open_to"]  # nothing ticked
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[workshop.pk]), data)
    assert response.status_code == 200
    message = "Välj minst ett slag av organisation som får anmäla sig."
    assert response.context["form"].errors["open_to"] == [message]
    errors_next_to_the_checkboxes = re.search(
        r'id="[^"]*-open_to-errors">(.*?)</div>', response.content.decode(), re.DOTALL
    )
    assert message in errors_next_to_the_checkboxes[1]
    workshop.refresh_from_db()
    assert workshop.open_to == ["municipality"]
