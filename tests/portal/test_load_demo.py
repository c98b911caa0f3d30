"""The demo content: built from the sources, idempotent, honest about attribution."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from organisations.models import Municipality
from portal.demo.builder import demo_counts
from portal.models import GoodExamplePage, GuidancePage, HomePage, SupportAreaPage

pytestmark = pytest.mark.django_db


def test_load_demo_twice_gives_the_same_site(db):
    call_command("load_demo", stdout=StringIO())
    first_counts = demo_counts()
    first_urls = sorted(page.url_path for page in Page.objects.all())
    call_command("load_demo", stdout=StringIO())
    assert demo_counts() == first_counts
    assert sorted(page.url_path for page in Page.objects.all()) == first_urls


def test_demo_has_what_the_issue_asks_for(demo):
    counts = demo_counts()
    assert counts["stödområden"] == 4
    assert counts["vägledningar"] >= 12
    assert counts["goda exempel"] >= 10
    assert counts["kommuner"] == 290
    assert counts["pilotkommuner"] == 10
    guidance = set(GuidancePage.objects.values_list("slug", flat=True))
    for topic in [
        "rbm-modellen",
        "kartlaggning-och-analys",
        "barn-som-vill-lamna-kriminella-natverk",
        "sspf",
        "sociala-insatsgrupper",
        "roller-och-ansvar",
        "systematisk-uppfoljning",
        "samverkan-med-bup",
        "barn-med-funktionsnedsattning",
        "flickor-i-kriminella-miljoer",
        "barnets-delaktighet",
        "placerade-barn",
    ]:
        assert topic in guidance


def test_every_support_area_has_guidance_and_examples(demo):
    for area in SupportAreaPage.objects.live():
        assert GuidancePage.objects.child_of(area).live().exists(), area.title
        assert GoodExamplePage.objects.live().filter(support_areas=area).exists(), area.title


def test_welcome_page_is_gone_and_home_is_the_site_root(demo):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert Page.objects.filter(depth=2).count() == 1
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()


def test_only_what_the_sources_attribute_is_attributed_to_a_named_municipality(demo):
    named = dict(
        GoodExamplePage.objects.filter(municipality__isnull=False).values_list(
            "slug", "municipality__name"
        )
    )
    assert named == {"en-blind-flack": "Göteborg"}
    # The sources name no region, county board or other organisation beside an example.
    assert not GoodExamplePage.objects.filter(other_organisations__isnull=False).exists()
    for example in GoodExamplePage.objects.filter(municipality__isnull=True):
        assert example.unnamed_municipality, example.title


def test_demo_pages_render_and_say_they_are_demo(demo, client):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert "Demoversion" in response.content.decode(), page.url


def test_menu_leads_to_support_areas_and_examples(demo, client):
    html = client.get("/").content.decode()
    assert '<a href="/stodomraden/">Stödområden</a>' in html
    assert '<a href="/goda-exempel/">Goda exempel</a>' in html


def test_pilot_municipalities_show_it_on_their_page(demo, client):
    html = client.get(Municipality.objects.get(name="Sundsvall").get_absolute_url()).content
    assert "Pilotkommun sedan 2024" in html.decode()
