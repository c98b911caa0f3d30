"""The feeds, read by a feed reader (feedparser): well-formed, newest public pages only,
per support area too, and linked from the pages that list the content."""

import feedparser
import pytest

from .conftest import SECRET_LINK

pytestmark = pytest.mark.django_db


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return response, feed


@pytest.mark.parametrize(("format", "version"), [("rss", "rss20"), ("atom", "atom10")])
def test_guidance_feed_lists_only_public_pages(client, content, support_area, format, version):
    _, feed = read(client, f"/floden/vagledning/{format}/")
    assert feed.version == version
    assert [entry.title for entry in feed.entries] == ["RBM-modellen i vardagen"]
    (entry,) = feed.entries
    assert entry.link == content["guidance"].full_url
    assert entry.summary == "Kort om vägledningen."
    assert "author" not in entry
    _, per_area = read(client, f"/floden/vagledning/{support_area.slug}/{format}/")
    assert support_area.title in per_area.feed.title
    assert [entry.title for entry in per_area.entries] == ["RBM-modellen i vardagen"]


def test_examples_and_workshops_feeds(client, content, support_area):
    _, examples = read(client, "/floden/goda-exempel/atom/")
    assert {entry.title for entry in examples.entries} == {
        "Gemensamt språk med RBM",
        "Ett annat exempel",
    }
    assert "Anna" not in str(examples)
    _, per_area = read(client, f"/floden/goda-exempel/{support_area.slug}/rss/")
    assert [entry.title for entry in per_area.entries] == ["Gemensamt språk med RBM"]

    response, workshops = read(client, f"/floden/workshoppar/{support_area.slug}/rss/")
    (entry,) = workshops.entries
    assert entry.title == "RBM i praktiken"
    assert "Kalmar stadshus" in entry.summary
    assert SECRET_LINK not in response.content.decode()


def test_unknown_feed_or_support_area_is_not_found(client, content, support_area):
    assert client.get("/floden/metoder/rss/").status_code == 404
    assert client.get("/floden/vagledning/finns-inte/rss/").status_code == 404


def test_listings_link_their_feeds(client, content, support_area, example_index):
    pages = {
        support_area.url: "/floden/vagledning/" + support_area.slug + "/rss/",
        example_index.url: "/floden/goda-exempel/rss/",
        content["workshop"].get_parent().url: "/floden/workshoppar/rss/",
        support_area.get_parent().url: "/floden/vagledning/rss/",
    }
    for url, feed in pages.items():
        html = client.get(url).content.decode()
        assert '<link rel="alternate" type="application/rss+xml"' in html, url
        assert f'href="{feed}"' in html, url
        assert f'<a href="{feed}">RSS</a>' in html, url
