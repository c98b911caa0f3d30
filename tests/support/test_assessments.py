"""Self-assessment (nulägesanalys): started by one member, continued by a colleague,
completed, read as a result with strengths, gaps and links, repeated and compared."""

import pytest
from django.db import IntegrityError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.log_actions import registry as log_actions
from wagtail.models import ModelLogEntry

from portal.privacy import find_personal_numbers
from support.models import Answer, Application, Question, Questionnaire, SelfAssessment
from support.services import assessments

pytestmark = pytest.mark.django_db

LIST = "/stod/nulagesanalys/"


def start_url(questionnaire):
    return f"/stod/nulagesanalys/starta/{questionnaire.pk}/"


def url(assessment):
    return f"/stod/nulagesanalys/{assessment.pk}/"


def fields(questionnaire):
    """The form's field name for each question, in order: scale, scale, text."""
    return [f"fraga-{q.pk}" for q in questionnaire.questions.order_by("sort_order")]


def start(client, questionnaire, prefill=False):
    response = client.post(start_url(questionnaire), {"prefill": "1"} if prefill else {})
    assert response.status_code == 302
    return SelfAssessment.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def test_the_whole_path_from_start_to_a_compared_repeat(
    client, questionnaire, member_a, coordinator_a, guidance_page, good_example
):
    early, follow_up, needs = fields(questionnaire)

    # Maja starts the analysis and saves a draft with one answer.
    client.force_login(member_a)
    page = client.get(LIST).content.decode()
    assert "Starta Nulägesanalys: tidiga insatser" in page
    assert '<a href="/stod/">Stöd från förstärkningsteamet</a>' in page  # the way back
    assessment = start(client, questionnaire)
    response = client.post(url(assessment), {early: "5", "action": "save"}, follow=True)
    assert "Utkastet är sparat" in response.content.decode()
    assert ModelLogEntry.objects.filter(action=assessments.STARTED, user=member_a).exists()
    assert log_actions.get_action_label(assessments.STARTED) == "Nulägesanalys påbörjad"

    # Karin, her colleague, sees the draft, who changed it last, and opens it again.
    client.force_login(coordinator_a)
    page = client.get(LIST).content.decode()
    assert "Fortsätt på utkastet" in page and "senast ändrad av Maja Person" in page
    assert start(client, questionnaire) == assessment  # one draft per organisation
    form = client.get(url(assessment)).content.decode()
    assert f'name="{early}" value="5" required' not in form  # nothing is required for a draft
    assert f'value="5" id="id_{early}_4" checked' in form
    assert "senast ändrat av Maja Person" in form

    # Completing asks for every scale question; what she typed stays.
    response = client.post(
        url(assessment), {early: "5", needs: "Stöd i att följa upp.", "action": "complete"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Välj ett svar eller ”Vet inte” för att kunna markera analysen som klar" in page
    assert "Stöd i att följa upp." in page
    assert SelfAssessment.objects.get(pk=assessment.pk).is_draft

    response = client.post(
        url(assessment),
        {early: "5", follow_up: "1", needs: "Stöd i att följa upp.", "action": "complete"},
        follow=True,
    )
    result = response.content.decode()
    assert "Analysen är klar" in result
    assessment.refresh_from_db()
    assert assessment.status == "completed" and assessment.completed_by == coordinator_a
    assert ModelLogEntry.objects.filter(action=assessments.COMPLETED, user=coordinator_a).exists()

    # The result: the area's level, a strength, a gap, the comment and where to read more.
    strengths, gaps = result.split("<h3>Styrkor</h3>")[1].split("<h3>Utvecklingsområden</h3>")
    gaps = gaps.split("</section>")[0]
    assert "Finns rutiner för tidig upptäckt? – Väl etablerat och följs upp" in strengths
    assert "Följer ni upp insatserna? – Inte påbörjat" in gaps
    assert "medelvärde 3,0 av 5" in result or "medelvärde 3.0 av 5" in result
    assert "Stöd i att följa upp." in result
    assert guidance_page.url in result and good_example.url in result
    assert "förra gången" not in result  # nothing to compare with yet
    assert 'href="/stod/ansokan/">Ansök om stöd från förstärkningsteamet</a>' in result

    # Completed is read-only: a late save changes nothing.
    response = client.post(url(assessment), {early: "1", "action": "save"}, follow=True)
    assert "kan inte ändras" in response.content.decode()
    assert Answer.objects.get(assessment=assessment, question__sort_order=0).value == 5

    # Repeat, from the last answers, and compare.
    repeat = start(client, questionnaire, prefill=True)
    assert repeat != assessment and repeat.is_draft
    form = client.get(url(repeat)).content.decode()
    assert f'value="1" id="id_{follow_up}_0" checked' in form  # prefilled
    client.post(url(repeat), {early: "5", follow_up: "3", needs: "", "action": "complete"})
    result = client.get(url(repeat)).content.decode()
    assert "Jämförs med er förra analys" in result
    assert "högre än förra gången" in result  # the area: from 3,0 to 4,0
    table = result.split("Fråga för fråga")[1]
    early_row = table.split("Finns rutiner för tidig upptäckt?")[1].split("</tr>")[0]
    follow_row = table.split("Följer ni upp insatserna?")[1].split("</tr>")[0]
    assert "samma som förra gången" in early_row
    assert "Inte påbörjat" in follow_row and "Delvis på plats" in follow_row
    assert "högre än förra gången" in follow_row

    # Both appear on Mina sidor, for the whole organisation.
    client.force_login(member_a)
    my_pages = client.get("/mina-sidor/").content.decode()
    assert "nulägesanalyser" in my_pages
    assert url(assessment) in my_pages and url(repeat) in my_pages


def test_dont_know_counts_as_an_answer_but_not_in_the_average(client, questionnaire, member_a):
    early, follow_up, _ = fields(questionnaire)
    client.force_login(member_a)
    assessment = start(client, questionnaire)
    client.post(url(assessment), {early: "4", follow_up: "vet-inte", "action": "complete"})
    result = client.get(url(assessment)).content.decode()
    assert "Ni svarade ”Vet inte” på:" in result
    assert "medelvärde 4,0 av 5" in result or "medelvärde 4.0 av 5" in result


def test_two_colleagues_starting_at_once_share_one_draft(
    monkeypatch, questionnaire, member_a, coordinator_a
):
    """The colleague's draft appears between the look-up and the insert: the unique
    constraint refuses the second, which opens the first."""
    real_draft_of = assessments.draft_of
    theirs = {}

    def draft_appears_meanwhile(organisation, questionnaire):
        if not theirs:
            theirs["draft"] = SelfAssessment.objects.create(
                organisation=organisation, questionnaire=questionnaire, started_by=coordinator_a
            )
            return None
        return real_draft_of(organisation, questionnaire)

    monkeypatch.setattr(assessments, "draft_of", draft_appears_meanwhile)
    assessment, created = assessments.start(questionnaire, by=member_a)
    assert not created and assessment == theirs["draft"]
    assert SelfAssessment.objects.count() == 1


def test_the_database_allows_one_draft_per_organisation_and_questionnaire(questionnaire, kalmar):
    SelfAssessment.objects.create(organisation=kalmar.organisation, questionnaire=questionnaire)
    with pytest.raises(IntegrityError):
        SelfAssessment.objects.create(organisation=kalmar.organisation, questionnaire=questionnaire)


def test_a_closed_questionnaire_cannot_be_started(client, questionnaire, member_a):
    questionnaire.is_active = False
    questionnaire.save()
    client.force_login(member_a)
    assert "Starta" not in client.get(LIST).content.decode()
    response = client.post(start_url(questionnaire), follow=True)
    assert "är stängt för nya analyser" in response.content.decode()
    assert not SelfAssessment.objects.exists()


# Who sees what -------------------------------------------------------------------------


@pytest.fixture
def kalmars_assessment(questionnaire, member_a):
    assessment, _ = assessments.start(questionnaire, by=member_a)
    return assessment


def test_another_organisation_never_learns_that_an_assessment_exists(
    client, kalmars_assessment, coordinator_b
):
    client.force_login(coordinator_b)
    assert client.get(url(kalmars_assessment)).status_code == 404
    assert client.post(url(kalmars_assessment), {"action": "save"}).status_code == 404
    assert url(kalmars_assessment) not in client.get(LIST).content.decode()


def test_visitors_are_sent_to_sign_in(client, kalmars_assessment):
    for address in (LIST, url(kalmars_assessment)):
        response = client.get(address)
        assert response.status_code == 302 and response["Location"].startswith("/konto/login/")


def test_a_person_without_an_approved_membership_is_told_why(client, outsider, questionnaire):
    client.force_login(outsider)
    response = client.get(LIST)
    assert response.status_code == 403
    assert "behöver du vara godkänd som medarbetare" in response.content.decode()
    assert client.post(start_url(questionnaire)).status_code == 403
    assert not SelfAssessment.objects.exists()


def test_editors_read_an_assessment_only_once_attached_to_a_submitted_application(
    client, kalmars_assessment, member_a, editor, kalmar, application_round
):
    early, follow_up = kalmars_assessment.questionnaire.questions.filter(kind="scale")
    assessments.save_answers(
        kalmars_assessment, {early: (4, False, ""), follow_up: (2, False, "")}, by=member_a
    )
    assessments.complete(kalmars_assessment, by=member_a)
    client.force_login(editor)
    assert client.get(url(kalmars_assessment)).status_code == 404
    application = Application.objects.create(
        round=application_round, lead=kalmar.organisation, self_assessment=kalmars_assessment
    )
    assert client.get(url(kalmars_assessment)).status_code == 404  # the application is a draft
    application.status = Application.Status.SUBMITTED
    application.save()
    result = client.get(url(kalmars_assessment)).content.decode()
    assert "Resultat: Nulägesanalys: tidiga insatser" in result
    assert "Gör en ny analys" not in result  # the team reads, it does not repeat


# The privacy guard and bad input ---------------------------------------------------------


def test_a_personal_number_in_a_free_text_answer_is_refused_next_to_the_field(
    client, kalmars_assessment, member_a
):
    early, follow_up, needs = fields(kalmars_assessment.questionnaire)
    client.force_login(member_a)
    response = client.post(
        url(kalmars_assessment),
        {
            early: "3",
            follow_up: "vet-inte",
            needs: "Pojken 121212-1212 behöver hjälp",
            "action": "save",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    error = page.split(f'id="id_{needs}_error"')[1].split("</ul>")[0]
    assert "personnummer" in error and "121212-1212" in error
    assert "Pojken 121212-1212 behöver hjälp</textarea>" in page  # kept, to be corrected
    assert f'value="3" id="id_{early}_2" checked' in page
    assert f'value="vet-inte" id="id_{follow_up}_5" checked' in page
    assert not Answer.objects.exists()


def test_a_too_long_answer_is_refused_and_kept(client, kalmars_assessment, member_a):
    *_, needs = fields(kalmars_assessment.questionnaire)
    client.force_login(member_a)
    response = client.post(url(kalmars_assessment), {needs: "a" * 3001, "action": "save"})
    assert "Texten är för lång" in response.content.decode()
    assert not Answer.objects.exists()


def test_answers_are_escaped_in_the_result(client, kalmars_assessment, member_a):
    early, follow_up, needs = fields(kalmars_assessment.questionnaire)
    client.force_login(member_a)
    client.post(
        url(kalmars_assessment),
        {early: "2", follow_up: "2", needs: "<script>alert(1)</script>", "action": "complete"},
    )
    result = client.get(url(kalmars_assessment)).content.decode()
    assert "<script>alert(1)</script>" not in result
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result


fuzz_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300)
fuzz_values = (
    fuzz_text
    | st.sampled_from(
        ["121212-1212", "19121212-1212", "", "0", "6", "vet-inte", "<script>", "save", "complete"]
    )
    | st.lists(fuzz_text, max_size=3)
)
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(data=st.data())
def test_any_answer_gives_an_answer_and_never_stores_a_personal_number(
    client, kalmars_assessment, member_a, data
):
    client.force_login(member_a)
    names = [*fields(kalmars_assessment.questionnaire), "action"]
    payload = data.draw(st.fixed_dictionaries({}, optional=dict.fromkeys(names, fuzz_values)))
    response = client.post(url(kalmars_assessment), payload)
    assert response.status_code < 500, payload
    for text in Answer.objects.values_list("text", flat=True):
        assert find_personal_numbers(text) == [], payload


# The questionnaire in the admin --------------------------------------------------------


def test_editors_build_a_questionnaire_with_questions_and_the_privacy_guard(client, editor):
    client.force_login(editor)
    add = "/admin/snippets/support/questionnaire/add/"
    assert client.get(add).status_code == 200
    data = {
        "title": "Nulägesanalys: samverkan",
        "intro": "Om samverkan 121212-1212",
        "is_active": "on",
        "questions-TOTAL_FORMS": "1",
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
        "questions-0-text": "Har ni en samverkansöverenskommelse?",
        "questions-0-help_text": "",
        "questions-0-kind": "scale",
        "questions-0-ORDER": "1",
    }
    response = client.post(add, data)
    assert response.status_code == 200
    assert "personnummer" in response.content.decode()
    assert not Questionnaire.objects.exists()
    data["intro"] = "Om samverkan"
    response = client.post(add, data)
    assert response.status_code == 302
    questionnaire = Questionnaire.objects.get()
    assert [q.text for q in questionnaire.questions.all()] == [
        "Har ni en samverkansöverenskommelse?"
    ]


def test_a_questionnaire_with_assessments_cannot_be_deleted_and_the_editor_is_told_why(
    client, editor, kalmars_assessment
):
    questionnaire = kalmars_assessment.questionnaire
    client.force_login(editor)
    delete = f"/admin/snippets/support/questionnaire/delete/{questionnaire.pk}/"
    for method in (client.get, client.post):
        response = method(delete, follow=True)
        assert response.status_code == 200
        page = response.content.decode()
        assert "kan inte raderas" in page and "Öppen för nya analyser" in page
    assert Questionnaire.objects.filter(pk=questionnaire.pk).exists()


def test_an_unused_questionnaire_can_be_deleted(client, editor, questionnaire):
    client.force_login(editor)
    response = client.post(f"/admin/snippets/support/questionnaire/delete/{questionnaire.pk}/")
    assert response.status_code == 302
    assert not Questionnaire.objects.exists()
    assert not Question.objects.exists()


def test_a_question_with_a_personal_number_is_refused_in_the_admin(client, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/snippets/support/questionnaire/add/",
        {
            "title": "Nulägesanalys: samverkan",
            "intro": "",
            "is_active": "on",
            "questions-TOTAL_FORMS": "1",
            "questions-INITIAL_FORMS": "0",
            "questions-MIN_NUM_FORMS": "0",
            "questions-MAX_NUM_FORMS": "1000",
            "questions-0-text": "Hur gick det för 121212-1212?",
            "questions-0-help_text": "Till exempel 19121212-1212",
            "questions-0-kind": "scale",
            "questions-0-ORDER": "1",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "”Fråga” innehåller något som ser ut som ett personnummer" in page
    assert "”Förklaring” innehåller något som ser ut som ett personnummer" in page
    assert "Hur gick det för 121212-1212?" in page  # kept, to be corrected
    assert not Questionnaire.objects.exists()


def test_the_personal_data_export_holds_what_the_person_answered(
    client, kalmars_assessment, member_a
):
    early, follow_up, needs = fields(kalmars_assessment.questionnaire)
    client.force_login(member_a)
    client.post(url(kalmars_assessment), {early: "4", needs: "Mer tid", "action": "save"})
    data = client.get("/mina-sidor/mina-uppgifter.json").json()["nulägesanalyser"]
    [started] = data["analyser du har påbörjat eller markerat som klara"]
    assert started["formulär"] == "Nulägesanalys: tidiga insatser" and started["påbörjad av dig"]
    answers = {a["fråga"]: a for a in data["svar du ändrade senast"]}
    assert answers["Finns rutiner för tidig upptäckt?"]["svar"] == "På plats"
    assert answers["Vad behöver ni mest stöd med?"]["text"] == "Mer tid"


def test_the_listings_bulk_delete_also_keeps_a_questionnaire_in_use(
    client, editor, kalmars_assessment
):
    questionnaire = kalmars_assessment.questionnaire
    unused = Questionnaire.objects.create(title="Oanvänt formulär")
    client.force_login(editor)
    bulk = f"/admin/bulk/support/questionnaire/delete/?id={questionnaire.pk}&id={unused.pk}"
    response = client.post(bulk, follow=True)
    assert response.status_code == 200
    assert "kan inte raderas" in response.content.decode()
    assert Questionnaire.objects.count() == 2


def test_mina_sidor_invites_an_organisation_without_assessments(client, member_a, outsider):
    client.force_login(member_a)
    page = client.get("/mina-sidor/").content.decode()
    assert "Organisationen har inte gjort någon nulägesanalys ännu." in page
    assert 'href="/stod/nulagesanalys/"' in page
    client.force_login(outsider)
    assert "nulägesanalys" not in client.get("/mina-sidor/").content.decode()
