"""The API's filters are the listings' own filter forms, bound to the query string.

So `?support_area=...&county=...` means in the API what it means on the site, with the same
values (slugs and codes) and the same queries (the listings' services). A value the form
refuses is a 400 naming the field, rather than a silently wider answer."""

from django import forms
from django.utils.translation import gettext_lazy as _
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError

from portal.filtering import live_support_areas, support_area_filter
from portal.forms import GuidanceFilterForm
from portal.models import Method


class ListingFilter(BaseFilterBackend):
    """Narrows a listing with the view's `filter_form_class` and `filter_listing()`.
    Detail views are not narrowed: an address of one item works whatever the query."""

    def filter_queryset(self, request, queryset, view):
        if view.action != "listing_view" or view.filter_form_class is None:
            return queryset
        form = view.filter_form_class(request.GET)
        if not form.is_valid():
            raise BadRequestError(
                "invalid filter: "
                + "; ".join(
                    f"{name}: {' '.join(str(message) for message in messages)}"
                    for name, messages in form.errors.items()
                )
            )
        return view.filter_listing(queryset, form.active_filters())


class GuidanceApiFilterForm(GuidanceFilterForm):
    """The guidance listing lives on each support area's page, so the API adds the area
    (which page the guidance is under) and, like the other listings, the method."""

    support_area = support_area_filter()
    method = forms.ModelChoiceField(
        label=_("Metod"),
        queryset=Method.objects.all(),
        to_field_name="slug",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["support_area"].queryset = live_support_areas()


def filter_guidance(guidance, *, support_area=None, target_group=None, method=None):
    if support_area is not None:
        guidance = guidance.child_of(support_area)
    if target_group is not None:
        guidance = guidance.filter(target_groups=target_group)
    if method is not None:
        guidance = guidance.filter(methods=method)
    return guidance.distinct()
