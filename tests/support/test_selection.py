"""Selection for editors: a round's applications side by side, grades per criterion, the
decision the applicants are emailed, the capacity, the export and the demo round.

Applications are made directly in the submitted state, as the member-side flow leaves
them (both participants confirmed, both managers' anchorings confirmed)."""

import csv
import datetime
import io
import secrets

import pytest
from django.core import mail
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import ModelLogEntry

from network.models import MunicipalityProfile, Network
from organisations.models import Municipality
from portal.privacy import find_personal_numbers
from support.demo import rounds as demo_rounds
from support.models import (
    Anchoring,
    Application,
    ApplicationAssessment,
    ApplicationParticipant,
    ApplicationRound,
    AssessmentCriterion,
)
from support.services import selection

pytestmark = pytest.mark.django_db

PERSONAL_NUMBER = "Gäller pojken 070423-4046"


def submitted(application_round, lead, *others, created_by=None, status="submitted", **fields):
    """An application from `lead` (and `others`, municipalities), as submitted."""
    now = datetime.datetime.now(datetime.UTC)
    application = Application.objects.create(
        round=application_round,
        lead=lead.organisation,
        status=status,
        created_by=created_by,
        submitted_at=None if status == "draft" else now,
        goals=fields.pop("goals", "Ett gemensamt arbetssätt för tidiga insatser."),
        integration=fields.pop("integration", "Det blir en del av ledningssystemet."),
        collaboration=fields.pop("collaboration", "Vi träffas varje månad med grannkommunen."),
        **fields,
    )
    for municipality in (lead, *others):
        participant = ApplicationParticipant.objects.create(
            application=application,
            organisation=municipality.organisation,
            is_lead=municipality == lead,
            status="confirmed",
        )
        Anchoring.objects.create(
            participant=participant,
            manager_name=f"Chef i {municipality.name}",
            manager_title="Socialchef",
            manager_email=f"chef@{municipality.slug}.se",
            status="confirmed",
            link_secret=secrets.token_hex(16),
            responded_at=now,
        )
    return application


def round_url(application_round):
    return f"/admin/stod-urval/omgang/{application_round.pk}/"


def application_url(application, suffix=""):
    return f"/admin/stod-urval/ansokan/{application.pk}/{suffix}"


def criteria(application_round):
    return list(application_round.criteria.all())


def grade_data(application_round, grades, notes=None):
    notes = notes or {}
    data = {}
    for criterion, grade in zip(criteria(application_round), grades, strict=False):
        data[f"grund-{criterion.pk}-grade"] = "" if grade is None else str(grade)
        data[f"grund-{criterion.pk}-note"] = notes.get(criterion.pk, "")
    return data


def decide(client, application, outcome="granted", reasons="Behovet är väl beskrivet.", **kwargs):
    """Post the decision form as the editor sees it: with the application's status."""
    seen_status = kwargs.pop("seen_status", application.status)
    return client.post(
        application_url(application, "beslut/"),
        {"outcome": outcome, "reasons": reasons, "seen_status": seen_status},
        **kwargs,
    )


@pytest.fixture
def together(application_round, kalmar, vaxjo, coordinator_a, member_a):
    """Kalmar (the contact) and Växjö apply together; Växjö has vulnerable areas."""
    MunicipalityProfile.objects.create(municipality=vaxjo, has_vulnerable_areas=True)
    return submitted(application_round, kalmar, vaxjo, created_by=member_a)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


# The selection screen ---------------------------------------------------------------


def test_the_round_lists_submitted_applications_with_their_facts_and_never_drafts(
    editor_client, application_round, together, activity, kalmar, vaxjo
):
    together.activities.add(activity)
    umea = Municipality.objects.get(name="Umeå")
    submitted(application_round, umea, status="draft", goals="Hemligt utkast från Umeå")
    html = editor_client.get(round_url(application_round)).content.decode()

    assert "Kalmar</a> (kontakt)" in html and "Växjö (medsökande)" in html
    assert "I en grupp av 2 organisationer" in html
    assert "Växjö:\n        ja" in html and "Kalmar:\n        nej" in html  # vulnerable areas
    assert "Tidigare stöd: pilotkommun från 2024 – högst två år, till och med 2025" in html
    assert "pilotkommun från 2025 – högst två år, till och med 2026" in html  # Växjö
    assert "72\xa0704" in html and "Kalmar län" in html and "Kronobergs län" in html
    assert activity.title in html
    assert "Behov och förutsättningar" in html  # the criteria are columns
    assert "Beviljade: 0 av 5 kommuner" in html
    assert "Umeå" not in html and "Hemligt utkast" not in html


def test_a_network_application_says_so(editor_client, application_round, kalmar, vaxjo):
    network = Network.objects.create(name="Sydostnätverket", slug="sydost")
    submitted(application_round, kalmar, vaxjo, network=network)
    html = editor_client.get(round_url(application_round)).content.decode()
    assert "Som nätverket Sydostnätverket" in html


def test_earlier_granted_support_shows_with_its_decision_date(
    editor_client, application_round, kalmar, together
):
    earlier_round = ApplicationRound.objects.create(
        title="Ansökningsomgång 2025",
        opens_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC),
        deadline=datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC),
    )
    earlier = submitted(earlier_round, kalmar, status="granted")
    earlier.decided_at = datetime.datetime(2025, 4, 2, 10, tzinfo=datetime.UTC)
    earlier.save()
    html = editor_client.get(application_url(together)).content.decode()
    assert (
        "Tidigare stöd: beviljat i Ansökningsomgång 2025, beslut 2025-04-02 – högst två år, "
        "till och med 2026" in html
    )


def test_the_application_page_shows_texts_participants_and_their_anchoring(editor_client, together):
    html = editor_client.get(application_url(together)).content.decode()
    assert "Ett gemensamt arbetssätt för tidiga insatser." in html
    assert "Det blir en del av ledningssystemet." in html
    assert "Vi träffas varje månad med grannkommunen." in html
    assert "Bekräftad av Chef i Kalmar, Socialchef" in html
    assert "Bekräftad av Chef i Växjö, Socialchef" in html


def test_the_application_page_summarises_the_attached_self_assessment(
    editor_client, together, questionnaire, kalmar, support_area
):
    from support.models import Answer, SelfAssessment

    assessment = SelfAssessment.objects.create(
        organisation=kalmar.organisation, questionnaire=questionnaire, status="completed"
    )
    scale, follow_up, free = questionnaire.questions.order_by("sort_order")
    for question, value, text in [(scale, 4, ""), (follow_up, 2, ""), (free, None, "Uppföljning")]:
        Answer.objects.create(
            assessment=assessment,
            question=question,
            question_text=question.text,
            support_area=support_area,
            value=value,
            text=text,
        )
    together.self_assessment = assessment
    together.save()
    html = editor_client.get(application_url(together)).content.decode()
    assert "Bästa tillgängliga kunskap: Delvis på plats (medel 3,0 av 5, 2 frågor)" in html
    assert "Vad behöver ni mest stöd med?" in html and "Uppföljning" in html


def test_a_draft_is_not_found_by_its_address(editor_client, application_round, kalmar):
    draft = submitted(application_round, kalmar, status="draft")
    assert editor_client.get(application_url(draft)).status_code == 404


# Assessments ------------------------------------------------------------------------


def test_grades_and_notes_are_saved_logged_and_summed(
    editor_client, editor, application_round, together
):
    first, second = criteria(application_round)
    response = editor_client.post(
        application_url(together, "bedomning/"),
        grade_data(application_round, [4, 3], {first.pk: "Tydlig analys av läget."}),
    )
    assert response.status_code == 302
    saved = ApplicationAssessment.objects.get(application=together, criterion=first)
    assert (saved.grade, saved.note, saved.assessed_by) == (4, "Tydlig analys av läget.", editor)
    entries = ModelLogEntry.objects.filter(action="support.application.assessed")
    assert sorted(e.data["criterion"] for e in entries) == sorted([first.title, second.title])
    assert all(e.user == editor for e in entries)

    html = editor_client.get(round_url(application_round)).content.decode()
    assert "<td>7 (3,5)</td>" in html
    page = editor_client.get(application_url(together)).content.decode()
    assert "Tydlig analys av läget." in page


def test_saving_the_same_grades_again_logs_nothing_new(editor_client, application_round, together):
    data = grade_data(application_round, [4, 3])
    editor_client.post(application_url(together, "bedomning/"), data)
    editor_client.post(application_url(together, "bedomning/"), data)
    assert ModelLogEntry.objects.filter(action="support.application.assessed").count() == 2


def test_a_note_with_a_personal_number_is_refused_and_nothing_is_lost(
    editor_client, application_round, together
):
    first, _second = criteria(application_round)
    response = editor_client.post(
        application_url(together, "bedomning/"),
        grade_data(application_round, [4, 3], {first.pk: PERSONAL_NUMBER}),
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert f'id="id_grund-{first.pk}-note_error"' in html
    assert "personnummer" in html and "Gäller pojken" in html
    assert not ApplicationAssessment.objects.exists()


def test_a_criterion_of_another_round_cannot_be_graded(editor, application_round, together, kalmar):
    other = ApplicationRound.objects.create(
        title="Annan", opens_at=application_round.opens_at, deadline=application_round.deadline
    )
    criterion = AssessmentCriterion.objects.create(round=other, title="Annat")
    with pytest.raises(selection.SelectionError):
        selection.save_assessment(together, criterion, grade=3, note="", by=editor)


# Decisions --------------------------------------------------------------------------


def test_a_decision_tells_every_participant_in_swedish_with_reasons_and_no_grades(
    editor_client, editor, application_round, together, coordinator_a, coordinator_b, committed
):
    first, _second = criteria(application_round)
    editor_client.post(
        application_url(together, "bedomning/"),
        grade_data(application_round, [4, 2], {first.pk: "Hemlig teamanteckning"}),
    )
    mail.outbox.clear()
    with committed():
        response = decide(
            editor_client, together, reasons="Ni planerar att arbeta med grannkommunen."
        )
    assert response.status_code == 302 and response["Location"] == round_url(application_round)
    together.refresh_from_db()
    assert together.status == "granted" and together.decided_by == editor
    assert together.decision_reasons == "Ni planerar att arbeta med grannkommunen."
    assert ModelLogEntry.objects.filter(action="support.application.granted").count() == 1

    # Both coordinators and the member who created the application, one email each.
    assert sorted(m.to[0] for m in mail.outbox) == [
        "kontakt@kalmar.se",
        "kontakt@vaxjo.se",
        "medlem@kalmar.se",
    ]
    for message in mail.outbox:
        assert message.subject == "Er ansökan om stöd från förstärkningsteamet är beviljad"
        assert "Ni planerar att arbeta med grannkommunen." in message.body
        assert (
            "ansökan om stöd från Kalmar och Växjö i omgången ”" in message.body
            and "högst två år" in message.body
        )
        assert "Hemlig teamanteckning" not in message.body
        assert "i hög grad" not in message.body and "betyg" not in message.body.lower()
    html = editor_client.get(round_url(application_round)).content.decode()
    assert "Beviljade: 2 av 5 kommuner" in html


def test_not_granting_tells_them_too(editor_client, together, committed):
    mail.outbox.clear()
    with committed():
        decide(editor_client, together, outcome="declined", reasons="Omgången är full.")
    together.refresh_from_db()
    assert together.status == "declined"
    assert mail.outbox and all(
        m.subject == "Besked om er ansökan om stöd från förstärkningsteamet"
        and "inte kunnat bevilja" in m.body
        and "Omgången är full." in m.body
        for m in mail.outbox
    )


def test_a_decision_needs_reasons(editor_client, together):
    response = decide(editor_client, together, reasons="  ")
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_reasons_error"' in html and "Skriv skälen för beslutet" in html
    together.refresh_from_db()
    assert together.status == "submitted"


def test_reasons_with_a_personal_number_are_refused(editor_client, together, committed):
    mail.outbox.clear()
    with committed():
        response = decide(editor_client, together, reasons=PERSONAL_NUMBER)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_reasons_error"' in html and "Gäller pojken" in html
    together.refresh_from_db()
    assert together.status == "submitted" and not mail.outbox


def test_a_second_editor_deciding_the_same_application_is_told_and_changes_nothing(
    client, editor, make_person, together, committed
):
    from django.contrib.auth.models import Group

    other = make_person("redaktor2@socialstyrelsen.se")
    other.groups.add(Group.objects.get(name="Editors"))
    seen = together.status  # both open the page while it is submitted
    client.force_login(editor)
    decide(client, together, reasons="Beviljas.")
    client.force_login(other)
    mail.outbox.clear()
    with committed():
        response = client.post(
            application_url(together, "beslut/"),
            {"outcome": "declined", "reasons": "Avslås.", "seen_status": seen},
            follow=True,
        )
    assert "redan beslutats av någon annan (beviljad)" in response.content.decode()
    together.refresh_from_db()
    assert together.status == "granted" and together.decision_reasons == "Beviljas."
    assert not mail.outbox


def test_a_later_rounds_grant_is_not_earlier_support(editor_client, application_round, together):
    later_round = ApplicationRound.objects.create(
        title="Ansökningsomgång 2029",
        opens_at=application_round.deadline + datetime.timedelta(days=300),
        deadline=application_round.deadline + datetime.timedelta(days=365),
    )
    submitted(later_round, Municipality.objects.get(name="Kalmar"), status="granted")
    html = editor_client.get(application_url(together)).content.decode()
    assert "Ansökningsomgång 2029" not in html


def test_a_tampered_decision_form_says_what_to_do(editor_client, together):
    response = decide(editor_client, together, seen_status="draft")
    assert response.status_code == 400 and "Sidan var inaktuell" in response.content.decode()
    assert "Behovet är väl beskrivet." in response.content.decode()  # what was typed is kept


def test_an_editor_can_correct_a_decision_with_new_reasons(editor_client, together, committed):
    with committed():
        decide(editor_client, together, reasons="Beviljas.")
    together.refresh_from_db()
    response = decide(editor_client, together, outcome="declined", reasons="Beviljas.")
    assert response.status_code == 400 and "Skriv nya skäl" in response.content.decode()

    mail.outbox.clear()
    with committed():
        decide(editor_client, together, outcome="declined", reasons="Fel omgång; sök i nästa.")
    together.refresh_from_db()
    assert together.status == "declined" and together.decision_reasons == "Fel omgång; sök i nästa."
    [entry] = ModelLogEntry.objects.filter(action="support.application.decision_changed")
    assert entry.data == {"from": "Beviljad", "to": "Inte beviljad"}
    assert mail.outbox and all(m.subject.startswith("Ändrat beslut:") for m in mail.outbox)
    assert all("gäller i stället för" in m.body for m in mail.outbox)


# Capacity ---------------------------------------------------------------------------


def test_granting_past_the_capacity_is_warned_but_allowed(
    editor_client, application_round, together
):
    application_round.capacity = 2
    application_round.save()
    decide(editor_client, together)
    umea = Municipality.objects.get(name="Umeå")
    third = submitted(application_round, umea)
    assert selection.granted_municipalities(application_round) == 2
    page = editor_client.get(application_url(third)).content.decode()
    assert "Beviljade: 2 av 2 kommuner" in page
    assert "fler kommuner än den har plats för (2)" in page

    response = decide(editor_client, third, follow=True)
    third.refresh_from_db()
    assert third.status == "granted"
    assert "fler beviljade kommuner (3) än den har plats för (2)" in response.content.decode()


def test_the_capacity_counts_municipalities_once_and_not_declined_ones(
    editor, application_round, together, kalmar
):
    again = submitted(application_round, kalmar)
    selection.decide(together, granted=True, reasons="Ja.", by=editor)
    selection.decide(again, granted=True, reasons="Ja.", by=editor)
    assert selection.granted_municipalities(application_round) == 2  # Kalmar, Växjö
    selection.decide(
        Application.objects.get(pk=together.pk),
        granted=False,
        reasons="Rättat.",
        by=editor,
        seen_status="granted",
    )
    assert selection.granted_municipalities(application_round) == 1


# The round's criteria ---------------------------------------------------------------


def _round_form_data(application_round, delete_first=False, description=""):
    data = {
        "title": application_round.title,
        "description": description,
        "opens_at": application_round.opens_at.strftime("%Y-%m-%d %H:%M"),
        "deadline": application_round.deadline.strftime("%Y-%m-%d %H:%M"),
        "capacity": application_round.capacity,
        "decision_expected": "",
    }
    items = criteria(application_round)
    data.update(
        {
            "criteria-TOTAL_FORMS": len(items),
            "criteria-INITIAL_FORMS": len(items),
            "criteria-MIN_NUM_FORMS": 0,
            "criteria-MAX_NUM_FORMS": 1000,
        }
    )
    for index, criterion in enumerate(items):
        data.update(
            {
                f"criteria-{index}-id": criterion.pk,
                f"criteria-{index}-title": criterion.title,
                f"criteria-{index}-description": criterion.description,
                f"criteria-{index}-ORDER": index + 1,
                f"criteria-{index}-DELETE": "1" if delete_first and index == 0 else "",
            }
        )
    return data


def test_removing_a_graded_criterion_removes_its_grades_without_an_error(
    editor_client, application_round, together
):
    editor_client.post(
        application_url(together, "bedomning/"), grade_data(application_round, [4, 3])
    )
    edit = f"/admin/snippets/support/applicationround/edit/{application_round.pk}/"
    form = editor_client.get(edit).content.decode()
    assert "tas också de betyg och bedömningar bort" in form

    response = editor_client.post(edit, _round_form_data(application_round, delete_first=True))
    assert response.status_code == 302
    assert [c.title for c in criteria(application_round)] == ["Samverkan med andra i regionen"]
    assert ApplicationAssessment.objects.get().grade == 3
    html = editor_client.get(application_url(together)).content.decode()
    assert "Behov och förutsättningar" not in html


def test_the_round_form_refuses_a_personal_number(editor_client, application_round):
    edit = f"/admin/snippets/support/applicationround/edit/{application_round.pk}/"
    response = editor_client.post(
        edit, _round_form_data(application_round, description=PERSONAL_NUMBER)
    )
    assert response.status_code == 200 and "personnummer" in response.content.decode()
    application_round.refresh_from_db()
    assert application_round.description == ""


def test_the_round_listing_links_to_the_selection(editor_client, application_round):
    html = editor_client.get("/admin/snippets/support/applicationround/").content.decode()
    assert round_url(application_round) in html
    rounds = editor_client.get("/admin/stod-urval/").content.decode()
    assert application_round.title in rounds and "0 av 5" in rounds
    # "Urval" in the admin's "Stöd" menu (the sidebar is rendered from JSON).
    start = editor_client.get("/admin/").content.decode()
    assert '"Urval"' in start and "/admin/stod-urval/" in start


# The export -------------------------------------------------------------------------


def test_the_export_holds_the_databases_numbers(
    editor_client, editor, application_round, together, kalmar, vaxjo
):
    umea = Municipality.objects.get(name="Umeå")
    alone = submitted(application_round, umea)
    first, second = criteria(application_round)
    selection.save_assessment(together, first, grade=4, note="Anteckning", by=editor)
    selection.save_assessment(together, second, grade=5, note="", by=editor)
    selection.save_assessment(alone, first, grade=2, note="", by=editor)
    selection.decide(together, granted=True, reasons="Stark samverkan.", by=editor)
    submitted(application_round, umea, status="draft")

    response = editor_client.get(f"{round_url(application_round)}ansokningar.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [int(r["Ansökan"]) for r in rows] == [together.pk, alone.pk]  # no draft
    first_row, second_row = rows
    assert first_row["Folkmängd"] == str(kalmar.population + vaxjo.population)
    assert first_row["Kommuner"] == "2" and first_row["Medsökande"] == "Växjö"
    assert first_row["Utsatta områden"] == "Ja" and second_row["Utsatta områden"] == "Nej"
    assert (first_row[first.title], first_row[second.title], first_row["Summa"]) == ("4", "5", "9")
    assert first_row["Medel"] == "4,5"
    assert (
        first_row["Status"] == "Beviljad" and first_row["Skäl för beslutet"] == "Stark samverkan."
    )
    assert (second_row[first.title], second_row[second.title], second_row["Summa"]) == (
        "2",
        "",
        "2",
    )
    assert second_row["Status"] == "Inskickad" and second_row["Län"] == "Västerbottens län"
    assert "Anteckning" not in response.content.decode()
    assert "Chef i" not in response.content.decode()  # no names of people
    assert ModelLogEntry.objects.filter(action="support.round.exported").count() == 1


def test_the_export_keeps_typed_formulas_from_running(
    editor_client, editor, application_round, together
):
    selection.decide(together, granted=False, reasons='=HYPERLINK("http://x")', by=editor)
    response = editor_client.get(f"{round_url(application_round)}ansokningar.csv")
    [row] = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    assert row["Skäl för beslutet"] == '\'=HYPERLINK("http://x")'


def test_what_applicants_typed_is_shown_escaped(editor_client, application_round, kalmar):
    application = submitted(application_round, kalmar, goals="<script>alert(1)</script>")
    html = editor_client.get(application_url(application)).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# The demo round ---------------------------------------------------------------------


def test_the_demo_round_is_open_with_room_for_five_and_no_applications(db):
    demo_rounds.build(None)
    demo_rounds.build(None)  # building again changes nothing
    [demo_round] = ApplicationRound.objects.all()
    assert demo_round.is_open() and demo_round.capacity == 5
    assert demo_round.deadline - demo_round.opens_at > datetime.timedelta(days=60)
    assert not demo_round.applications.exists()
    titles = [c.title for c in criteria(demo_round)]
    assert "Förankring i förvaltningsledningen" in titles
    assert "Samverkan med andra i regionen" in titles
    assert demo_rounds.counts() == {"ansökningsomgångar": 1}


# Any input: an answer, never a server error, never a stored personal number ---------

fuzz_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200)
fuzz_values = (
    fuzz_text
    | st.sampled_from(["121212-1212", "19121212-1212", "", "0", "-1", "9", "<script>"])
    | st.lists(fuzz_text, max_size=3)
)
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(data=st.data())
def test_the_assessment_form_never_fails_nor_stores_a_personal_number(
    editor_client, application_round, together, data
):
    fields = [
        f"grund-{c.pk}-{name}" for c in criteria(application_round) for name in ("grade", "note")
    ]
    payload = data.draw(st.fixed_dictionaries({}, optional=dict.fromkeys(fields, fuzz_values)))
    response = editor_client.post(application_url(together, "bedomning/"), payload)
    assert response.status_code < 500, payload
    for note in ApplicationAssessment.objects.values_list("note", flat=True):
        assert not find_personal_numbers(note), note


@FUZZ
@given(data=st.data())
def test_the_decision_form_never_fails_nor_stores_a_personal_number(editor_client, together, data):
    fields = ["outcome", "reasons", "seen_status"]
    payload = data.draw(st.fixed_dictionaries({}, optional=dict.fromkeys(fields, fuzz_values)))
    response = editor_client.post(application_url(together, "beslut/"), payload)
    assert response.status_code < 500, payload
    reasons = Application.objects.get(pk=together.pk).decision_reasons
    assert not find_personal_numbers(reasons), reasons


# Two editors at once ----------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_editors_deciding_at_once_make_one_decision(
    make_person, application_round, kalmar, vaxjo, coordinator_a
):
    """Real threads and transactions (each thread its own connection)."""
    from django.contrib.auth.models import Group

    from portal.models import OutgoingEmail

    from ..events.test_concurrency import at_once

    editors = Group.objects.get(name="Editors")
    team = [make_person(f"redaktor{n}@socialstyrelsen.se") for n in range(2)]
    for person in team:
        person.groups.add(editors)
    application = submitted(application_round, kalmar, vaxjo)

    results, errors = at_once(
        lambda pair: selection.decide(
            application, granted=pair[1], reasons=f"Beslut {pair[1]}", by=pair[0]
        ),
        [(team[0], True), (team[1], False)],
    )

    assert len([r for r in results if r is not None]) == 1
    assert len(errors) == 1 and isinstance(errors[0], selection.SelectionError)
    assert "redan beslutats av någon annan" in str(errors[0])
    application.refresh_from_db()
    [winner] = [r for r in results if r is not None]
    assert application.status == winner.status
    decided = ModelLogEntry.objects.filter(
        action__in=["support.application.granted", "support.application.declined"]
    )
    assert decided.count() == 1
    assert OutgoingEmail.objects.filter(template__startswith="support/emails/decision").count() == 1


def test_the_round_screen_asks_the_same_number_of_queries_for_one_application_or_four(
    editor_client, application_round, kalmar, vaxjo
):
    """Earlier support and the criteria are read once for the round, not per application."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    submitted(application_round, kalmar, vaxjo)
    editor_client.get(round_url(application_round))  # warm caches (session, permissions)
    with CaptureQueriesContext(connection) as one:
        assert editor_client.get(round_url(application_round)).status_code == 200
    for name in ("Umeå", "Luleå", "Gävle"):
        submitted(application_round, Municipality.objects.get(name=name))
    with CaptureQueriesContext(connection) as four:
        html = editor_client.get(round_url(application_round)).content.decode()
    assert "Gävle" in html and "Umeå" in html
    assert len(four) == len(one)
