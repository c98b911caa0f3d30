from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from network.models import County, Municipality

from .models import GoodExamplePage, Method, PreventionLevel, SupportAreaPage


class GoodExampleFilterForm(forms.Form):
    """The filters of the good-example listing. Values are slugs/codes so URLs stay readable."""

    support_area = forms.ModelChoiceField(
        label=_("Stödområde"),
        queryset=SupportAreaPage.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla stödområden"),
    )
    prevention_level = forms.ChoiceField(
        label=_("Preventionsnivå"),
        choices=[("", _("Alla nivåer")), *PreventionLevel.choices],
        required=False,
    )
    county = forms.ModelChoiceField(
        label=_("Län"),
        queryset=County.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("Alla län"),
    )
    municipality = forms.ModelChoiceField(
        label=_("Kommun"),
        queryset=Municipality.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla kommuner"),
    )
    method = forms.ModelChoiceField(
        label=_("Metod"),
        queryset=Method.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla metoder"),
    )
    tag = forms.ChoiceField(label=_("Tagg"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        published = GoodExamplePage.objects.live().public()
        self.fields["support_area"].queryset = (
            SupportAreaPage.objects.live().public().order_by("path")
        )
        # Only offer municipalities and tags that some published example has.
        self.fields["municipality"].queryset = Municipality.objects.filter(
            good_examples__in=published
        ).distinct()
        tags = Tag.objects.filter(portal_goodexamplepagetag_items__content_object__in=published)
        self.fields["tag"].choices = [("", _("Alla taggar"))] + [
            (slug, name)
            for slug, name in tags.distinct().order_by("name").values_list("slug", "name")
        ]

    def active_filters(self):
        """The valid, non-empty filters; a field with an invalid value counts as not set."""
        cleaned = getattr(self, "cleaned_data", {})
        return {name: value for name, value in cleaned.items() if value not in (None, "")}

    @property
    def has_filters(self):
        return bool(self.active_filters())
