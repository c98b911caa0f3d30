"""A returned good example keeps the member's text as typed, however many rounds it takes."""

import html
import re

import pytest

from portal.models import GoodExamplePage

pytestmark = pytest.mark.django_db

TRICKY = "Skola & fritid <tillsammans> \"alltid\" 'ofta'"
TEXT_FIELDS = ["summary", "problem", "what_was_done", "partners_description", "results", "lessons"]


@pytest.fixture
def tricky_example(support_area):
    return {
        "title": f"Samverkan {TRICKY}",
        "summary": f"Sammanfattning: {TRICKY}",
        "problem": f"Problemet: {TRICKY}",
        "what_was_done": f"Första stycket: {TRICKY}\n\nAndra stycket: {TRICKY}",
        "partners": ["school"],
        "partners_description": f"Deltog: {TRICKY}",
        "results": f"Resultat: {TRICKY}",
        "lessons": f"Lärdomar: {TRICKY}",
        "support_areas": [support_area.pk],
        "prevention_levels": ["selective"],
        "methods": [],
        "collaboration_forms": [],
        "year": "2025",
    }


def return_to_member(page, editor):
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, editor, "reject", comment="Lägg till mer.")


def text_in_form(form_html, name):
    """What a browser shows (and sends back) for a field of the submission form."""
    textarea = re.search(rf'<textarea name="{name}"[^>]*>\n?(.*?)</textarea>', form_html, re.S)
    if textarea:
        return html.unescape(textarea[1])
    return html.unescape(re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', form_html)[1])


def test_a_returned_submission_is_not_escaped_again_on_each_round(
    client, committed, example_index, member_a, editor, tricky_example
):
    client.force_login(member_a)
    with committed():
        client.post("/mina-sidor/goda-exempel/nytt/", tricky_example)
    page = GoodExamplePage.objects.get(municipality__name="Kalmar", live=False)
    edit_url = f"/mina-sidor/goda-exempel/{page.pk}/andra/"

    for _round in range(2):
        with committed():
            return_to_member(page, editor)
        form_html = client.get(edit_url).content.decode()
        shown = {name: text_in_form(form_html, name) for name in ["title", *TEXT_FIELDS]}
        assert shown == {name: tricky_example[name] for name in ["title", *TEXT_FIELDS]}
        with committed():
            client.post(edit_url, {**tricky_example, **shown})
        page.refresh_from_db()
        assert page.workflow_in_progress

    task_state = page.current_workflow_task_state
    with committed():
        task_state.task.specific.on_action(task_state, editor, "approve")
    page.refresh_from_db()
    assert page.live
    public = client.get(page.url).content.decode()
    escaped = html.escape(TRICKY, quote=False)
    for label in ["Problemet", "Första stycket", "Andra stycket", "Resultat", "Lärdomar"]:
        assert f"{label}: {escaped}" in public.replace("&#x27;", "'").replace("&quot;", '"')
    assert "<tillsammans>" not in public
    assert "&amp;amp;" not in public and "&amp;lt;" not in public
