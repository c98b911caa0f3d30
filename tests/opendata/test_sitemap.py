"""sitemap.xml lists the public pages and nothing else; robots.txt points to it."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_public_pages_only(client, content, example_index):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = [loc.text for loc in root.findall("sm:url/sm:loc", NS)]
    assert content["guidance"].full_url in locations
    assert content["example"].full_url in locations
    assert content["workshop"].full_url in locations
    assert example_index.full_url in locations
    assert any(location.endswith("/metoder/rbm/") for location in locations)
    assert content["draft"].slug not in response.content.decode()
    assert content["private"].slug not in response.content.decode()
    assert not [loc for loc in locations if "/admin/" in loc or "/konto/" in loc]


def test_robots_txt(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    for path in ("/admin/", "/konto/", "/mina-sidor/", "/api/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
