"""Search learns its documents from the apps: what they register is indexed, rebuilt and
kept up to date, and a renamed snippet is found under its new name on the pages that
show it."""

import ast
from pathlib import Path

import pytest
from django.test import override_settings
from wagtail import hooks

from network.models import MunicipalityProfile, Network
from search import api, registry
from search.backends import get_backend
from search.models import IndexOutbox
from search.registry import SEARCH_DOCUMENTS_HOOK, Document, DocumentKind

from ..factories import (
    ChallengeFactory,
    CollaborationFormFactory,
    GoodExamplePageFactory,
    GuidancePageFactory,
    InformationPageFactory,
    MethodFactory,
    OtherSupportIndexPageFactory,
    OtherSupportPageFactory,
    TargetGroupFactory,
    ThemeFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
)

pytestmark = pytest.mark.django_db

OLD_NAME = "Zebrafinkmodellen"
NEW_NAME = "Kolibrimodellen"


def published(page):
    page.save_revision().publish()
    return page


def found(query):
    return {hit.url for hit in api.search(query, per_page=50).hits}


@pytest.fixture
def showing(committed, support_area, example_index, home_page, kalmar):
    """Make `term` shown where it can be: guidance, a good example, other national support,
    Kalmar's profile, a network and a workshop. Returns the addresses of what shows it."""

    def show(term):
        urls = set()
        with committed():
            if hasattr(term, "guidance"):
                guidance = GuidancePageFactory(parent=support_area, title="Vägledningen")
                getattr(guidance, _field(guidance, term)).set([term])
                urls.add(published(guidance).url)
            if hasattr(term, "good_examples"):
                example = GoodExamplePageFactory(parent=example_index, title="Exemplet")
                getattr(example, _field(example, term)).set([term])
                urls.add(published(example).url)
            if hasattr(term, "other_support"):
                index = OtherSupportIndexPageFactory(parent=home_page)
                support = OtherSupportPageFactory(parent=index, title="Stödet")
                getattr(support, _field(support, term)).set([term])
                urls.add(published(support).url)
            if hasattr(term, "profiles") or type(term).__name__ == "Method":
                profile = MunicipalityProfile.objects.create(municipality=kalmar)
                if hasattr(term, "profiles"):
                    profile.challenges.add(term)
                else:
                    profile.methods_planned.add(term)
                profile.save()
                urls.add(kalmar.get_absolute_url())
            if hasattr(term, "networks"):
                network = Network.objects.create(name="Nätverket", slug="natverket", challenge=term)
                urls.add(network.get_absolute_url())
            if hasattr(term, "workshops") and type(term).__name__ == "Theme":
                index = WorkshopIndexPageFactory(parent=home_page)
                urls.add(WorkshopPageFactory(parent=index, title="Workshoppen", theme=term).url)
        return urls

    return show


def _field(page, term):
    """The page's many-to-many field that holds terms of this kind."""
    return next(
        field.name
        for field in page._meta.get_fields()
        if field.many_to_many and field.related_model is type(term)
    )


SNIPPETS = {
    "target_group": TargetGroupFactory,
    "collaboration_form": CollaborationFormFactory,
    "method": MethodFactory,
    "challenge": ChallengeFactory,
    "theme": ThemeFactory,
}


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_renaming_a_snippet_finds_what_shows_it_by_the_new_name_without_a_rebuild(
    snippet, committed, showing
):
    term = SNIPPETS[snippet](name=OLD_NAME)
    urls = showing(term)
    assert urls
    assert urls <= found(OLD_NAME)

    with committed():
        term.name = NEW_NAME
        term.save()

    assert urls <= found(NEW_NAME)
    assert not urls & found(OLD_NAME)


def test_deleting_a_target_group_takes_its_name_out_of_the_guidance_that_showed_it(
    committed, showing
):
    group = TargetGroupFactory(name=OLD_NAME)
    urls = showing(group)
    assert urls <= found(OLD_NAME)

    with committed():
        group.delete()

    assert not urls & found(OLD_NAME)


def test_the_registry_lists_every_kind_with_its_swedish_label():
    assert {kind: str(label) for kind, label in registry.kind_labels().items()} == {
        "support_area": "Stödområde",
        "guidance": "Vägledning",
        "example": "Gott exempel",
        "other_support": "Annat nationellt stöd",
        "workshop": "Workshop",
        "page": "Sida",
        "method": "Metod",
        "municipality": "Kommun",
        "network": "Nätverk",
        "question": "Fråga och svar",
    }


@override_settings(SEARCH_DRAIN_ON_COMMIT=False)
def test_rebuild_indexes_a_document_of_every_registered_kind(
    committed, home_page, support_area, example_index, kalmar
):
    with committed():
        published(GuidancePageFactory(parent=support_area))
        published(GoodExamplePageFactory(parent=example_index))
        published(InformationPageFactory(parent=home_page))
        published(OtherSupportPageFactory(parent=OtherSupportIndexPageFactory(parent=home_page)))
        WorkshopPageFactory(parent=WorkshopIndexPageFactory(parent=home_page))
        MethodFactory()
        Network.objects.create(name="Nätverket", slug="natverket")
        published_question_answer(home_page, support_area)
    IndexOutbox.objects.all().delete()  # nothing but the rebuild fills the index
    assert list(get_backend().indexed_keys()) == []

    api.rebuild()

    for kind in registry.kind_labels():
        assert api.search("", filters={"kind": kind}).total >= 1, kind


def test_search_page_names_kinds_and_facet_values_as_the_apps_registered_them(
    client, committed, support_area, kalmar, example_index
):
    with committed():
        published(
            GoodExamplePageFactory(
                parent=example_index,
                title="Fältgruppen i Kalmar",
                municipality=kalmar,
                support_areas=[support_area],
                prevention_levels=["selective"],
            )
        )

    response = client.get("/sok/", {"q": "fältgruppen"})

    labels = {
        facet["name"]: [option["label"] for option in facet["options"]]
        for facet in response.context["facets"]
    }
    assert labels["kind"] == ["Gott exempel"]
    assert labels["county"] == [kalmar.county.name]
    assert labels["support_area"] == [support_area.title]
    assert labels["prevention_level"] == ["Selektiv prevention"]
    assert "Gott exempel" in [str(kind) for _hit, kind in response.context["hits"]]


def test_an_app_makes_a_new_kind_searchable_through_the_hook_alone(committed):
    questions = {"1": "Hur når vi vårdnadshavare som inte svarar på kallelser?"}
    kind = DocumentKind(
        "question",
        "Fråga till teamet",
        keys=lambda: [f"question:{pk}" for pk in questions],
        build=lambda pk: Document(f"question:{pk}", "question", questions[pk], "", f"/f/{pk}/"),
    )

    with hooks.register_temporarily(SEARCH_DOCUMENTS_HOOK, lambda: [kind]):
        api.rebuild()
        assert found("vårdnadshavare") == {"/f/1/"}
        assert registry.kind_labels()["question"] == "Fråga till teamet"


def test_search_imports_no_app_but_learns_of_them_through_the_registry():
    search_dir = Path(registry.__file__).parent
    apps = {"portal", "events", "network"}
    imported = set()
    for path in search_dir.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            imported |= {f"{path.name}: {m}" for m in modules if m.split(".")[0] in apps}
    assert imported == set()


def published_question_answer(home_page, support_area):
    """A published question-and-answer page (support app, issue 19)."""
    from support.models import QuestionAnswerIndexPage, QuestionAnswerPage

    index = home_page.add_child(instance=QuestionAnswerIndexPage(title="Frågor", slug="fragor"))
    page = index.add_child(
        instance=QuestionAnswerPage(
            title="En fråga", slug="en-fraga", question="F", answer="S", support_area=support_area
        )
    )
    return published(page)
