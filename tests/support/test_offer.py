"""The offer page at /stod/: the activities offered now, support area by support area,
each with what it asks of the municipality and a link to apply."""

import pytest

from support.models import SupportActivity, SupportOfferPage
from tests.factories import SupportAreaPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer_page(home_page):
    page = SupportOfferPage(
        title="Stöd från förstärkningsteamet",
        slug="stod",
        intro="Det här kan teamet göra tillsammans med er.",
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def second_area(support_area_index, support_area):
    """A support area after the first one in the page tree."""
    return SupportAreaPageFactory(parent=support_area_index, title="Samverkan med BUP")


def make_activity(area, title, **fields):
    return SupportActivity.objects.create(
        support_area=area,
        title=title,
        format=fields.pop("format", "lecture"),
        description=fields.pop("description", "Vad teamet gör."),
        asks_of_municipality=fields.pop("asks", "En arbetsgrupp."),
        duration=fields.pop("duration", "En dag"),
        **fields,
    )


def test_editors_can_make_one_offer_page_under_the_home_page_only(home_page, support_area):
    assert SupportOfferPage.can_create_at(home_page)
    assert not SupportOfferPage.can_create_at(support_area)
    home_page.add_child(instance=SupportOfferPage(title="Stöd", slug="stod"))
    assert not SupportOfferPage.can_create_at(home_page)  # one is enough
    assert SupportOfferPage.objects.get().url == "/stod/"


def test_activities_are_grouped_by_area_in_page_tree_order_with_apply_links(
    client, offer_page, support_area, second_area
):
    # Made in the opposite order of the page tree, to show that the tree decides.
    bup = make_activity(second_area, "Dialog med regionen", format="dialogue", duration="Ett år")
    lecture = make_activity(
        support_area,
        "Föreläsning om RBM",
        asks="Chefer och handläggare deltar en halvdag.",
        duration="En halvdag",
    )
    make_activity(support_area, "Gammal aktivitet", is_offered=False)

    page = client.get("/stod/").content.decode()
    assert "Det här kan teamet göra tillsammans med er." in page
    first, second = page.split(f">{second_area.title}</h2>")
    assert f">{support_area.title}</h2>" in first
    assert "Föreläsning om RBM" in first and "Dialog med regionen" not in first
    assert "Dialog med regionen" in second
    assert "Gammal aktivitet" not in page
    card = first.split(f'id="aktivitet-{lecture.pk}"')[1]
    assert "Föreläsning" in card and "Chefer och handläggare deltar en halvdag." in card
    assert "En halvdag" in card
    assert f'href="/stod/ansokan/?aktivitet={lecture.pk}"' in card
    assert f'href="/stod/ansokan/?aktivitet={bup.pk}"' in second
    assert "Kartläggning och analys" not in page  # only the formats in use
    assert "Dialog och rådgivning" in second
    assert 'href="/stod/nulagesanalys/"' in page


def test_an_activity_in_an_unpublished_area_is_not_offered(client, offer_page, second_area):
    make_activity(second_area, "Dialog med regionen")
    second_area.unpublish()
    assert "Dialog med regionen" not in client.get("/stod/").content.decode()


def test_the_offer_says_so_when_nothing_is_offered(client, offer_page, support_area):
    make_activity(support_area, "Gammal aktivitet", is_offered=False)
    page = client.get("/stod/").content.decode()
    assert "Förstärkningsteamet erbjuder inga aktiviteter just nu." in page
    assert "Ansök om stöd" not in page
    assert 'href="/stod/nulagesanalys/"' in page


def test_editors_text_is_escaped(client, offer_page, support_area):
    make_activity(
        support_area,
        "<script>alert('titel')</script>",
        description="<b>fet</b>",
        asks="<img src=x onerror=alert(1)>",
        duration="<i>kort</i>",
    )
    offer_page.intro = "<script>alert('ingress')</script>"
    offer_page.save_revision().publish()
    page = client.get("/stod/").content.decode()
    for raw in ("<script>alert(", "<b>fet</b>", "<img src=x", "<i>kort</i>"):
        assert raw not in page
    assert "&lt;script&gt;alert(&#x27;titel&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;fet&lt;/b&gt;" in page


def test_editors_cannot_save_a_personal_number_in_an_activity(client, editor, support_area):
    client.force_login(editor)
    data = {
        "support_area": support_area.pk,
        "title": "Kartläggning",
        "format": "mapping",
        "description": "Om barnet 121212-1212",
        "asks_of_municipality": "En arbetsgrupp.",
        "duration": "Tre månader",
        "is_offered": "on",
        "sort_order": "0",
    }
    response = client.post("/admin/snippets/support/supportactivity/add/", data)
    assert response.status_code == 200 and "personnummer" in response.content.decode()
    assert not SupportActivity.objects.exists()


def test_the_offer_leads_to_asking_the_team_and_to_published_answers(
    client, offer_page, support_area
):
    from support.models import QuestionAnswerIndexPage

    make_activity(support_area, "Föreläsning om RBM")
    page = client.get("/stod/").content.decode()
    assert 'href="/stod/fragor/ny/"' in page
    assert "Läs publicerade frågor och svar" not in page  # no answers page yet
    assert "Ansökan görs av kommunens kontaktperson." in page

    answers = QuestionAnswerIndexPage(title="Frågor och svar", slug="fragor-och-svar")
    offer_page.get_parent().add_child(instance=answers)
    page = client.get("/stod/").content.decode()
    assert 'href="/fragor-och-svar/">Läs publicerade frågor och svar</a>' in page
