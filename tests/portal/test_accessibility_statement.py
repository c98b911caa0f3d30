"""The accessibility statement the law (2018:1937) asks of public digital services."""

from django.urls import reverse

from portal.models import PortalSettings


def test_every_page_links_to_the_statement(client, home_page):
    response = client.get("/")
    assert f'href="{reverse("portal:accessibility_statement")}"' in response.content.decode()


def test_statement_has_the_parts_the_law_requires(client, home_page):
    response = client.get(reverse("portal:accessibility_statement"))
    assert response.status_code == 200
    html = response.content.decode()
    for heading in (
        "Hur tillgänglig är portalen?",
        "Innehåll som inte är tillgängligt",
        "Om du inte kan använda delar av portalen",
        "Tillsyn",
        "Hur vi har testat portalen",
    ):
        assert f"<h2>{heading}</h2>" in html
    assert "delvis förenlig" in html
    assert "Myndigheten för digital förvaltning (Digg)" in html


def test_statement_gives_the_contact_address_editors_set(client, home_page):
    settings = PortalSettings.load()
    settings.contact_email = "tillganglighet@socialstyrelsen.example"
    settings.save()
    html = client.get(reverse("portal:accessibility_statement")).content.decode()
    assert 'href="mailto:tillganglighet@socialstyrelsen.example"' in html
