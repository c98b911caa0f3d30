"""Editors pin pages for a query (Wagtail's search promotions): /sok/ shows them first,
under "Rekommenderat", only while they are live and public, and not again among the hits.
Their admin forms go through the privacy guard."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from ..factories import GuidancePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(committed, support_area):
    def publish(title, summary=""):
        with committed():
            page = GuidancePageFactory(parent=support_area, title=title, summary=summary)
            page.save_revision().publish()
        return page

    return publish


def promote(query, page, description=""):
    return SearchPromotion.objects.create(
        query=Query.get(query), page=page, description=description, sort_order=0
    )


def promoted_section(html):
    """The text of the "Rekommenderat" section, or None when the page has none."""
    match = re.search(r'<section class="search-promoted".*?</section>', html, re.S)
    return match.group(0) if match else None


def hit_titles(html):
    results = html.split('class="search-results"')[-1] if "results-heading" in html else ""
    return re.findall(r'<h3 class="card__title"><a href="[^"]*">(.*?)</a>', results)


def test_a_promoted_page_comes_first_for_its_query_and_only_for_it(client, publish):
    publish("Samordnad individuell plan", "Om SIP i praktiken.")
    pinned = publish("Vägledning om planering", "Checklista för mötet.")
    promote("sip", pinned, "Börja här: så förbereder ni en SIP.")

    html = client.get("/sok/", {"q": "  SIP "}).content.decode()
    section = promoted_section(html)
    assert section is not None
    assert "Rekommenderat" in section
    assert f'href="{pinned.url}"' in section
    assert "Börja här: så förbereder ni en SIP." in section
    assert html.index("Rekommenderat") < html.index('id="results-heading"')

    other = client.get("/sok/", {"q": "checklista"}).content.decode()
    assert promoted_section(other) is None
    assert "Vägledning om planering" in hit_titles(other)


def test_a_promoted_page_is_not_listed_again_among_the_hits(client, publish):
    publish("SIP för barn", "Samordnad individuell plan för barn.")
    pinned = publish("SIP för vuxna", "Samordnad individuell plan för vuxna.")
    promote("sip", pinned)

    html = client.get("/sok/", {"q": "sip"}).content.decode()
    assert "SIP för vuxna" in promoted_section(html)
    titles = " ".join(hit_titles(html))
    assert "vuxna" not in titles
    assert "barn" in titles


def test_a_promotion_helps_a_query_that_finds_nothing(client, publish):
    pinned = publish("Orosanmälan", "Hur en anmälan görs.")
    promote("anmäla oro", pinned)
    html = client.get("/sok/", {"q": "anmäla oro"}).content.decode()
    assert "Orosanmälan" in promoted_section(html)


def test_unpublished_and_private_pages_are_not_promoted(client, publish):
    draft = publish("Utkast om SIP", "Ej klart.")
    private = publish("Intern SIP-rutin", "Bara för inloggade.")
    promote("sip", draft)
    promote("sip", private)
    draft.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    html = client.get("/sok/", {"q": "sip"}).content.decode()
    assert promoted_section(html) is None
    assert "Utkast om SIP" not in html
    assert "Intern SIP-rutin" not in html


def test_the_description_is_shown_as_text(client, publish):
    pinned = publish("Samverkan", "Om samverkan.")
    promote("samverkan", pinned, '<script>alert("x")</script> & mer')
    section = promoted_section(client.get("/sok/", {"q": "samverkan"}).content.decode())
    assert "<script>" not in section
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; mer" in section


def test_promotions_show_on_the_first_page_only(client, publish):
    pinned = publish("Samverkan 0", "Samverkan.")
    for number in range(1, 12):
        publish(f"Samverkan {number}", "Samverkan.")
    promote("samverkan", pinned)
    second = client.get("/sok/", {"q": "samverkan", "sida": "2"}).content.decode()
    assert "Sida 2 av 2" in second
    assert promoted_section(second) is None


def promotion_post(query, page, description):
    return {
        "query_string": query,
        "editors_picks-TOTAL_FORMS": 1,
        "editors_picks-INITIAL_FORMS": 0,
        "editors_picks-MAX_NUM_FORMS": 1000,
        "editors_picks-0-DELETE": "",
        "editors_picks-0-ORDER": 0,
        "editors_picks-0-page": page.pk,
        "editors_picks-0-description": description,
    }


def test_editors_promote_pages_in_the_admin_behind_the_privacy_guard(client, editor, publish):
    pinned = publish("Samordnad individuell plan", "Om SIP.")
    client.force_login(editor)
    add = reverse("wagtailsearchpromotions:add")
    assert client.get(add).status_code == 200

    refused = client.post(add, promotion_post("sip", pinned, "Se Kalle 121212-1212"))
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "innehåller något som ser ut som ett personnummer" in html
    assert not SearchPromotion.objects.exists()

    refused = client.post(add, promotion_post("kalle 19121212-1212", pinned, "Bra sida"))
    assert "innehåller något som ser ut som ett personnummer" in refused.content.decode()
    assert not Query.objects.filter(query_string__contains="1212").exists()

    saved = client.post(add, promotion_post("SIP", pinned, "Börja här."))
    assert saved.status_code == 302
    assert "Börja här." in promoted_section(client.get("/sok/", {"q": "sip"}).content.decode())


def test_editing_a_promotion_is_guarded_too(client, editor, publish):
    pinned = publish("Samordnad individuell plan", "Om SIP.")
    promotion = promote("sip", pinned, "Börja här.")
    client.force_login(editor)
    edit = reverse("wagtailsearchpromotions:edit", args=[promotion.query_id])
    data = promotion_post("sip", pinned, "Ring 070-123 45 67, pnr 121212-1212")
    data.update({"editors_picks-INITIAL_FORMS": 1, "editors_picks-0-id": promotion.pk})
    refused = client.post(edit, data)
    assert refused.status_code == 200
    assert "personnummer" in refused.content.decode()
    promotion.refresh_from_db()
    assert promotion.description == "Börja här."


def test_editors_groups_may_keep_promotions():
    for name in ("Editors", "Moderators"):
        codenames = set(
            Group.objects.get(name=name)
            .permissions.filter(content_type__app_label="wagtailsearchpromotions")
            .values_list("codename", flat=True)
        )
        assert {
            "add_searchpromotion",
            "change_searchpromotion",
            "delete_searchpromotion",
        } <= codenames


def test_a_member_cannot_reach_the_promotions_admin(client, member_a):
    client.force_login(member_a)
    response = client.get(reverse("wagtailsearchpromotions:add"))
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or "/login/" in response["Location"]
