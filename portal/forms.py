from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from organisations.models import Municipality

from .filtering import (
    FilterForm,
    county_filter,
    live_support_areas,
    support_area_filter,
    target_group_filter,
)
from .models import (
    ACTOR_KINDS,
    CollaborationForm,
    EvidenceStatus,
    GoodExamplePage,
    GuidancePage,
    Method,
    OtherSupportPage,
    Partner,
    PreventionLevel,
    SupportAreaPage,
    TargetGroup,
)
from .privacy import PrivacyGuardMixin


class GoodExampleFilterForm(FilterForm):
    """The filters of the good-example listing. Values are slugs/codes so URLs stay readable."""

    support_area = support_area_filter()
    prevention_level = forms.ChoiceField(
        label=_("Preventionsnivå"),
        choices=[("", _("Alla nivåer")), *PreventionLevel.choices],
        required=False,
    )
    target_group = target_group_filter()
    county = county_filter()
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
        self.fields["support_area"].queryset = live_support_areas()
        # Only offer target groups, municipalities and tags that some published example has.
        self.fields["target_group"].queryset = TargetGroup.objects.filter(
            good_examples__in=published
        ).distinct()
        self.fields["municipality"].queryset = Municipality.objects.filter(
            good_examples__in=published
        ).distinct()
        tags = Tag.objects.filter(portal_goodexamplepagetag_items__content_object__in=published)
        self.fields["tag"].choices = [("", _("Alla taggar"))] + [
            (slug, name)
            for slug, name in tags.distinct().order_by("name").values_list("slug", "name")
        ]


class GuidanceFilterForm(FilterForm):
    """The target-group filter of a support area's guidance. Every support area offers the
    same groups, those some published guidance concerns, so that a person moving between
    areas keeps their choice; an area without guidance for the group says so."""

    target_group = target_group_filter()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        guidance = GuidancePage.objects.live().public().values("pk")
        self.fields["target_group"].queryset = TargetGroup.objects.filter(
            guidance__in=guidance
        ).distinct()


class MethodFilterForm(FilterForm):
    """The filters of the method listing; target groups are those of the published
    guidance and examples that use some method (portal.services.methods)."""

    target_group = target_group_filter()
    evidence_status = forms.ChoiceField(
        label=_("Kunskapsläge"),
        choices=[("", _("Alla kunskapslägen")), *EvidenceStatus.choices],
        required=False,
    )
    support_area = support_area_filter()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["support_area"].queryset = live_support_areas()
        guidance = GuidancePage.objects.live().public().filter(methods__isnull=False)
        examples = GoodExamplePage.objects.live().public().filter(methods__isnull=False)
        self.fields["target_group"].queryset = TargetGroup.objects.filter(
            Q(guidance__in=guidance.values("pk")) | Q(good_examples__in=examples.values("pk"))
        ).distinct()


class OtherSupportFilterForm(FilterForm):
    """The filters of the other-national-support listing, by slug and code in the URL."""

    support_area = support_area_filter()
    actor_kind = forms.ChoiceField(
        label=_("Slag av aktör"),
        choices=[("", _("Alla slag av aktörer")), *ACTOR_KINDS],
        required=False,
    )
    target_group = target_group_filter()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["support_area"].queryset = live_support_areas()
        # Only offer target groups that some published support concerns.
        published = OtherSupportPage.objects.live().public()
        self.fields["target_group"].queryset = (
            TargetGroup.objects.filter(other_support__in=published).distinct().order_by("name")
        )


class GoodExampleSubmissionForm(PrivacyGuardMixin, forms.Form):
    """What a member tells about their municipality's example. Never about individuals."""

    title = forms.CharField(label=_("Rubrik"), max_length=200)
    summary = forms.CharField(
        label=_("Sammanfattning"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=600,
        help_text=_("Två–tre meningar som visas i listor."),
    )
    problem = forms.CharField(label=_("Problemet"), widget=forms.Textarea(attrs={"rows": 5}))
    what_was_done = forms.CharField(
        label=_("Vad ni gjorde"), widget=forms.Textarea(attrs={"rows": 6})
    )
    partners = forms.MultipleChoiceField(
        label=_("Vilka ni samverkade med"),
        choices=Partner.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    partners_description = forms.CharField(
        label=_("Beskriv gärna vilka som deltog"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    results = forms.CharField(label=_("Resultat"), widget=forms.Textarea(attrs={"rows": 4}))
    lessons = forms.CharField(
        label=_("Lärdomar för andra kommuner"), widget=forms.Textarea(attrs={"rows": 4})
    )
    support_areas = forms.ModelMultipleChoiceField(
        label=_("Stödområden"),
        queryset=SupportAreaPage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    prevention_levels = forms.MultipleChoiceField(
        label=_("Preventionsnivåer"),
        choices=PreventionLevel.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Målgrupper"),
        queryset=TargetGroup.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Vilka barn och unga, eller vilka vuxna runt dem, exemplet riktar sig till."),
    )
    methods = forms.ModelMultipleChoiceField(
        label=_("Metoder"),
        queryset=Method.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    collaboration_forms = forms.ModelMultipleChoiceField(
        label=_("Samverkansformer"),
        queryset=CollaborationForm.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["support_areas"].queryset = (
            SupportAreaPage.objects.live().public().order_by("path")
        )
        this_year = timezone.localdate().year
        self.fields["year"] = forms.IntegerField(
            label=_("År"), min_value=2000, max_value=this_year, initial=this_year
        )
