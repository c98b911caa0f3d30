"""The question form: the privacy guard on every text, length limits, nothing typed lost,
and no input that makes a server error (property-based, with hypothesis)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.forms.questions import AnswerForm, PublishForm, QuestionForm
from support.models import TeamQuestion
from support.services import questions

from ..portal.test_privacy_properties import personal_numbers, surrounding

pytestmark = pytest.mark.django_db

NEW = "/stod/fragor/ny/"
NUMBER = "19121212-1212"


@pytest.fixture
def asker(client, member_a, support_area):
    client.force_login(member_a)
    return client


def data(support_area, **overrides):
    return {
        "subject": "Samverkan kring unga",
        "text": "Hur organiserar andra kommuner samverkan med skolan?",
        "support_area": str(support_area.pk),
        "may_publish": "no",
        "may_show_organisation": "no",
        **overrides,
    }


@pytest.mark.parametrize("field", ["subject", "text"])
@pytest.mark.parametrize("step", ["fortsatt", "skicka"])
def test_a_personal_number_is_refused_next_to_its_field_and_the_rest_is_kept(
    asker, support_area, field, step
):
    typed = data(support_area, **{field: f"Gäller barnet {NUMBER} i vår kommun"}, steg=step)
    response = asker.post(NEW, typed)
    page = response.content.decode()
    assert response.status_code == 200
    assert "ser ut som ett personnummer" in page
    assert "resten av det du skrev finns kvar" in page
    other = "text" if field == "subject" else "subject"
    assert typed[other] in page  # what else was typed is kept
    assert f"Gäller barnet {NUMBER}" in page
    assert 'aria-invalid="true"' in page
    assert f'id="id_{field}_error"' in page  # the message, tied to the field
    assert f"id_{field}_error" in page.split(f'name="{field}"')[1].split(">")[0]
    assert not TeamQuestion.objects.exists()


@pytest.mark.parametrize(("field", "limit"), [("subject", 150), ("text", 4000)])
def test_texts_have_a_length_limit(asker, support_area, field, limit):
    at_limit = asker.post(NEW, data(support_area, **{field: "a" * limit}, steg="fortsatt"))
    assert "för lång" not in at_limit.content.decode()
    over = asker.post(NEW, data(support_area, **{field: "a" * (limit + 1)}, steg="skicka"))
    assert "Texten är för lång" in over.content.decode()
    assert not TeamQuestion.objects.exists()


def test_support_area_and_both_consents_are_required(asker, support_area):
    response = asker.post(
        NEW, {"subject": "Ämne", "text": "Fråga", "support_area": "", "steg": "skicka"}
    )
    page = response.content.decode()
    assert "Välj det stödområde frågan hör till." in page
    assert page.count("Svara ja eller nej.") == 2
    assert not TeamQuestion.objects.exists()


def test_a_tampered_hidden_field_is_checked_again_when_sending(asker, support_area):
    """The second step sends what the first showed; it is checked again, not trusted."""
    response = asker.post(NEW, data(support_area, text="x" * 4001, steg="skicka"))
    assert "Texten är för lång" in response.content.decode()
    assert not TeamQuestion.objects.exists()


def test_the_service_refuses_what_the_form_would(member_a, support_area):
    with pytest.raises(questions.QuestionError) as error:
        questions.ask(by=member_a, subject="Ämne", text=f"Om {NUMBER}", support_area=support_area)
    assert error.value.field == "text"
    with pytest.raises(questions.QuestionError):
        questions.ask(by=member_a, subject="Ämne", text="a" * 4001, support_area=support_area)
    assert not TeamQuestion.objects.exists()


@pytest.mark.parametrize("form_class", [AnswerForm, PublishForm])
def test_the_teams_forms_have_the_guard_too(form_class):
    form = form_class(dict.fromkeys(form_class.base_fields, f"Se {NUMBER}"))
    assert not form.is_valid()
    assert set(form.errors) == set(form_class.base_fields)


# Properties ------------------------------------------------------------------------------

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
anything = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300)


@FUZZ
@given(number=personal_numbers(), before=surrounding, after=surrounding)
def test_any_valid_personal_number_in_the_question_is_refused(support_area, number, before, after):
    form = QuestionForm(data(support_area, text=before + number + after))
    assert not form.is_valid()
    assert "personnummer" in str(form.errors["text"])


@FUZZ
@given(subject=anything, text=anything, area=anything | st.just(""), step=anything)
def test_no_input_makes_a_server_error(asker, support_area, subject, text, area, step):
    before = TeamQuestion.objects.count()
    response = asker.post(
        NEW,
        {
            "subject": subject,
            "text": text,
            "support_area": area,
            "may_publish": "yes",
            "may_show_organisation": "maybe",
            "steg": step,
        },
    )
    assert response.status_code == 200
    assert TeamQuestion.objects.count() == before  # "maybe" is never a valid answer
