"""A hit's snippet is the best sentence or two of its body, matches marked, on both
backends; a hit whose body has no match shows the body's first sentences."""

import pytest

from search import api
from search.backends import BETWEEN_FRAGMENTS
from search.backends.sentences import snippet

from ..factories import GoodExamplePageFactory

pytestmark = pytest.mark.django_db

SUMMARY = (
    "Kommunen började med en kartläggning av skolfrånvaron. "
    "Skolan, polisen och socialtjänsten träffades sedan varje vecka, t.ex. på fritidsgården. "
    "Efter ett år hade frånvaron halverats."
)


@pytest.fixture
def example(committed, example_index):
    with committed():
        page = GoodExamplePageFactory(
            parent=example_index, title="Närvaroteamet i Ankeby", summary=SUMMARY
        )
        page.save_revision().publish()
    return page


def only_hit(query):
    (hit,) = api.search(query).hits
    return str(hit.snippet_html)


def test_a_snippet_is_the_whole_sentence_with_the_match_marked(backend, example):
    assert only_hit("fritidsgården") == (
        "Skolan, polisen och socialtjänsten träffades sedan varje vecka, t.ex. på "
        '<mark class="match">fritidsgården</mark>.'
    )


def test_the_two_sentences_with_matches_are_shown_in_order(backend, example):
    shown = only_hit("kartläggning halverats")
    assert shown == (
        'Kommunen började med en <mark class="match">kartläggning</mark> av skolfrånvaron.'
        f"{BETWEEN_FRAGMENTS}"
        'Efter ett år hade frånvaron <mark class="match">halverats</mark>.'
    )


def test_a_hit_without_a_match_in_its_body_shows_its_first_sentences(backend, example):
    shown = only_hit("närvaroteamet")  # only in the title
    assert shown.startswith("Kommunen började med en kartläggning av skolfrånvaron.")
    assert "<mark" not in shown


def test_a_long_sentence_is_cut_at_words_around_its_match():
    words = " ".join(f"ord{n}" for n in range(100))
    text = f"{words} träffen {words}."
    start = text.index("träffen")
    shown = str(snippet(text, [(start, start + len("träffen"))]))
    assert shown.startswith("…ord") and shown.endswith("…")
    assert '<mark class="match">träffen</mark>' in shown
    inner = shown.strip("…").replace('<mark class="match">', "").replace("</mark>", "")
    assert all(word.startswith("ord") or word == "träffen" for word in inner.split())
    assert len(inner) <= 220


def test_every_line_of_a_body_is_a_sentence_and_text_stays_escaped():
    text = "Metoder\nSSPF <script> & SIG\nNästa rad."
    start = text.index("SIG")
    assert str(snippet(text, [(start, start + 3)])) == (
        'SSPF &lt;script&gt; &amp; <mark class="match">SIG</mark>'
    )


def test_every_page_of_results_marks_the_matches(backend, committed, example_index):
    """Whoosh records which words matched once for the whole result, when it first sees
    them: the hits on later pages are marked as the first page's are."""
    with committed():
        for town in ("Ankeby", "Bollby", "Cedertorp"):
            GoodExamplePageFactory(
                parent=example_index,
                title=f"Fritidsgården i {town}",
                summary=f"Fritidsgården i {town} har öppet varje kväll.",
            ).save_revision().publish()
    hits = [api.search("fritidsgården", page=n, per_page=1).hits for n in (1, 2, 3)]
    assert sorted(str(hit.title) for (hit,) in hits) == [
        "Fritidsgården i Ankeby",
        "Fritidsgården i Bollby",
        "Fritidsgården i Cedertorp",
    ]
    for (hit,) in hits:
        assert str(hit.title_html).startswith('<mark class="match">Fritidsgården</mark> i ')
        assert str(hit.snippet_html).startswith('<mark class="match">Fritidsgården</mark> i ')
