"""Every public page describes itself to search engines and link previews: a description
and Open Graph tags, escaped like every other text."""

from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db


class MetaTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "content" in attrs:
            self.tags[attrs.get("property") or attrs.get("name")] = attrs["content"]


def meta_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = MetaTags()
    parser.feed(response.content.decode())
    return parser.tags, response.content.decode()


def test_each_page_type_has_description_and_open_graph(client, content, home_page, example_index):
    guidance, example, workshop = content["guidance"], content["example"], content["workshop"]
    pages = [
        (home_page, "website"),
        (guidance.get_parent().get_parent(), "website"),
        (guidance.get_parent(), "article"),
        (guidance, "article"),
        (example_index, "website"),
        (example, "article"),
        (workshop.get_parent(), "website"),
        (workshop, "article"),
    ]
    for page, og_type in pages:
        tags, _ = meta_of(client, page.url)
        page = page.specific
        title = "Kunskapsnätverket" if page == home_page else page.seo_title or page.title
        assert tags["og:title"] == title, page
        assert tags["og:type"] == og_type, page
        assert tags["og:url"] == "http://testserver" + page.url
        assert tags["og:site_name"] == "Kunskapsnätverket"
        assert tags["og:locale"] == "sv_SE"
        assert tags["og:image"] == "http://testserver/static/images/og-image.png"
        assert tags["description"] == tags["og:description"]
        expected = getattr(page, "summary", "") or getattr(page, "intro", "")
        assert tags["description"] == (expected or tags["description"])
        assert tags["description"].strip()


def test_texts_are_escaped_and_search_description_wins(client, content):
    guidance = content["guidance"]
    guidance.title = 'Vägledning "A" <script>alert(1)</script>'
    guidance.search_description = 'Om "skolnärvaro" & <b>samverkan</b>'
    guidance.save_revision().publish()
    tags, html = meta_of(client, guidance.url)
    assert tags["og:title"] == guidance.title
    assert tags["description"] == tags["og:description"] == guidance.search_description
    assert "<script>alert(1)" not in html
    assert 'content="Om &quot;skolnärvaro&quot; &amp; &lt;b&gt;samverkan&lt;/b&gt;"' in html


def test_a_page_that_is_not_a_wagtail_page_has_them_too(client, content):
    tags, _ = meta_of(client, "/metoder/rbm/")
    assert tags["og:title"] == "RBM-modellen"
    assert tags["og:url"] == "http://testserver/metoder/rbm/"
    assert tags["description"]
