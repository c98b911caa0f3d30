"""A workshop an editor creates or edits in Wagtail's admin is refused when it cannot work:
the Swedish message stands next to the field at fault, everything typed stays in the form,
and nothing is saved. The same rules hold at model level."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from events import services
from events.models import WorkshopPage, WorkshopSession

pytestmark = pytest.mark.django_db

CLOSES_BEFORE_OPENING = "Anmälan måste stänga efter att den öppnar."
NEEDS_LINK = "Digitala och hybrida workshoppar behöver en möteslänk."
NEEDS_PLACE = "Ange var workshoppen hålls."
SESSION_ENDS_BEFORE_START = "Passet måste sluta efter att det börjar."


# One "now" for the whole module, so two times the same distance from it are equal.
NOW = timezone.localtime().replace(second=0, microsecond=0)


def admin_time(**delta):
    """A time from now, as the admin's date and time field shows and takes it."""
    return (NOW + datetime.timedelta(**delta)).strftime("%Y-%m-%d %H:%M")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def add_url(workshop_index):
    return reverse("wagtailadmin_pages:add", args=("events", "workshoppage", workshop_index.pk))


@pytest.fixture
def new_workshop(theme):
    """What an editor types into the form for a new digital workshop that is fine as it is."""
    return {
        "title": "Samverkan kring unga i riskzon",
        "slug": "samverkan-kring-unga",
        "theme": str(theme.pk),
        "summary": "Hur socialtjänst, skola och polis delar upp arbetet.",
        "target_audience": "Socialsekreterare och enhetschefer",
        "format": "digital",
        "occasions-0-place": "",
        "occasions-0-meeting_link": "https://mote.example.se/samverkan",
        "occasions-0-capacity": "30",
        "occasions-0-per_organisation_cap": "",
        "registration_opens": admin_time(days=1),
        "registration_closes": admin_time(days=20),
        "occasions-0-sessions-0-starts_at": admin_time(days=30),
        "occasions-0-sessions-0-ends_at": admin_time(days=30, hours=3),
    }


def submit(client, url, typed):
    """Open the admin form at `url`, type `typed` into it and publish, as an editor does.
    The body is built by the admin's JavaScript, so the test writes it out."""
    form = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data = form.copy()
    for name, value in typed.items():
        data[name] = value
    data.update(nested_form_data({"body": streamfield([]), "materials": streamfield([])}))
    data["action-publish"] = "action-publish"
    return client.post(url, data)


def errors_by_field(response):
    """Each field the form marks as wrong, with the message tied to it (its
    aria-describedby error text, shown under the field)."""
    html = BeautifulSoup(response.content.decode(), "html.parser")
    errors = {}
    for field in html.select('[aria-invalid="true"]'):
        described_by = [html.find(id=id_) for id_ in field.get("aria-describedby", "").split()]
        errors[field["name"]] = " ".join(
            " ".join(element.get_text(" ", strip=True).split())
            for element in described_by
            if element is not None and "w-field__errors" in element.get("class", [])
        )
    return errors


def assert_form_kept(response, typed):
    """The form is shown again with what the editor typed, not emptied or reset."""
    shown = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for name, value in typed.items():
        # A textarea's value comes back after the newline Django puts first in it.
        assert shown.get(name, "").strip() == value.strip(), name


# Each rule, as an editor breaks it on a new workshop: what they typed, and the message
# they should see under which field.
BROKEN_RULES = {
    "registration closes before it opens": (
        {"registration_opens": admin_time(days=5), "registration_closes": admin_time(days=2)},
        {"registration_closes": CLOSES_BEFORE_OPENING},
    ),
    "registration closes when it opens": (
        {"registration_opens": admin_time(days=5), "registration_closes": admin_time(days=5)},
        {"registration_closes": CLOSES_BEFORE_OPENING},
    ),
    "digital without a meeting link": (
        {"format": "digital", "occasions-0-meeting_link": ""},
        {"occasions-0-meeting_link": NEEDS_LINK},
    ),
    "on site without a place": (
        {
            "format": "on_site",
            "occasions-0-meeting_link": "",
            "occasions-0-place": "",
            "occasions-0-county": "",
        },
        {"occasions-0-place": NEEDS_PLACE},
    ),
    "hybrid without a place": (
        {"format": "hybrid", "occasions-0-place": ""},
        {"occasions-0-place": NEEDS_PLACE},
    ),
    "hybrid without a meeting link": (
        {
            "format": "hybrid",
            "occasions-0-place": "Stadshuset, Kalmar",
            "occasions-0-meeting_link": "",
        },
        {"occasions-0-meeting_link": NEEDS_LINK},
    ),
    "hybrid with neither": (
        {"format": "hybrid", "occasions-0-place": "", "occasions-0-meeting_link": ""},
        {"occasions-0-place": NEEDS_PLACE, "occasions-0-meeting_link": NEEDS_LINK},
    ),
    "no number of seats, and not the open format": (
        {"occasions-0-capacity": ""},
        {"occasions-0-capacity": "Ange antalet platser, eller välj öppet format för workshoppen."},
    ),
    "a session that ends before it starts": (
        {
            "occasions-0-sessions-0-starts_at": admin_time(days=30, hours=3),
            "occasions-0-sessions-0-ends_at": admin_time(days=30),
        },
        {"occasions-0-sessions-0-ends_at": SESSION_ENDS_BEFORE_START},
    ),
}


@pytest.mark.parametrize("broken", BROKEN_RULES.values(), ids=BROKEN_RULES.keys())
def test_creating_a_workshop_that_cannot_work_is_refused_next_to_the_field(
    editor_client, add_url, new_workshop, broken
):
    changes, expected = broken
    typed = {**new_workshop, **changes}
    response = submit(editor_client, add_url, typed)
    assert response.status_code == 200
    assert errors_by_field(response) == expected
    assert_form_kept(response, typed)
    assert not WorkshopPage.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {
            "format": "on_site",
            "occasions-0-meeting_link": "",
            "occasions-0-place": "Stadshuset, Kalmar",
        },
        {"format": "hybrid", "occasions-0-place": "Stadshuset, Kalmar"},
    ],
    ids=["digital", "on site", "hybrid"],
)
def test_a_workshop_that_can_work_is_published(
    editor_client, add_url, new_workshop, changes, workshop_index
):
    typed = {**new_workshop, **changes}
    response = submit(editor_client, add_url, typed)
    assert response.status_code == 302
    workshop = WorkshopPage.objects.child_of(workshop_index).get()
    assert workshop.live
    (occasion,) = workshop.occasions.all()
    assert (workshop.title, workshop.format, occasion.place) == (
        typed["title"],
        typed["format"],
        typed["occasions-0-place"],
    )
    assert (
        timezone.localtime(workshop.starts_at).strftime("%Y-%m-%d %H:%M")
        == typed["occasions-0-sessions-0-starts_at"]
    )
    assert occasion.seat_counter.capacity == 30


@pytest.fixture
def two_from_kalmar(workshop, make_person, kalmar):
    """The workshop (two seats) with both taken by people from Kalmar."""
    for n in range(2):
        services.register(workshop, make_person(f"deltagare{n}@kalmar.se", kalmar))
    assert workshop.registrations.filter(status="confirmed").count() == 2
    return workshop


@pytest.mark.parametrize(
    "typed, expected",
    [
        (
            {"occasions-0-capacity": "1"},
            {
                "occasions-0-capacity": "2 personer har redan bekräftade platser; antalet "
                "platser kan inte vara färre."
            },
        ),
        (
            {"occasions-0-per_organisation_cap": "1"},
            {
                "occasions-0-per_organisation_cap": "En organisation har redan 2 bekräftade "
                "platser; gränsen kan inte vara lägre."
            },
        ),
    ],
    ids=["capacity", "cap per organisation"],
)
def test_an_edit_cannot_take_away_confirmed_seats(editor_client, two_from_kalmar, typed, expected):
    workshop = two_from_kalmar
    revisions = workshop.revisions.count()
    typed = {"title": "RBM i praktiken, mindre grupp", **typed}
    response = submit(editor_client, reverse("wagtailadmin_pages:edit", args=[workshop.pk]), typed)
    assert response.status_code == 200
    assert errors_by_field(response) == expected
    assert_form_kept(response, typed)
    workshop.refresh_from_db()
    (occasion,) = workshop.occasions.all()
    assert (workshop.title, occasion.capacity, occasion.per_organisation_cap) == (
        "RBM i praktiken",
        2,
        None,
    )
    assert workshop.revisions.count() == revisions
    assert (occasion.seat_counter.capacity, occasion.seat_counter.taken) == (2, 2)


def test_an_edit_down_to_exactly_the_confirmed_seats_is_published(editor_client, two_from_kalmar):
    workshop = two_from_kalmar
    typed = {"occasions-0-capacity": "2", "occasions-0-per_organisation_cap": "2"}
    response = submit(editor_client, reverse("wagtailadmin_pages:edit", args=[workshop.pk]), typed)
    assert response.status_code == 302
    (occasion,) = workshop.occasions.all()
    assert (occasion.capacity, occasion.per_organisation_cap) == (2, 2)
    assert (occasion.seat_counter.capacity, occasion.seat_counter.taken) == (2, 2)


# The same rules at model level, for code that saves a workshop without the admin: the
# page's own, and each occasion's (which depend on the page's format).
MODEL_RULES = {
    "registration closes before it opens": (
        {"registration_closes": timezone.now() - datetime.timedelta(days=2)},
        {},
        "registration_closes",
    ),
    "digital without a meeting link": ({}, {"meeting_link": ""}, "meeting_link"),
    "on site without a place": ({"format": "on_site"}, {"place": ""}, "place"),
    "hybrid without a place": ({"format": "hybrid"}, {"place": ""}, "place"),
    "capacity below confirmed seats": ({}, {"capacity": 1}, "capacity"),
    "cap below an organisation's confirmed seats": (
        {},
        {"per_organisation_cap": 1},
        "per_organisation_cap",
    ),
}


@pytest.mark.parametrize("broken", MODEL_RULES.values(), ids=MODEL_RULES.keys())
def test_the_rules_hold_at_model_level(two_from_kalmar, broken):
    page_changes, occasion_changes, field = broken
    workshop = two_from_kalmar
    (occasion,) = workshop.occasions.all()
    workshop.full_clean()  # the workshop as it is passes
    occasion.full_clean()
    for name, value in page_changes.items():
        setattr(workshop, name, value)
    for name, value in occasion_changes.items():
        setattr(occasion, name, value)
    occasion.workshop = workshop
    with pytest.raises(ValidationError) as refused:
        workshop.full_clean()
        occasion.full_clean()
    assert list(refused.value.message_dict) == [field]


def test_a_session_must_end_after_it_starts(workshop):
    starts = timezone.now() + datetime.timedelta(days=14)
    occasion = workshop.occasions.get()
    for ends in (starts, starts - datetime.timedelta(hours=1)):
        session = WorkshopSession(occasion=occasion, starts_at=starts, ends_at=ends)
        with pytest.raises(ValidationError) as refused:
            session.full_clean()
        assert refused.value.message_dict == {"ends_at": [SESSION_ENDS_BEFORE_START]}
    WorkshopSession(
        occasion=occasion, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1)
    ).full_clean()


def test_an_editor_previews_a_new_date_before_publishing_it(editor_client, workshop):
    """A revision's dates and sessions live in memory, not in the database; the page shows
    them all the same."""
    from events.models import Occasion

    page = WorkshopPage.objects.get(pk=workshop.pk)
    starts = NOW + datetime.timedelta(days=60)
    occasion = Occasion(capacity=12, meeting_link="https://mote.example.se/nytt")
    occasion.sessions = [
        WorkshopSession(starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))
    ]
    page.occasions.add(occasion)
    revision = page.save_revision()

    response = editor_client.get(
        reverse("wagtailadmin_pages:revisions_view", args=(page.pk, revision.pk))
    )
    assert response.status_code == 200
    shown = response.content.decode()
    assert timezone.localtime(starts).strftime("%H:%M") in shown
    assert f'datetime="{timezone.localtime(starts).isoformat()}"' in shown
