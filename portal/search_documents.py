"""What the knowledge base makes searchable: its pages and methods (registered with
search in wagtail_hooks.py). A document holds the public text its page shows, including
the names of what it links to (methods, collaboration forms, target groups, support
areas, organisations) and the labels of its fixed choices, so a change to a linked
snippet or page re-indexes the documents that show it (`depends_on`)."""

from datetime import datetime, time

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import County, Municipality, Organisation
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
    OtherSupportPage,
    PreventionLevel,
    SupportAreaPage,
    TargetGroup,
)


def _names(terms):
    return ", ".join(term.name for term in terms.all())


def _labels(page, field):
    """The labels of a multiple choice field, as the page shows them."""
    return getattr(page, f"get_{field}_display")() if getattr(page, field) else ""


def _slugs(terms):
    return sorted(term.slug for term in terms.all())


def _terms(page):
    """The tags, methods and collaboration forms a guidance or example page names."""
    forms = ", ".join(form.label for form in page.collaboration_forms.all())
    return text(_names(page.tags), _names(page.methods), forms)


def support_area_document(page):
    # Not the titles of the guidance it lists: each guidance page is found by its own
    # document, and its title here too would bring the support area up beside it.
    return Document(
        page_key(page),
        "support_area",
        page.title,
        text(
            page.summary,
            _labels(page, "support_formats"),
            stream_text(page.body),
            *(f"{method.name} – {method.summary}" for method in page.methods.all()),
            *(
                f"{form.label} – {form.description}" if form.description else form.label
                for form in page.collaboration_forms.all()
            ),
        ),
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
            area.title,
            _labels(page, "prevention_levels"),
            _names(page.target_groups),
            _labels(page, "partners"),
            _terms(page),
        ),
        page_url(page),
        support_areas=[area.slug],
        prevention_levels=list(page.prevention_levels or []),
        target_groups=_slugs(page.target_groups),
        methods=_slugs(page.methods),
        year=page.last_reviewed.year,
        date=timezone.make_aware(datetime.combine(page.last_reviewed, time(12))),
    )


def good_example_document(page):
    municipality = page.municipality
    areas = list(page.support_areas.live().public().order_by("path"))
    return Document(
        page_key(page),
        "example",
        page.title,
        text(
            page.summary,
            page.municipality_label,
            municipality.county.name if municipality else "",
            ", ".join(
                f"{organisation.name} ({organisation.get_kind_display().lower()})"
                for organisation in page.other_organisations.all()
            ),
            page.problem,
            page.what_was_done,
            _labels(page, "partners"),
            page.partners_description,
            page.results,
            page.lessons,
            ", ".join(area.title for area in areas),
            _labels(page, "prevention_levels"),
            _names(page.target_groups),
            _terms(page),
        ),
        page_url(page),
        support_areas=[area.slug for area in page.support_areas.all()],
        prevention_levels=list(page.prevention_levels or []),
        target_groups=_slugs(page.target_groups),
        methods=_slugs(page.methods),
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


def other_support_document(page):
    areas = list(page.support_areas.live().public().order_by("path"))
    return Document(
        page_key(page),
        "other_support",
        page.title,
        text(
            page.summary,
            f"{page.actor_name} ({page.get_actor_kind_display().lower()})",
            page.audience,
            stream_text(page.body),
            page.how_to_get,
            _names(page.target_groups),
            ", ".join(area.title for area in areas),
        ),
        page_url(page),
        support_areas=[area.slug for area in areas],
        target_groups=_slugs(page.target_groups),
        date=page.last_published_at,
    )


def method_document(identifier):
    method = Method.objects.filter(pk=identifier).first()
    if method is None:
        return None
    areas = method.support_areas.live().public().order_by("path")
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
            ", ".join(areas.values_list("title", flat=True)),
        ),
        method.get_absolute_url(),
        target_groups=sorted(_method_target_groups(method)),
        methods=[method.slug],
    )


def _method_target_groups(method):
    """As the method listing has it (portal.services.methods): the target groups of the
    published guidance and good examples that use the method."""
    guidance = GuidancePage.objects.live().public().filter(methods=method).values("pk")
    examples = GoodExamplePage.objects.live().public().filter(methods=method).values("pk")
    return set(
        TargetGroup.objects.filter(
            Q(guidance__in=guidance) | Q(good_examples__in=examples)
        ).values_list("slug", flat=True)
    )


def _methods_of(page):
    """Keys of the methods a support area, guidance or example page links to: those it
    linked to before this save (still in the database while post_save runs) and those it
    links to now."""
    related = {
        SupportAreaPage: "support_areas",
        GuidancePage: "guidance",
        GoodExamplePage: "good_examples",
    }[type(page)]
    linked = set(Method.objects.filter(**{related: page}).values_list("pk", flat=True))
    linked |= {method.pk for method in page.methods.all()}
    return [f"method:{pk}" for pk in sorted(linked)]


def _methods_for_group(group):
    """Keys of the methods whose target groups a target group's slug appears in."""
    methods = Method.objects.filter(
        Q(guidance__target_groups=group) | Q(good_examples__target_groups=group)
    )
    return [f"method:{pk}" for pk in methods.distinct().values_list("pk", flat=True)]


def search_documents():
    return [
        PageKind(
            "support_area",
            _("Stödområde"),
            SupportAreaPage,
            support_area_document,
            depends_on={
                Method: lambda method: page_keys(method.support_areas.all()),
                CollaborationForm: lambda form: page_keys(form.support_areas.all()),
            },
        ),
        PageKind(
            "guidance",
            _("Vägledning"),
            GuidancePage,
            guidance_document,
            depends_on={
                Method: lambda method: page_keys(method.guidance.all()),
                CollaborationForm: lambda form: page_keys(form.guidance.all()),
                TargetGroup: lambda group: page_keys(group.guidance.all()),
                SupportAreaPage: lambda area: page_keys(GuidancePage.objects.child_of(area)),
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
                TargetGroup: lambda group: page_keys(group.good_examples.all()),
                Organisation: lambda organisation: page_keys(organisation.good_examples.all()),
                Municipality: lambda municipality: page_keys(municipality.good_examples.all()),
                County: lambda county: page_keys(
                    GoodExamplePage.objects.filter(municipality__county=county)
                ),
                SupportAreaPage: lambda area: page_keys(area.good_examples.all()),
            },
        ),
        PageKind(
            "other_support",
            _("Annat nationellt stöd"),
            OtherSupportPage,
            other_support_document,
            depends_on={
                TargetGroup: lambda group: page_keys(group.other_support.all()),
                SupportAreaPage: lambda area: page_keys(area.other_support.all()),
            },
        ),
        PageKind("page", _("Sida"), InformationPage, information_document),
        DocumentKind(
            "method",
            _("Metod"),
            keys=lambda: (f"method:{pk}" for pk in Method.objects.values_list("pk", flat=True)),
            build=method_document,
            models={Method: lambda method: [f"method:{method.pk}"]},
            depends_on={
                SupportAreaPage: _methods_of,
                GuidancePage: _methods_of,
                GoodExamplePage: _methods_of,
                TargetGroup: _methods_for_group,
            },
        ),
        FacetLabels(
            "support_area", lambda: dict(SupportAreaPage.objects.values_list("slug", "title"))
        ),
        FacetLabels("prevention_level", lambda: dict(PreventionLevel.choices)),
        FacetLabels("target_group", lambda: dict(TargetGroup.objects.values_list("slug", "name"))),
        FacetLabels("method", lambda: dict(Method.objects.values_list("slug", "name"))),
    ]
