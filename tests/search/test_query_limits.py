"""What one search request may ask of the index: a query is at most 200 characters, and
at most 8 unknown words are looked up for "menade du". A 200-character query of unknown
short words used to look up every word and took 20-40 times as long as a normal one."""

from itertools import product

import pytest
from whoosh.spelling import ReaderCorrector

from search import api

from ..factories import GuidancePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed_page(committed, support_area):
    with committed():
        page = GuidancePageFactory(parent=support_area, title="Avhoppare och samverkan")
        page.save_revision().publish()
    return page


@pytest.fixture
def corrector_calls(monkeypatch):
    """The words the search asks Whoosh's spelling corrector about."""
    calls = []
    suggest = ReaderCorrector.suggest

    def counted(self, text, *args, **kwargs):
        calls.append(text)
        return suggest(self, text, *args, **kwargs)

    monkeypatch.setattr(ReaderCorrector, "suggest", counted)
    return calls


def unknown_short_words(length):
    """Words the index does not know ("bc bd bf ..."), as many as fit in length."""
    words, text = [], ""
    for letters in product("bcdfghjklmnpqrstvwxz", repeat=2):
        word = "".join(letters)
        if len(text) + len(word) + 1 > length:
            break
        words.append(word)
        text = " ".join(words)
    return text


def test_a_long_query_of_unknown_short_words_asks_the_corrector_about_eight_words_at_most(
    indexed_page, corrector_calls
):
    query = unknown_short_words(200)
    assert len(query.split()) > 60

    api.search(query)

    assert len(corrector_calls) == 8
    assert corrector_calls == query.split()[:8]


def test_a_misspelling_in_a_long_query_is_still_corrected(indexed_page, corrector_calls):
    results = api.search("avhopare " + unknown_short_words(150))

    assert results.suggestion.startswith("avhoppare ")
    assert len(corrector_calls) == 8


def test_a_query_longer_than_200_characters_is_cut_between_words(indexed_page):
    query = "samverkan " * 30  # 300 characters

    results = api.search(query)

    assert len(results.query) <= 200
    assert results.query.split() == ["samverkan"] * len(results.query.split())
    assert results.total == 1


def test_the_search_page_says_when_it_searched_only_the_start_of_a_long_query(client, indexed_page):
    html = client.get("/sok/", {"q": "samverkan " * 30}).content.decode()

    assert "Din sökning var längre än 200 tecken." in html
    assert 'maxlength="200"' in html
    assert f'value="{api.shorten("samverkan " * 30)}"' in html
    assert "1 träff" in html


def test_the_search_page_says_nothing_about_length_for_a_normal_query(client, indexed_page):
    html = client.get("/sok/", {"q": "samverkan"}).content.decode()

    assert "var längre än" not in html
    assert "1 träff" in html
