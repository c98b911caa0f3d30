"""How search orders what it finds: a kind's weight, derived forms, a synonym group scored
by its best spelling. Documents are written straight into the index (both backends)."""

import pytest
from whoosh import fields
from whoosh.filedb.filestore import RamStorage
from whoosh.query import DisjunctionMax, Term

from search import api
from search.backends import get_backend
from search.backends.whoosh import Best
from search.registry import Document

pytestmark = pytest.mark.django_db


def index(*documents):
    get_backend().rebuild(documents)


def urls(query):
    return [hit.url for hit in api.search(query).hits]


def document(kind, name, title, body):
    return Document(key=f"{kind}:{name}", kind=kind, title=title, body=body, url=f"/{name}/")


def test_guidance_comes_before_a_workshop_on_the_same_words_unless_workshops_are_asked_for(
    backend,
):
    text = "Hur kommunen följer upp sina insatser år för år."
    index(
        document("workshop", "workshoppen", "Uppföljning av insatser", text),
        document("guidance", "vagledningen", "Uppföljning av insatser", text),
    )
    assert urls("uppföljning") == ["/vagledningen/", "/workshoppen/"]
    assert urls("workshop uppföljning")[0] == "/workshoppen/"


def test_a_noun_finds_the_page_that_uses_its_adjective(backend):
    index(
        document("example", "tjejer", "Tjejer i kriminella miljöer", "Ett arbete i Göteborg."),
        document("example", "annat", "Fritidsgårdar på kvällstid", "Ett arbete i Malmö."),
        document("example", "bedoma", "Att bedöma risker", "Ett arbete i Lund."),
    )
    assert urls("kriminalitet") == ["/tjejer/"]
    assert urls("bedömning") == ["/bedoma/"]


def test_what_the_user_typed_outweighs_a_synonym_of_more_words(settings):
    """Whoosh: a term spelled in three words (what "RBM" stands for) counts as one term,
    not three, against the acronym the user typed."""
    settings.SEARCH_BACKEND = "whoosh"
    index(
        document("method", "rbm", "RBM", "En modell för bedömning."),
        document("guidance", "vagledning", "Risk, behov och mottaglighet", "En modell."),
    )
    assert urls("RBM") == ["/rbm/", "/vagledning/"]


def test_best_scores_each_document_by_its_own_best_match():
    """Whoosh's DisjunctionMax scores a document by whatever its other side is at, even
    on another document; Best only by the sides on the document."""
    schema = fields.Schema(key=fields.ID(stored=True), body=fields.TEXT)
    ix = RamStorage().create_index(schema)
    with ix.writer() as writer:
        writer.add_document(key="a", body="alfa")
        writer.add_document(key="b", body="beta beta beta")
    with ix.searcher() as searcher:
        alone = {h["key"]: h.score for h in searcher.search(Term("body", "alfa"))}
        queries = [Term("body", "alfa"), Term("body", "beta", boost=50.0)]
        best = {h["key"]: h.score for h in searcher.search(Best(queries))}
        whooshs = {h["key"]: h.score for h in searcher.search(DisjunctionMax(queries))}
    assert best["a"] == pytest.approx(alone["a"])
    assert best["b"] > best["a"]
    assert whooshs["a"] != pytest.approx(alone["a"])  # the bug Best is there for


def test_a_rare_synonym_in_a_title_does_not_outrank_the_word_typed_in_a_title(settings):
    """Whoosh: the typed word is common and its synonym rare; the page titled with the
    synonym must not come first for being rare."""
    from search.models import Synonym

    settings.SEARCH_BACKEND = "whoosh"
    Synonym.objects.update_or_create(term="kartläggning", defaults={"equivalents": "lägesbild"})
    common = [
        document("example", f"exempel{n}", f"Exempel {n}", "En kartläggning av läget.")
        for n in range(8)
    ]
    index(
        document("guidance", "kartlaggning", "Kartläggning och analys", "Så går det till."),
        document("example", "lagesbild", "Gemensamma lägesbilder", "Så går det till."),
        *common,
    )
    found = urls("kartläggningar")
    assert found[0] == "/kartlaggning/"
    assert "/lagesbild/" in found  # still found through the synonym


def test_a_word_in_a_compound_of_a_title_comes_before_the_word_once_in_a_body(settings):
    """Whoosh: "psykiatri" finds first the page titled with "barn- och
    ungdomspsykiatrin", not the page that mentions psykiatri in passing."""
    settings.SEARCH_BACKEND = "whoosh"
    index(
        document(
            "guidance",
            "bup",
            "Samverkan med barn- och ungdomspsykiatrin",
            "Hur socialtjänsten och regionen kommer överens om arbetet i mellanrummen.",
        ),
        document("method", "rbm", "RBM-modellen", "Kan användas i samverkan med psykiatri."),
        document("example", "unga", "Ungdom och fritid", "Om ungdomar på fritidsgården."),
    )
    assert urls("psykiatri")[0] == "/bup/"


def test_a_short_word_that_begins_a_compound_of_a_title_finds_that_page_first(settings):
    """Whoosh: "våld" finds first the page titled with "våldsprevention", before a
    shorter page that only mentions it."""
    settings.SEARCH_BACKEND = "whoosh"
    index(
        document(
            "method",
            "mvp",
            "Mentorer i våldsprevention",
            "Ett program för elever på högstadiet och gymnasiet.",
        ),
        document("example", "skolan", "Skolan", "Våldsprevention."),
    )
    assert urls("våld")[0] == "/mvp/"


def test_a_compound_found_in_a_longer_compound_comes_before_its_parts_found_apart(settings):
    """Whoosh: "riskbedömning" finds first the page with "riskbedömningsinstrument",
    before a page that has "bedömning" and "risk" apart."""
    settings.SEARCH_BACKEND = "whoosh"
    index(
        document(
            "example",
            "instrument",
            "Medel för instrumentutbildning",
            "Kommunen utbildade medarbetare i ett riskbedömningsinstrument.",
        ),
        document("method", "risk", "Om unga", "En bedömning av risk och skydd hos unga."),
    )
    assert urls("riskbedömning")[0] == "/instrument/"
