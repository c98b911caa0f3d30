"""What the knowledge base makes searchable: its pages and methods (registered with
search in wagtail_hooks.py). A page's document names the methods, collaboration forms
and target groups it shows, so a change to one of those re-indexes the pages."""

from datetime import datetime, time

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from search.registry import (
    Document,
    DocumentKind,
    FacetLabels,
    PageKind,
    page_key,
    page_keys,
    page_url,
    stream_text,
    text,
)

from .models import (
    CollaborationForm,
    GoodExamplePage,
    GuidancePage,
    InformationPage,
    Method,
    PreventionLevel,
    SupportAreaPage,
    TargetGroup,
)


def _names(terms):
    return " ".join(term.name for term in terms.all())


def _terms(page):
    """The tags, methods and collaboration forms a guidance or example page names."""
    forms = " ".join(form.label for form in page.collaboration_forms.all())
    return text(_names(page.tags), _names(page.methods), forms)


def support_area_document(page):
    return Document(
        page_key(page),
        "support_area",
        page.title,
        text(page.summary, stream_text(page.body)),
        page_url(page),
        support_areas=[page.slug],
        date=page.last_published_at,
    )


def guidance_document(page):
    area = page.get_parent().specific
    return Document(
        page_key(page),
        "guidance",
        page.title,
        text(
            page.summary,
            stream_text(page.body),
            _terms(page),
            _names(page.target_groups),
        ),
        page_url(page),
        support_areas=[area.slug],
        prevention_levels=list(page.prevention_levels or []),
        year=page.last_reviewed.year,
        date=timezone.make_aware(datetime.combine(page.last_reviewed, time(12))),
    )


def good_example_document(page):
    municipality = page.municipality
    return Document(
        page_key(page),
        "example",
        page.title,
        text(
            page.summary,
            page.municipality_label,
            _names(page.other_organisations),
            page.problem,
            page.what_was_done,
            page.partners_description,
            page.results,
            page.lessons,
            _terms(page),
        ),
        page_url(page),
        support_areas=[area.slug for area in page.support_areas.all()],
        prevention_levels=list(page.prevention_levels or []),
        county=municipality.county_id if municipality else "",
        year=page.year,
        date=page.last_published_at,
    )


def information_document(page):
    return Document(
        page_key(page),
        "page",
        page.title,
        text(page.intro, stream_text(page.body)),
        page_url(page),
        date=page.last_published_at,
    )


def method_document(identifier):
    method = Method.objects.filter(pk=identifier).first()
    if method is None:
        return None
    return Document(
        f"method:{method.pk}",
        "method",
        method.name,
        text(
            method.abbreviation,
            method.summary,
            method.body,
            method.training_and_licences,
            method.get_kind_display(),
            method.get_evidence_status_display(),
        ),
        method.get_absolute_url(),
    )


def search_documents():
    return [
        PageKind("support_area", _("Stödområde"), SupportAreaPage, support_area_document),
        PageKind(
            "guidance",
            _("Vägledning"),
            GuidancePage,
            guidance_document,
            depends_on={
                Method: lambda method: page_keys(method.guidance.all()),
                CollaborationForm: lambda form: page_keys(form.guidance.all()),
                TargetGroup: lambda group: page_keys(group.guidance.all()),
            },
        ),
        PageKind(
            "example",
            _("Gott exempel"),
            GoodExamplePage,
            good_example_document,
            depends_on={
                Method: lambda method: page_keys(method.good_examples.all()),
                CollaborationForm: lambda form: page_keys(form.good_examples.all()),
                Organisation: lambda organisation: page_keys(organisation.good_examples.all()),
            },
        ),
        PageKind("page", _("Sida"), InformationPage, information_document),
        DocumentKind(
            "method",
            _("Metod"),
            keys=lambda: (f"method:{pk}" for pk in Method.objects.values_list("pk", flat=True)),
            build=method_document,
            models={Method: lambda method: [f"method:{method.pk}"]},
        ),
        FacetLabels(
            "support_area", lambda: dict(SupportAreaPage.objects.values_list("slug", "title"))
        ),
        FacetLabels("prevention_level", lambda: dict(PreventionLevel.choices)),
    ]
