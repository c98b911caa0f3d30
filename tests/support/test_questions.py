"""Questions to the team (issue 19): the whole path from asking to a published, searchable
answer; consent; who sees what; waiting time and the goal; the figures as CSV."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import ModelLogEntry

from portal.models import Method
from search import api
from support.models import (
    QuestionAnswerIndexPage,
    QuestionAnswerPage,
    QuestionSettings,
    SupportAreaAnswerers,
    TeamQuestion,
)
from support.services import questions

from ..factories import SupportAreaPageFactory

pytestmark = pytest.mark.django_db

NEW = "/stod/fragor/ny/"


@pytest.fixture
def other_area(support_area_index):
    return SupportAreaPageFactory(parent=support_area_index, title="Samverkan med BUP")


@pytest.fixture
def answerer(editor, support_area):
    """The editor answers for support_area."""
    row = SupportAreaAnswerers.objects.create(support_area=support_area)
    row.answerers.add(editor)
    return editor


@pytest.fixture
def bup_answerer(make_person, other_area):
    """Another editor, who answers only for the other area."""
    person = make_person("bup@socialstyrelsen.se", first_name="Bo")
    person.groups.add(Group.objects.get(name="Editors"))
    row = SupportAreaAnswerers.objects.create(support_area=other_area)
    row.answerers.add(person)
    return person


@pytest.fixture
def answers_index(home_page):
    index = QuestionAnswerIndexPage(title="Frågor och svar", slug="fragor-och-svar")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def published_answer(committed, answers_index, support_area):
    """A Q&A page the team published earlier, in the search index."""
    page = QuestionAnswerPage(
        title="Hur följer vi upp insatser för unga med risk för kriminalitet?",
        slug="uppfoljning-av-insatser",
        question="Hur kan socialtjänsten följa upp insatser för unga systematiskt?",
        answer="Välj några få mått på gruppnivå och gå igenom dem med styrgruppen.",
        support_area=support_area,
        live=False,
    )
    with committed():
        answers_index.add_child(instance=page)
        page.save_revision().publish()
    return page


def form_data(support_area, **overrides):
    data = {
        "subject": "Uppföljning av insatser",
        "text": "Hur följer vi upp insatser för unga systematiskt utan extra blanketter?",
        "support_area": support_area.pk,
        "method": "",
        "target_group": "",
        "may_publish": "yes",
        "may_show_organisation": "no",
    }
    return {**data, **overrides}


def ask(support_area, member, **overrides):
    arguments = {
        "subject": "Uppföljning",
        "text": "Hur följer vi upp insatserna?",
        "support_area": support_area,
        "may_publish": True,
    }
    return questions.ask(by=member, **{**arguments, **overrides})


def hits(query, kind="question"):
    return [hit.url for hit in api.search(query, filters={"kind": kind}).hits]


# The whole path ------------------------------------------------------------------------


def test_ask_see_similar_answers_route_take_answer_email_publish_and_find(
    client,
    committed,
    mailoutbox,
    member_a,
    answerer,
    bup_answerer,
    support_area,
    published_answer,
):
    client.force_login(member_a)
    form = client.get(NEW)
    assert "aldrig handla om ett enskilt barn" in form.content.decode()

    # "Fortsätt": the published answer to a similar question is shown, with the question
    # as typed, and nothing is sent yet.
    step = client.post(NEW, {**form_data(support_area), "steg": "fortsatt"})
    page = step.content.decode()
    assert step.status_code == 200
    assert published_answer.title in strip_tags(page)  # its words are highlighted
    assert f'href="{published_answer.url}"' in page
    assert "utan extra blanketter" in page
    assert 'type="hidden" name="text"' in page
    assert not TeamQuestion.objects.exists()

    # "Ändra" brings the form back with everything kept.
    back = client.post(NEW, {**form_data(support_area), "steg": "andra"})
    assert back.status_code == 200
    assert "utan extra blanketter" in back.content.decode()
    assert 'name="steg" value="fortsatt"' in back.content.decode()

    # "Skicka frågan": the area's answerer is emailed; the other area's is not.
    with committed():
        sent = client.post(NEW, {**form_data(support_area), "steg": "skicka"})
    question = TeamQuestion.objects.get()
    assert sent.status_code == 302
    assert sent["Location"] == f"/stod/fragor/{question.pk}/"
    assert question.organisation == member_a.memberships.get().organisation
    assert question.may_publish and not question.may_show_organisation
    routed = [m for m in mailoutbox if answerer.email in m.to]
    assert len(routed) == 1 and "utan extra blanketter" in routed[0].body
    assert f"/admin/fragor/{question.pk}/" in routed[0].body
    assert not [m for m in mailoutbox if bup_answerer.email in m.to]

    # The answerer takes it and answers in the admin; the asker gets the answer by email.
    team = client.__class__()
    team.force_login(answerer)
    assert "Uppföljning av insatser" in team.get("/admin/fragor/").content.decode()
    team.post(f"/admin/fragor/{question.pk}/ta/")
    question.refresh_from_db()
    assert question.assigned_to == answerer and question.taken_at is not None
    mailoutbox.clear()
    with committed():
        team.post(
            f"/admin/fragor/{question.pk}/svara/",
            {"answer": "Börja med tre mått som redan finns i ert arbete."},
        )
    question.refresh_from_db()
    assert question.status == TeamQuestion.Status.ANSWERED
    told = [m for m in mailoutbox if member_a.email in m.to]
    assert len(told) == 1 and "Börja med tre mått" in told[0].body

    # The asker reads the answer on Mina sidor.
    my_pages = client.get("/mina-sidor/").content.decode()
    assert "Uppföljning av insatser" in my_pages and "Börja med tre mått" in my_pages

    # With consent, an editor publishes a rewritten version; search finds it.
    with committed():
        team.post(
            f"/admin/fragor/{question.pk}/publicera/",
            {
                "title": "Uppföljning av insatser utan blanketter",
                "question_text": "Hur följer en kommun upp insatser utan extra blanketter?",
                "answer_text": "Börja med tre mått som redan finns i det ordinarie arbetet.",
            },
        )
    question.refresh_from_db()
    page = question.published_page
    assert page is not None and page.live
    assert page.url in hits("blanketter")
    shown = client.get(page.url).content.decode()
    assert "Börja med tre mått" in shown
    assert "Kalmar" not in shown  # the asker did not agree to show the organisation
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(question.pk)).values_list("action", flat=True)
    )
    assert {
        "support.question.taken",
        "support.question.answered",
        "support.question.published",
    } <= actions


def test_organisation_is_shown_only_when_the_asker_agreed(
    client, committed, member_a, answerer, support_area
):
    question = ask(support_area, member_a, may_show_organisation=True)
    questions.take(question, by=answerer)
    questions.answer(question, by=answerer, text="Så här.")
    with committed():
        page = questions.publish(
            question, by=answerer, title="Visad", question_text="Fråga?", answer_text="Svar."
        )
    assert "Frågan kommer från Kalmar." in client.get(page.url).content.decode()
    assert page.url in hits("kalmar")


def test_show_organisation_needs_consent_to_publish_at_all(member_a, support_area, answerer):
    question = ask(support_area, member_a, may_publish=False, may_show_organisation=True)
    assert not question.may_show_organisation


# Without consent, never published ------------------------------------------------------


@pytest.fixture
def answered_without_consent(member_a, answerer, support_area):
    question = ask(support_area, member_a, may_publish=False)
    questions.take(question, by=answerer)
    return questions.answer(question, by=answerer, text="Ett svar.")


def test_the_service_refuses_to_publish_without_consent(answered_without_consent, answerer):
    with pytest.raises(questions.QuestionError, match="inte gett sitt samtycke"):
        questions.publish(
            answered_without_consent,
            by=answerer,
            title="Otillåten",
            question_text="Fråga",
            answer_text="Svar",
        )
    assert not QuestionAnswerPage.objects.exists()


def test_the_admin_refuses_to_publish_without_consent(
    client, committed, answered_without_consent, answerer
):
    client.force_login(answerer)
    detail = client.get(f"/admin/fragor/{answered_without_consent.pk}/").content.decode()
    assert "Frågan kan inte publiceras" in detail
    assert "/publicera/" not in detail
    with committed():
        response = client.post(
            f"/admin/fragor/{answered_without_consent.pk}/publicera/",
            {"title": "Otillåten", "question_text": "Fråga", "answer_text": "Svar"},
            follow=True,
        )
    assert "inte gett sitt samtycke" in response.content.decode()
    assert not QuestionAnswerPage.objects.exists()
    assert hits("otillåten") == []


def test_the_page_itself_refuses_a_question_without_consent(
    answered_without_consent, answers_index
):
    page = QuestionAnswerPage(
        title="Runt tjänsten",
        slug="runt",
        question="Fråga",
        answer="Svar",
        source_question=answered_without_consent,
    )
    with pytest.raises(ValidationError, match="samtycke"):
        answers_index.add_child(instance=page)
    assert not QuestionAnswerPage.objects.exists()


# Who sees what -------------------------------------------------------------------------


def test_answerers_of_other_areas_do_not_see_a_waiting_question_until_it_is_taken(
    client, member_a, answerer, bup_answerer, support_area
):
    question = ask(support_area, member_a, subject="Väntande fråga")
    client.force_login(bup_answerer)
    assert "Väntande fråga" not in client.get("/admin/fragor/").content.decode()
    assert client.get(f"/admin/fragor/{question.pk}/").status_code == 404
    assert client.post(f"/admin/fragor/{question.pk}/ta/").status_code == 404
    assert TeamQuestion.objects.get().assigned_to is None
    with pytest.raises(PermissionError):
        questions.take(question, by=bup_answerer)

    questions.take(question, by=answerer)
    assert client.get(f"/admin/fragor/{question.pk}/").status_code == 200


def test_an_area_without_answerers_goes_to_every_editor(
    committed, mailoutbox, member_a, editor, bup_answerer, support_area
):
    with committed():
        ask(support_area, member_a)
    assert {editor.email, bup_answerer.email} <= {m.to[0] for m in mailoutbox}
    assert questions.to_take_for(bup_answerer).count() == 1


def test_two_taking_one_question_leave_one_owner(make_person, member_a, answerer, support_area):
    colleague = make_person("kollega@socialstyrelsen.se", first_name="Kim")
    colleague.groups.add(Group.objects.get(name="Editors"))
    SupportAreaAnswerers.objects.get(support_area=support_area).answerers.add(colleague)
    question = ask(support_area, member_a)
    questions.take(question, by=answerer)
    with pytest.raises(questions.QuestionError, match="redan tagen"):
        questions.take(question, by=colleague)  # the stale object still says waiting
    assert TeamQuestion.objects.get().assigned_to == answerer


def test_only_the_one_who_took_it_answers(make_person, member_a, answerer, support_area):
    colleague = make_person("kollega@socialstyrelsen.se", first_name="Kim")
    colleague.groups.add(Group.objects.get(name="Editors"))
    question = ask(support_area, member_a)
    questions.take(question, by=answerer)
    with pytest.raises(questions.QuestionError):
        questions.answer(question, by=colleague, text="Mitt svar")
    assert TeamQuestion.objects.get().answer == ""


def test_a_member_sees_only_their_own_questions(
    client, make_person, kalmar, member_a, support_area, answerer
):
    mine = ask(support_area, member_a, subject="Min egen fråga")
    colleague = make_person("kollega@kalmar.se", kalmar)
    theirs = ask(support_area, colleague, subject="Kollegans fråga")
    client.force_login(member_a)
    assert client.get(f"/stod/fragor/{mine.pk}/").status_code == 200
    assert client.get(f"/stod/fragor/{theirs.pk}/").status_code == 404
    my_pages = client.get("/mina-sidor/").content.decode()
    assert "Min egen fråga" in my_pages and "Kollegans fråga" not in my_pages


def test_someone_without_an_organisation_cannot_ask(client, outsider, support_area):
    client.force_login(outsider)
    assert client.get(NEW).status_code == 403
    assert client.post(NEW, {**form_data(support_area), "steg": "skicka"}).status_code == 403
    assert not TeamQuestion.objects.exists()


# Waiting time and the goal -------------------------------------------------------------


def test_working_days_skip_weekends():
    friday = timezone.make_aware(datetime.datetime(2026, 11, 27, 15))
    assert questions.working_days_between(friday, friday + datetime.timedelta(days=3)) == 1
    assert questions.working_days_between(friday, friday + datetime.timedelta(days=7)) == 5
    assert questions.working_days_between(friday, friday + datetime.timedelta(days=1)) == 0


def test_a_question_waiting_longer_than_the_goal_is_flagged(
    client, member_a, answerer, support_area
):
    old = ask(support_area, member_a, subject="Gammal fråga")
    TeamQuestion.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=14)
    )
    ask(support_area, member_a, subject="Ny fråga")
    client.force_login(answerer)
    listing = client.get("/admin/fragor/").content.decode()
    old_row = listing[
        listing.index("Gammal fråga") : listing.index("</tr>", listing.index("Gammal fråga"))
    ]
    new_row = listing[listing.index("Ny fråga") : listing.index("</tr>", listing.index("Ny fråga"))]
    assert "Över målet" in old_row
    assert "Över målet" not in new_row

    settings = QuestionSettings.load()
    settings.answer_goal_working_days = 20
    settings.save()
    assert "Över målet</strong>" not in client.get("/admin/fragor/").content.decode()


def test_figures_per_area_and_month_as_csv(client, member_a, answerer, support_area, other_area):
    answered = ask(support_area, member_a)
    questions.take(answered, by=answerer)
    questions.answer(answered, by=answerer, text="Svar")
    ask(support_area, member_a)
    ask(other_area, member_a)
    client.force_login(answerer)
    response = client.get("/admin/fragor/statistik/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    month = timezone.localtime().strftime("%Y-%m")
    assert rows[0][:4] == ["Månad", "Stödområde", "Frågor", "Besvarade"]
    assert [month, support_area.title, "2", "1", "0.0", "0"] in rows
    assert [month, other_area.title, "1", "0", "", "0"] in rows


def test_members_do_not_reach_the_admin_screens(client, member_a):
    client.force_login(member_a)
    response = client.get("/admin/fragor/statistik/?format=csv")
    assert response.status_code == 302 and "login" in response["Location"]


# The page types ------------------------------------------------------------------------


def test_the_index_lists_answers_by_support_area(
    client, published_answer, answers_index, other_area, committed
):
    other = QuestionAnswerPage(
        title="En fråga om BUP", slug="bup", question="F", answer="S", support_area=other_area
    )
    answers_index.add_child(instance=other)
    everything = client.get(answers_index.url).content.decode()
    assert published_answer.title in everything and "En fråga om BUP" in everything
    assert "<h2>Alla frågor</h2>" in " ".join(everything.split()).replace("<h2> ", "<h2>")
    assert "{%" not in everything  # no template tag leaks into the page
    filtered = client.get(f"{answers_index.url}?omrade={other_area.slug}").content.decode()
    assert "En fråga om BUP" in filtered and published_answer.title not in filtered


def test_page_types_are_created_where_they_belong(home_page):
    assert QuestionAnswerIndexPage in home_page.specific_class.allowed_subpage_models()
    assert QuestionAnswerIndexPage.allowed_subpage_models() == [QuestionAnswerPage]
    assert QuestionAnswerPage.allowed_parent_page_models() == [QuestionAnswerIndexPage]


def test_answerers_can_only_be_active_editors(editor, member_a, support_area):
    from support.models.questions import AnswerersForm

    form_class = SupportAreaAnswerers.get_edit_handler().get_form_class()
    assert issubclass(form_class, AnswerersForm)
    form = form_class(data={"support_area": support_area.pk, "answerers": [member_a.pk]})
    assert not form.is_valid() and "answerers" in form.errors
    form = form_class(data={"support_area": support_area.pk, "answerers": [editor.pk]})
    assert form.is_valid(), form.errors


def test_method_is_kept_with_the_question(client, member_a, answerer, support_area):
    method = Method.objects.create(name="RBM-modellen", slug="rbm")
    client.force_login(member_a)
    client.post(NEW, {**form_data(support_area, method=method.pk), "steg": "skicka"})
    assert TeamQuestion.objects.get().method == method
