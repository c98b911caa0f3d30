"""Members submit good examples; editors review them in Wagtail's workflow."""

import re

import pytest
from django.core import mail

from portal.models import GoodExamplePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def example_form(support_area, method):
    return {
        "title": "Fältare och skola i samma team",
        "summary": "Skolan och fältarna träffas varje vecka.",
        "problem": "Elever försvann från skolan på eftermiddagarna.",
        "what_was_done": "Vi bildade ett team.\n\nTeamet träffas varje vecka.",
        "partners": ["school", "leisure"],
        "partners_description": "Skola och fritid",
        "results": "Fler elever stannar i skolan.",
        "lessons": "Börja smått.",
        "support_areas": [support_area.pk],
        "prevention_levels": ["selective"],
        "methods": [method.pk],
        "collaboration_forms": [],
        "year": "2025",
    }


def act(page, user, action, comment=""):
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, user, action, comment=comment)


def test_member_submits_editor_returns_member_revises_editor_publishes(
    client, committed, example_index, member_a, editor, example_form
):
    client.force_login(member_a)
    with committed():
        response = client.post("/mina-sidor/goda-exempel/nytt/", example_form)
    assert response["Location"] == "/mina-sidor/"
    page = GoodExamplePage.objects.get(title=example_form["title"])
    assert not page.live
    assert page.municipality.name == "Kalmar"
    assert page.owner == member_a
    assert page.get_parent().pk == example_index.pk
    assert page.get_latest_revision_as_object().what_was_done == (
        "<p>Vi bildade ett team.</p>\n\n<p>Teamet träffas varje vecka.</p>"
    )
    assert page.workflow_in_progress
    # Wagtail tells the editors (the Moderators group) that something waits for review.
    assert any(editor.email in m.to for m in mail.outbox)
    assert "Väntar på granskning" in client.get("/mina-sidor/").content.decode()
    assert example_form["title"] not in client.get(example_index.url).content.decode()

    mail.outbox.clear()
    with committed():
        act(page, editor, "reject", comment="Beskriv gärna resultatet med siffror.")
    assert [m.to for m in mail.outbox] == [[member_a.email]]  # ours only, not Wagtail's
    assert "Beskriv gärna resultatet med siffror." in mail.outbox[0].body
    my_pages = client.get("/mina-sidor/").content.decode()
    assert "Återskickat för ändring" in my_pages
    assert "Beskriv gärna resultatet med siffror." in my_pages

    edit_url = f"/mina-sidor/goda-exempel/{page.pk}/andra/"
    form_page = client.get(edit_url).content.decode()
    assert "Fältare och skola i samma team" in form_page
    revised = {**example_form, "results": "Frånvaron minskade med en tredjedel."}
    with committed():
        client.post(edit_url, revised)
    page.refresh_from_db()
    assert page.workflow_in_progress

    mail.outbox.clear()
    with committed():
        act(page, editor, "approve")
    page.refresh_from_db()
    assert page.live
    assert "Frånvaron minskade" in page.results
    assert [m.to for m in mail.outbox] == [[member_a.email]]
    assert "publicerat" in mail.outbox[0].subject
    assert example_form["title"] in client.get(example_index.url).content.decode()
    assert "Publicerat" in client.get("/mina-sidor/").content.decode()


def test_a_personal_number_is_refused_next_to_its_field_and_nothing_is_lost(
    client, example_index, member_a, example_form
):
    client.force_login(member_a)
    data = {**example_form, "what_was_done": "Vi hjälpte pojken med pnr 070423-4046."}
    response = client.post("/mina-sidor/goda-exempel/nytt/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_what_was_done_error"' in html
    assert "”Vad ni gjorde”" in html
    assert "Fältare och skola i samma team" in html
    assert "Elever försvann från skolan på eftermiddagarna." in html
    assert re.search(r'<input[^>]*value="school"[^>]*checked', html)
    assert not re.search(r'<input[^>]*value="police"[^>]*checked', html)
    assert not GoodExamplePage.objects.filter(title=example_form["title"]).exists()


def test_someone_without_a_municipality_is_sent_to_ask_for_one(client, example_index, outsider):
    client.force_login(outsider)
    response = client.get("/mina-sidor/goda-exempel/nytt/")
    assert response["Location"] == "/mina-sidor/organisation/"


def test_an_example_in_review_cannot_be_edited(
    client, committed, example_index, member_a, example_form
):
    client.force_login(member_a)
    with committed():
        client.post("/mina-sidor/goda-exempel/nytt/", example_form)
    page = GoodExamplePage.objects.get(title=example_form["title"])
    response = client.get(f"/mina-sidor/goda-exempel/{page.pk}/andra/")
    assert response["Location"] == "/mina-sidor/"


def test_nobody_else_can_edit_a_members_example(
    client, committed, example_index, member_a, coordinator_a, example_form
):
    client.force_login(member_a)
    with committed():
        client.post("/mina-sidor/goda-exempel/nytt/", example_form)
    page = GoodExamplePage.objects.get(title=example_form["title"])
    client.force_login(coordinator_a)
    assert client.get(f"/mina-sidor/goda-exempel/{page.pk}/andra/").status_code == 404


def test_a_member_chooses_target_groups_kept_on_errors_and_on_revision(
    client, committed, example_index, member_a, editor, example_form
):
    from ..factories import TargetGroupFactory

    at_risk = TargetGroupFactory(name="Barn och unga i riskzon", slug="barn-i-riskzon")
    TargetGroupFactory(name="Placerade barn och unga", slug="placerade-barn")
    client.force_login(member_a)
    data = {
        **example_form,
        "target_groups": [at_risk.pk],
        "results": "Pojken med pnr 070423-4046 klarade sig.",
    }
    html = client.post("/mina-sidor/goda-exempel/nytt/", data).content.decode()
    assert 'id="id_results_error"' in html
    assert re.search(rf'<input[^>]*value="{at_risk.pk}"[^>]*checked', html)
    assert "Placerade barn och unga" in html
    with committed():
        client.post("/mina-sidor/goda-exempel/nytt/", {**data, "results": "Färre avbrott."})
    page = GoodExamplePage.objects.get(title=example_form["title"])
    draft = page.get_latest_revision_as_object()
    assert list(draft.target_groups.all()) == [at_risk]
    with committed():
        act(page, editor, "reject", comment="Mer om resultatet.")
    html = client.get(f"/mina-sidor/goda-exempel/{page.pk}/andra/").content.decode()
    assert re.search(rf'<input[^>]*value="{at_risk.pk}"[^>]*checked', html)
