"""The demo's "Frågor och svar": published answers, found by search, from no organisation."""

import pytest

from search import api
from support.models import QuestionAnswerIndexPage, QuestionAnswerPage
from support.search_documents import similar_answers

pytestmark = pytest.mark.django_db


def test_the_demo_has_published_answers_that_search_finds(demo, client):
    index = QuestionAnswerIndexPage.objects.live().get()
    answers = QuestionAnswerPage.objects.live().child_of(index)
    assert answers.count() == 3
    listing = client.get(index.url).content.decode()
    for page in answers:
        assert page.title in listing
        assert page.support_area is not None
        assert page.organisation_name == ""
        assert "Frågan kommer från" not in client.get(page.url).content.decode()
    found = api.search("SSPF uppföljning", filters={"kind": "question"}).hits
    assert any("sspf" in hit.url for hit in found)
    similar = similar_answers("Hur ska socialtjänsten och BUP fördela nästa steg?")
    assert similar and "bup" in similar[0].url
