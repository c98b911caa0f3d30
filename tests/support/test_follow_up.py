"""Follow-up of an ended engagement: sent at the end and about eight months later, once
each however often the cron job runs; answered by the organisation's members, compared
with the self-assessment made before the support, read by the team in the admin."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.models import OutgoingEmail
from support.models import Engagement, EngagementFollowUp, EngagementOrganisation
from support.services import assessments
from support.services import follow_up as services

from ..events.test_concurrency import at_once
from ..factories import SupportAreaPageFactory

ENDED = datetime.date(2027, 3, 15)
REQUEST = "support/emails/follow_up_request"
MEETING = "support/emails/follow_up_meeting_requested"
PERSONAL_NUMBER = "19121212-1212"


def make_engagement(organisations, *, starts_on=datetime.date(2026, 1, 10), ended_on=ENDED, **kw):
    engagement = Engagement.objects.create(
        title="Tidiga insatser i samverkan",
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=600),
        ended_on=ended_on,
        **kw,
    )
    for number, organisation in enumerate(organisations):
        EngagementOrganisation.objects.create(
            engagement=engagement, organisation=organisation, is_lead=number == 0
        )
    return engagement


def requests_to():
    return sorted(
        OutgoingEmail.objects.filter(template=REQUEST).values_list("recipient", flat=True)
    )


@pytest.fixture
def engagement(kalmar, vaxjo, coordinator_a, coordinator_b):
    return make_engagement([kalmar.organisation, vaxjo.organisation])


def test_sent_on_the_day_it_ended_and_eight_months_later_once_each(engagement, member_a):
    assert services.send_due(today=ENDED - datetime.timedelta(days=1)) == 0
    assert requests_to() == []

    assert services.send_due(today=ENDED) == 2
    # To the coordinators, not to every member.
    assert requests_to() == ["kontakt@kalmar.se", "kontakt@vaxjo.se"]
    assert services.send_due(today=ENDED) == 0
    assert services.send_due(today=ENDED + datetime.timedelta(days=30)) == 0

    assert services.send_due(today=datetime.date(2027, 10, 15)) == 0  # seven months
    assert services.send_due(today=datetime.date(2027, 11, 14)) == 0
    assert services.send_due(today=datetime.date(2027, 11, 15)) == 2  # eight months
    assert services.send_due(today=datetime.date(2027, 12, 1)) == 0
    assert len(requests_to()) == 4
    email = OutgoingEmail.objects.filter(template=REQUEST).order_by("pk").last()
    assert "8 månader" in email.subject
    assert f"/stod/uppfoljning/{engagement.follow_ups.last().pk}/" in "".join(
        OutgoingEmail.objects.filter(template=REQUEST).values_list("body", flat=True)
    )


def test_an_engagement_not_ended_gets_no_follow_up(kalmar, coordinator_a):
    make_engagement([kalmar.organisation], ended_on=None)
    assert services.send_due(today=datetime.date(2030, 1, 1)) == 0
    assert not EngagementFollowUp.objects.exists()


def test_the_delay_is_a_setting(engagement, settings):
    settings.SUPPORT_FOLLOW_UP_MONTHS = 6
    services.send_due(today=ENDED)
    assert services.send_due(today=datetime.date(2027, 9, 15)) == 2


def test_the_cron_command_run_twice_sends_once(kalmar, vaxjo, coordinator_a, coordinator_b):
    nine_months_ago = timezone.localdate() - datetime.timedelta(days=275)
    make_engagement([kalmar.organisation, vaxjo.organisation], ended_on=nine_months_ago)
    out = StringIO()
    call_command("send_engagement_follow_ups", stdout=out)
    call_command("send_engagement_follow_ups", stdout=out)
    assert "Sent 4 follow-up(s)" in out.getvalue()
    assert "Sent 0 follow-up(s)" in out.getvalue()
    assert len(requests_to()) == 4


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_overlapping_runs_send_each_follow_up_once(kalmar, vaxjo, coordinator_a, coordinator_b):
    make_engagement([kalmar.organisation, vaxjo.organisation])

    results, errors = at_once(lambda day: services.send_due(today=day), [ENDED] * 4)

    assert errors == []
    assert sum(results) == 2
    assert requests_to() == ["kontakt@kalmar.se", "kontakt@vaxjo.se"]
    assert EngagementFollowUp.objects.count() == 4  # both rounds made once, for both

    results, errors = at_once(
        lambda day: services.send_due(today=day), [datetime.date(2027, 11, 15)] * 4
    )
    assert errors == [] and sum(results) == 2
    assert len(requests_to()) == 4


def test_an_organisation_without_coordinator_is_asked_through_its_members(kalmar, vaxjo, member_a):
    make_engagement([kalmar.organisation, vaxjo.organisation])
    assert services.send_due(today=ENDED) == 1
    assert requests_to() == ["medlem@kalmar.se"]
    # Växjö has no one yet: its follow-up waits, and goes out when someone is there.
    waiting = EngagementFollowUp.objects.get(organisation=vaxjo.organisation, round="end")
    assert services.state(waiting, ENDED) == "due"


def test_a_corrected_end_date_moves_what_is_not_sent(engagement):
    services.send_due(today=ENDED)
    Engagement.objects.filter(pk=engagement.pk).update(ended_on=datetime.date(2027, 4, 1))
    assert services.send_due(today=datetime.date(2027, 11, 15)) == 0
    assert services.send_due(today=datetime.date(2027, 12, 1)) == 2
    assert services.send_due(today=datetime.date(2027, 12, 1)) == 0


# Answering ------------------------------------------------------------------------


@pytest.fixture
def sent(engagement):
    services.send_due(today=ENDED)
    return EngagementFollowUp.objects.get(organisation__name="Kalmar", round="end")


def url(follow_up):
    return f"/stod/uppfoljning/{follow_up.pk}/"


def answer(support_area, **extra):
    return {
        "kept": "Samverkansrådet träffas varje månad.",
        "not_kept": "",
        "support_needed": "Stöd i att följa upp insatserna.",
        f"omrade-{support_area.pk}": "4",
        "wants_meeting": "yes",
        "meeting_times": "Tisdagar i maj",
        **extra,
    }


def test_members_save_change_and_send_then_it_is_read_only(
    client, sent, member_a, coordinator_a, support_area, editor, committed
):
    client.force_login(member_a)
    assert url(sent) in client.get("/mina-sidor/").content.decode()  # waits for an answer
    response = client.post(url(sent), answer(support_area, action="save", kept="Första utkast"))
    assert response.status_code == 302
    client.force_login(coordinator_a)  # a colleague goes on with it
    page = client.get(url(sent)).content.decode()
    assert "Första utkast" in page
    # Sending needs a level for every area and an answer about the meeting.
    page = client.post(url(sent), {"kept": "Rutinerna finns kvar", "action": "submit"})
    assert "Svara på frågan för att kunna skicka uppföljningen" in page.content.decode()
    assert "Rutinerna finns kvar" in page.content.decode()
    assert EngagementFollowUp.objects.get(pk=sent.pk).status == "sent"

    with committed():
        client.post(url(sent), answer(support_area, action="submit"))
    sent.refresh_from_db()
    assert sent.status == "answered" and sent.answered_by == coordinator_a
    assert sent.wants_meeting is True and sent.meeting_times == "Tisdagar i maj"
    # The engagement has no team contact: the team's editors are told of the meeting wish.
    told = OutgoingEmail.objects.filter(template=MEETING)
    assert [e.recipient for e in told] == ["redaktor@socialstyrelsen.se"]
    assert "Kalmar vill ha ett uppföljningsmöte" in told[0].subject

    client.force_login(member_a)
    assert url(sent) not in client.get("/mina-sidor/").content.decode()
    response = client.post(url(sent), answer(support_area, action="save", kept="Ändrat"))
    page = client.get(url(sent)).content.decode()
    assert "kan inte ändras" in page and "Samverkansrådet träffas varje månad." in page
    assert "Ändrat" not in page
    assert 'value="submit"' not in page  # no form any more


def test_the_team_contact_is_told_of_a_meeting_request_once(
    sent, coordinator_a, support_area, make_person
):
    contact = make_person("insats@socialstyrelsen.se")
    Engagement.objects.filter(pk=sent.engagement_id).update(team_contact=contact)
    sent.refresh_from_db()
    answers = services.Answers(
        wants_meeting=True, meeting_times="Maj", levels={support_area: (3, False)}
    )
    services.save(sent, answers, by=coordinator_a, submit=True)
    with pytest.raises(services.FollowUpError):
        services.save(sent, answers, by=coordinator_a, submit=True)
    assert list(
        OutgoingEmail.objects.filter(template=MEETING).values_list("recipient", flat=True)
    ) == ["insats@socialstyrelsen.se"]


def test_a_personal_identity_number_is_refused_and_nothing_is_lost(
    client, sent, member_a, support_area
):
    client.force_login(member_a)
    typed = answer(support_area, action="save", not_kept=f"Gällde {PERSONAL_NUMBER}")
    page = client.post(url(sent), typed).content.decode()
    assert "personnummer" in page.lower()
    assert "Samverkansrådet träffas varje månad." in page and "Tisdagar i maj" in page
    sent.refresh_from_db()
    assert sent.not_kept == "" and sent.kept == "" and sent.updated_at is None


def test_the_link_grants_nothing_to_another_organisation_or_before_it_is_sent(
    client, engagement, sent, coordinator_b, member_a
):
    client.force_login(coordinator_b)  # Växjö takes part, but this is Kalmar's
    assert client.get(url(sent)).status_code == 404
    eight_months = EngagementFollowUp.objects.get(organisation__name="Kalmar", round="eight_months")
    client.force_login(member_a)
    assert client.get(url(eight_months)).status_code == 404  # not sent yet


# The comparison with the self-assessment before -----------------------------------------


def completed_assessment(questionnaire, by, values, completed_at):
    draft, _ = assessments.start(questionnaire, by=by, prefill=False)
    scale = list(questionnaire.questions.filter(kind="scale").order_by("sort_order"))
    assessments.save_answers(
        draft, {q: (v, False, "") for q, v in zip(scale, values, strict=True)}, by=by
    )
    done = assessments.complete(draft, by=by)
    type(done).objects.filter(pk=done.pk).update(completed_at=completed_at)
    return done


def test_levels_are_compared_with_the_last_self_assessment_before_the_engagement(
    client, kalmar, coordinator_a, member_a, questionnaire, support_area, editor
):
    other_area = SupportAreaPageFactory(parent=support_area.get_parent(), title="Samverkan")
    engagement = make_engagement([kalmar.organisation], starts_on=datetime.date(2026, 1, 10))
    tz = timezone.get_current_timezone()
    completed_assessment(
        questionnaire, member_a, [1, 1], datetime.datetime(2025, 6, 1, tzinfo=tz)
    )  # older
    completed_assessment(
        questionnaire, member_a, [2, 3], datetime.datetime(2026, 1, 9, 16, tzinfo=tz)
    )  # the last one before: 2.5
    completed_assessment(
        questionnaire, member_a, [5, 5], datetime.datetime(2026, 1, 10, 9, tzinfo=tz)
    )  # on the first day: during the support, not before
    services.send_due(today=ENDED)
    follow_up = engagement.follow_ups.get(round="end")
    services.save(
        follow_up,
        services.Answers(
            wants_meeting=False, levels={support_area: (4, False), other_area: (None, True)}
        ),
        by=coordinator_a,
        submit=True,
    )

    rows = {row.area.title: row for row in services.comparison(follow_up)}
    assert rows["Bästa tillgängliga kunskap"].before == 2.5
    assert rows["Bästa tillgängliga kunskap"].after == 4
    assert rows["Bästa tillgängliga kunskap"].change == "higher"
    assert rows["Bästa tillgängliga kunskap"].difference == 1.5
    assert rows["Samverkan"].before is None and rows["Samverkan"].change is None

    client.force_login(member_a)
    page = client.get(url(follow_up)).content.decode()
    assert "Delvis på plats (2,5)" in page and "På plats (4)" in page and "Högre (+1,5)" in page
    client.force_login(editor)
    team_page = client.get(f"/admin/uppfoljning/{follow_up.pk}/").content.decode()
    assert "Delvis på plats (2,5)" in team_page and "Högre (+1,5)" in team_page
    assert "Uppföljning vid avslutet: Kalmar" in team_page


# The team's screens ----------------------------------------------------------------


def test_the_team_sees_each_follow_up_with_its_status_and_the_meeting_requests(
    client, engagement, sent, coordinator_a, support_area, editor
):
    services.save(
        sent,
        services.Answers(
            wants_meeting=True, meeting_times="Vecka 20", levels={support_area: (3, False)}
        ),
        by=coordinator_a,
        submit=True,
    )
    client.force_login(editor)
    overview = client.get("/admin/uppfoljning/").content.decode()
    assert "Önskar uppföljningsmöte" in overview and "Vecka 20" in overview
    assert engagement.title in overview
    listing = client.get(f"/admin/uppfoljning/insats/{engagement.pk}/").content.decode()
    assert listing.count("Besvarad") == 1  # Kalmar at the end
    assert listing.count("Skickad, inte besvarad") == 1  # Växjö at the end
    assert listing.count("Inte aktuell än") == 2  # both, eight months on
    assert "Vill ha möte" in listing
