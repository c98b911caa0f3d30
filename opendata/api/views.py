"""The endpoints of the read-only API (Wagtail's API v2), one per kind of public content.

Every endpoint lists only what a visitor who is not signed in can read: live pages outside
any view restriction, on the requested site, whoever asks (a signed-in session or a
password cookie for a private page changes nothing here). Each names its fields itself, so
a field added to a model later is not exposed until someone adds it here."""

from rest_framework.permissions import AllowAny
from wagtail.api import APIField
from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.utils import BadRequestError, parse_boolean
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import Page, Site

from events.forms import WorkshopFilterForm
from events.models import WorkshopFormat, WorkshopPage
from events.services.listing import filter_workshops
from organisations.models import Organisation
from portal.forms import GoodExampleFilterForm, MethodFilterForm
from portal.models import (
    EvidenceStatus,
    GoodExamplePage,
    GuidancePage,
    Method,
    MethodKind,
    Partner,
    PreventionLevel,
    SupportAreaPage,
    SupportFormat,
)
from portal.services.examples import filter_good_examples
from portal.services.methods import filter_methods

from . import fields
from .filters import GuidanceApiFilterForm, ListingFilter, filter_guidance
from .throttling import ClientAddressRateThrottle

# ?format= is the workshop listing's filter, so not REST framework's renderer choice
# (URL_FORMAT_OVERRIDE is off in the settings: the API speaks JSON only).
PAGING = frozenset(["limit", "offset", "fields", "order", "rich_text_format"])


class PublicAPIMixin:
    """Anonymous, throttled, filtered by the listing's form; unknown parameters are 400."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [ClientAddressRateThrottle]
    filter_backends = [ListingFilter, OrderingFilter]
    filter_form_class = None

    def filter_listing(self, queryset, filters):
        return queryset

    def finalize_response(self, request, response, *args, **kwargs):
        """Any site may read the API from a browser: it is public and takes no cookies."""
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    def check_query_parameters(self, queryset):
        allowed = set(self.known_query_parameters)
        if self.filter_form_class is not None:
            allowed |= set(self.filter_form_class.base_fields)
        unknown = set(self.request.GET) - allowed
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a filter: " + ", ".join(sorted(unknown))
            )


class PublicPagesViewSet(PublicAPIMixin, PagesAPIViewSet):
    """One page type; `page_model` and the fields are set by each endpoint."""

    known_query_parameters = PAGING
    find_query_parameters = frozenset(["id", "html_path"])
    # Wagtail's page meta fields, less alias_of (it could name a private page).
    meta_fields = [
        "type",
        "detail_url",
        "html_url",
        "slug",
        "seo_title",
        "search_description",
        "first_published_at",
        "last_published_at",
        "parent",
    ]
    listing_default_fields = [
        "id",
        "type",
        "detail_url",
        "html_url",
        "slug",
        "first_published_at",
        "title",
        "summary",
    ]

    @classmethod
    def get_detail_default_fields(cls, model):
        return cls.get_available_fields(model)  # (Wagtail's removes "locale", not offered)

    def get_base_queryset(self):
        """Live, public pages of the requested site (also the `parent` field's test)."""
        site = Site.find_for_request(self.request)
        if site is None:
            return Page.objects.none()
        return Page.objects.live().public().descendant_of(site.root_page, inclusive=True)

    def get_queryset(self):
        site = Site.find_for_request(self.request)
        pages = self.page_queryset()
        if site is None:
            return pages.none()
        return pages.live().public().descendant_of(site.root_page)

    def page_queryset(self):
        return self.model.objects.all()


class GuidanceViewSet(PublicPagesViewSet):
    name = "guidance"
    model = GuidancePage
    filter_form_class = GuidanceApiFilterForm
    body_fields = PagesAPIViewSet.body_fields + [
        "summary",
        "body",
        APIField("support_area", serializer=fields.PagesField(many=False, source="get_parent")),
        APIField("prevention_levels", serializer=fields.ChoicesField(PreventionLevel.choices)),
        APIField("target_groups", serializer=fields.TermsField()),
        APIField("partners", serializer=fields.ChoicesField(Partner.choices)),
        APIField("collaboration_forms", serializer=fields.TermsField()),
        APIField("methods", serializer=fields.MethodsField()),
        "tags",
        "last_reviewed",
    ]
    listing_default_fields = PublicPagesViewSet.listing_default_fields + [
        "support_area",
        "target_groups",
        "last_reviewed",
    ]

    def page_queryset(self):
        return GuidancePage.objects.order_by("path").prefetch_related(
            "target_groups", "methods", "collaboration_forms"
        )

    def filter_listing(self, queryset, filters):
        return filter_guidance(queryset, **filters)


class GoodExampleViewSet(PublicPagesViewSet):
    name = "good-examples"
    model = GoodExamplePage
    filter_form_class = GoodExampleFilterForm
    body_fields = PagesAPIViewSet.body_fields + [
        APIField("municipality", serializer=fields.MunicipalityField()),
        "unnamed_municipality",
        APIField("other_organisations", serializer=fields.OrganisationsField()),
        "year",
        "summary",
        "problem",
        "what_was_done",
        APIField("partners", serializer=fields.ChoicesField(Partner.choices)),
        "partners_description",
        "results",
        "lessons",
        APIField("support_areas", serializer=fields.PagesField()),
        APIField("prevention_levels", serializer=fields.ChoicesField(PreventionLevel.choices)),
        APIField("target_groups", serializer=fields.TermsField()),
        APIField("methods", serializer=fields.MethodsField()),
        APIField("collaboration_forms", serializer=fields.TermsField()),
        "tags",
    ]
    listing_default_fields = PublicPagesViewSet.listing_default_fields + [
        "municipality",
        "unnamed_municipality",
        "year",
        "support_areas",
        "prevention_levels",
    ]

    def page_queryset(self):
        # The listing's own order and joins: newest year first.
        return GoodExamplePage.objects.for_listing().prefetch_related(
            "target_groups", "methods", "collaboration_forms"
        )

    def filter_listing(self, queryset, filters):
        return filter_good_examples(queryset, **filters)


class SupportAreaViewSet(PublicPagesViewSet):
    name = "support-areas"
    model = SupportAreaPage
    body_fields = PagesAPIViewSet.body_fields + [
        "summary",
        APIField("support_formats", serializer=fields.ChoicesField(SupportFormat.choices)),
        "body",
        APIField("methods", serializer=fields.MethodsField()),
        APIField("collaboration_forms", serializer=fields.TermsField()),
    ]
    listing_default_fields = PublicPagesViewSet.listing_default_fields + ["support_formats"]

    def page_queryset(self):
        return SupportAreaPage.objects.order_by("path")


class WorkshopViewSet(PublicPagesViewSet):
    """Workshops: what, when, where and for whom. No meeting link, seats, caps or
    registrations: those belong to the people who signed up and to the team."""

    name = "workshops"
    model = WorkshopPage
    known_query_parameters = PAGING | {"past"}
    filter_form_class = WorkshopFilterForm
    body_fields = PagesAPIViewSet.body_fields + [
        "summary",
        "target_audience",
        "body",
        APIField("format", serializer=fields.ChoiceField(WorkshopFormat.choices)),
        APIField("theme", serializer=fields.TermsField(many=False)),
        APIField("support_area", serializer=fields.PagesField(many=False)),
        APIField("methods", serializer=fields.MethodsField()),
        APIField("open_to", serializer=fields.ChoicesField(Organisation.Kind.choices)),
        "registration_opens",
        "registration_closes",
        APIField("occasions", serializer=fields.OccasionsField()),
    ]
    listing_default_fields = PublicPagesViewSet.listing_default_fields + [
        "format",
        "theme",
        "support_area",
        "occasions",
    ]

    def page_queryset(self):
        return (
            WorkshopPage.objects.order_by("path")
            .select_related("theme", "support_area")
            .prefetch_related("methods")
        )

    def filter_listing(self, queryset, filters):
        """Upcoming workshops soonest first, as the listing; `?past=true` the past ones."""
        try:
            past = parse_boolean(self.request.GET.get("past", "false"))
        except ValueError as error:
            raise BadRequestError("past must be true or false") from error
        return filter_workshops(queryset, past=past, **filters)


class MethodViewSet(PublicAPIMixin, BaseAPIViewSet):
    """Methods are snippets without drafts: every one is public, as on /metoder/."""

    name = "methods"
    model = Method
    filter_form_class = MethodFilterForm
    known_query_parameters = PAGING
    body_fields = BaseAPIViewSet.body_fields + [
        "name",
        "abbreviation",
        "slug",
        APIField("kind", serializer=fields.ChoiceField(MethodKind.choices)),
        "summary",
        "body",
        APIField("evidence_status", serializer=fields.ChoiceField(EvidenceStatus.choices)),
        "training_and_licences",
        APIField("html_url", serializer=fields.AbsoluteUrlField()),
    ]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "name",
        "abbreviation",
        "slug",
        "kind",
        "summary",
        "evidence_status",
        "html_url",
    ]

    def get_queryset(self):
        return Method.objects.order_by("name")

    def filter_listing(self, queryset, filters):
        return filter_methods(queryset, **filters)
