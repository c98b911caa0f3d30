"""Filter forms for listings: optional GET filters kept in the URL.

A value that is not valid is reported next to its field and otherwise ignored, so the
listing still answers with the other filters applied. Text filters go through the privacy
guard like every other form."""

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from organisations.models import County

from .privacy import PrivacyGuardMixin


class FilterForm(PrivacyGuardMixin, forms.Form):
    @classmethod
    def from_query(cls, request, **kwargs):
        """The form bound to the URL's query string; invalid values get their message."""
        form = cls(request.GET or None, **kwargs)
        if form.is_bound:
            form.is_valid()
        return form

    def active_filters(self):
        """The valid, non-empty filters; a field with an invalid value counts as not set."""
        cleaned = getattr(self, "cleaned_data", {})
        return {name: value for name, value in cleaned.items() if value not in (None, "", False)}

    @property
    def has_filters(self):
        return bool(self.active_filters())


def county_filter():
    return forms.ModelChoiceField(
        label=_("Län"),
        queryset=County.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("Alla län"),
    )


def support_area_filter():
    """Filled with the live support areas in the form's __init__ (pages change)."""
    from portal.models import SupportAreaPage

    return forms.ModelChoiceField(
        label=_("Stödområde"),
        queryset=SupportAreaPage.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla stödområden"),
    )


def target_group_filter():
    """Filled in the form's __init__ with the target groups the listing's items have."""
    from portal.models import TargetGroup

    return forms.ModelChoiceField(
        label=_("Målgrupp"),
        queryset=TargetGroup.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla målgrupper"),
    )


def live_support_areas():
    from portal.models import SupportAreaPage

    return SupportAreaPage.objects.live().public().order_by("path")


def page_of(request, items, per_page=None):
    """The page of items named by ?sida= (the last one if out of range)."""
    paginator = Paginator(items, per_page or settings.PORTAL_EXAMPLES_PER_PAGE)
    return paginator.get_page(request.GET.get("sida"))
