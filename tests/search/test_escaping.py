"""Text people type reaches /sok/ as text, never as markup, on both search backends.

A coordinator's profile, a member's good example and an editor's network purpose are
indexed as they were typed. An unclosed tag at the end of a field survives strip_tags,
and a hit without highlighted words used to show the raw body marked safe: a
`<meta http-equiv=refresh>` there sent visitors to another site."""

from html.parser import HTMLParser

import pytest
from django.db import connection

from network.models import MunicipalityProfile, Network
from organisations.models import County, Municipality
from search.backends import reset_backend

from ..factories import GoodExamplePageFactory

pytestmark = pytest.mark.django_db

# In a title the whole tag is kept; in a body strip_tags removes whole tags, but not one
# left open at the end of a field.
# (A municipality's name holds at most 60 characters.)
TITLE_MARKUP = "<meta http-equiv=refresh content=0;url=//ev.il>"
BODY_MARKUP = "<meta http-equiv=refresh content=0;url=//ev.il"


@pytest.fixture(params=["whoosh", "postgres"])
def backend(request, settings):
    if request.param == "postgres" and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (run with DATABASE_URL)")
    settings.SEARCH_BACKEND = request.param
    reset_backend()
    yield request.param
    reset_backend()


def typed_into_municipality_profile(request):
    county = County.objects.create(code="08", name="Kalmar län")
    municipality = Municipality.objects.create(
        code="0880",
        name=f"Kolibri {TITLE_MARKUP}",
        slug="kolibri",
        county=county,
        population=70000,
        population_year=2024,
    )
    MunicipalityProfile.objects.create(
        municipality=municipality, ongoing_work=f"Zebrafinkprojektet {BODY_MARKUP}"
    )
    return "municipality"


def typed_into_good_example_summary(request):
    example_index = request.getfixturevalue("example_index")
    GoodExamplePageFactory(
        parent=example_index,
        title=f"Kolibri {TITLE_MARKUP}",
        summary=f"Zebrafinkprojektet {BODY_MARKUP}",
    ).save_revision().publish()
    return "example"


def typed_into_network_purpose(request):
    Network.objects.create(
        name=f"Kolibri {TITLE_MARKUP}",
        slug="kolibri",
        purpose=f"Zebrafinkprojektet {BODY_MARKUP}",
    )
    return "network"


class Page(HTMLParser):
    """What a browser makes of the page: its elements and the text of the result list."""

    def __init__(self, html):
        super().__init__()
        self.tags, self.results_text, self._in_results = [], [], 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "ol" and ("class", "search-results") in attrs:
            self._in_results = 1
        elif self._in_results and tag == "ol":
            self._in_results += 1

    def handle_endtag(self, tag):
        if self._in_results and tag == "ol":
            self._in_results -= 1

    def handle_data(self, data):
        if self._in_results:
            self.results_text.append(data)


@pytest.mark.parametrize(
    "typed_into",
    [typed_into_municipality_profile, typed_into_good_example_summary, typed_into_network_purpose],
)
@pytest.mark.parametrize(
    "query",
    [
        pytest.param("kolibri", id="title-highlighted-body-not"),
        pytest.param("zebrafinkprojektet", id="body-highlighted-title-not"),
        pytest.param("", id="nothing-highlighted"),
    ],
)
def test_search_shows_markup_typed_into_public_text_as_text(
    backend, typed_into, query, request, client, committed, home_page
):
    with committed():
        kind = typed_into(request)

    page = Page(client.get("/sok/", {"q": query, "kind": kind}).content.decode())

    refreshes = [attrs for tag, attrs in page.tags if "http-equiv" in attrs]
    assert refreshes == []
    if query:
        assert ("mark", {"class": "match"}) in page.tags  # the matched word is still marked
    shown = " ".join("".join(page.results_text).split())
    assert f"Kolibri {TITLE_MARKUP}" in shown
    assert f"Zebrafinkprojektet {BODY_MARKUP}" in shown
