"""The team's side of the questions in Wagtail's admin: the answerers per support area,
the goal, the answer form's guard, and the published pages in the page editor."""

import json

import pytest

from support.models import QuestionAnswerIndexPage, QuestionAnswerPage, TeamQuestion
from support.services import questions

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def taken(member_a, editor, support_area):
    question = questions.ask(
        by=member_a,
        subject="Samverkan med skolan",
        text="Hur gör andra?",
        support_area=support_area,
        may_publish=True,
    )
    return questions.take(question, by=editor)


def test_editors_choose_answerers_and_set_the_goal(team):
    assert team.get("/admin/snippets/support/supportareaanswerers/").status_code == 200
    assert team.get("/admin/snippets/support/supportareaanswerers/add/").status_code == 200
    goal = team.get("/admin/settings/support/questionsettings/", follow=True)
    assert goal.status_code == 200 and "mål för svarstid" in goal.content.decode().lower()
    menu = team.get("/admin/").content.decode()  # the sidebar's items, as JSON
    assert "/admin/fragor/" in menu and "/admin/snippets/support/supportareaanswerers/" in menu


def test_an_answer_with_a_personal_number_is_refused_and_kept(team, taken, committed, mailoutbox):
    with committed():
        response = team.post(
            f"/admin/fragor/{taken.pk}/svara/", {"answer": "Kontakta 19121212-1212 direkt."}
        )
    page = response.content.decode()
    assert response.status_code == 400
    assert "ser ut som ett personnummer" in page
    assert "Kontakta 19121212-1212 direkt." in page
    assert TeamQuestion.objects.get().answer == ""
    assert not mailoutbox


def test_the_publish_form_starts_from_the_question_and_answer(team, taken, editor):
    questions.answer(taken, by=editor, text="Så här gör många.")
    page = team.get(f"/admin/fragor/{taken.pk}/").content.decode()
    assert 'value="Samverkan med skolan"' in page
    assert "Så här gör många." in page
    assert "Organisationens namn visas inte." in page


def test_a_published_page_opens_in_the_page_editor(team, taken, editor, committed):
    questions.answer(taken, by=editor, text="Svar.")
    with committed():
        page = questions.publish(
            taken, by=editor, title="Skolan", question_text="Fråga?", answer_text="Svar."
        )
    assert isinstance(page.get_parent().specific, QuestionAnswerIndexPage)
    response = team.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert "Svar." in response.content.decode()
    with pytest.raises(questions.QuestionError, match="redan publicerad"):
        questions.publish(taken, by=editor, title="Igen", question_text="F", answer_text="S")
    assert QuestionAnswerPage.objects.count() == 1


def test_the_question_is_in_the_askers_data_export(client, member_a, taken):
    client.force_login(member_a)
    exported = json.loads(client.get("/mina-sidor/mina-uppgifter.json").content)
    mine = exported["frågor till förstärkningsteamet"]
    assert [question["ämne"] for question in mine] == ["Samverkan med skolan"]
