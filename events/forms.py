import re

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from portal.filtering import FilterForm, county_filter, live_support_areas, support_area_filter
from portal.privacy import PrivacyGuardMixin

from .models import Feedback, FollowUpAnswer, WorkshopFormat


class WorkshopFilterForm(FilterForm):
    support_area = support_area_filter()
    format = forms.ChoiceField(
        label=_("Genomförande"),
        choices=[("", _("Alla sätt")), *WorkshopFormat.choices],
        required=False,
    )
    county = county_filter()
    month = forms.CharField(
        label=_("Månad"),
        required=False,
        help_text=_("År och månad, t.ex. 2026-03."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "ÅÅÅÅ-MM"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["support_area"].queryset = live_support_areas()

    def clean_month(self):
        value = self.cleaned_data["month"].strip()
        if not value:
            return None
        match = re.fullmatch(r"(\d{4})-(\d{1,2})", value)
        if not match or not 1 <= int(match[2]) <= 12:
            raise forms.ValidationError(_("Skriv månaden som år och månad, t.ex. 2026-03."))
        return int(match[1]), int(match[2])


class TeamRegistrationForm(forms.Form):
    occasion = forms.TypedChoiceField(
        label=_("Tillfälle"),
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    colleagues = forms.ModelMultipleChoiceField(
        label=_("Kollegor att anmäla"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Välj minst en kollega.")},
    )

    def __init__(self, colleagues, occasions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.occasions = {occasion.pk: occasion for occasion in occasions}
        self.fields["occasion"].choices = [
            (occasion.pk, occasion_label(occasion)) for occasion in occasions
        ]
        if len(occasions) == 1:
            self.fields["occasion"].initial = occasions[0].pk
        self.fields["colleagues"].queryset = colleagues
        self.fields["colleagues"].label_from_instance = lambda user: (
            user.get_full_name() or user.email
        )

    def clean_occasion(self):
        """The chosen occasion; a workshop with one date needs no choice."""
        chosen = self.cleaned_data["occasion"]
        if chosen in self.occasions:
            return self.occasions[chosen]
        if len(self.occasions) == 1:
            return next(iter(self.occasions.values()))
        raise forms.ValidationError(_("Välj ett tillfälle."))


def occasion_label(occasion):
    """'3 mars 2026, 09:00–12:00, Växjö' for a choice between occasions."""
    sessions = occasion.session_times
    if not sessions:
        return "–"
    first, last = (
        timezone.localtime(sessions[0].starts_at),
        timezone.localtime(sessions[-1].ends_at),
    )
    when = f"{date_format(first, 'j F Y, H:i')}–{date_format(last, 'H:i')}"
    if len(sessions) > 1:
        when += " " + _("(%(count)s pass)") % {"count": len(sessions)}
    return f"{when}, {occasion.place}" if occasion.place else when


class FeedbackForm(PrivacyGuardMixin, forms.ModelForm):
    would_recommend = forms.TypedChoiceField(
        label=_("Skulle du rekommendera den till en kollega?"),
        choices=[("ja", _("Ja")), ("nej", _("Nej"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Feedback
        fields = ["usefulness", "concreteness", "would_recommend", "next_steps", "comment"]
        labels = {
            "usefulness": _(
                "Hur användbar var workshoppen för ditt arbete? (1 = inte alls, 5 = mycket)"
            ),
            "concreteness": _("Hur konkret var den? (1 = inte alls, 5 = mycket)"),
            "next_steps": _("Vad ska du göra härnäst, utifrån workshoppen?"),
            "comment": _("Övriga synpunkter"),
        }
        widgets = {
            "usefulness": forms.RadioSelect,
            "concreteness": forms.RadioSelect,
            "next_steps": forms.Textarea(attrs={"rows": 3}),
            "comment": forms.Textarea(attrs={"rows": 3}),
        }


class FollowUpAnswerForm(PrivacyGuardMixin, forms.ModelForm):
    class Meta:
        model = FollowUpAnswer
        fields = ["in_practice", "what", "obstacles"]
        widgets = {
            "in_practice": forms.RadioSelect,
            "what": forms.Textarea(attrs={"rows": 3}),
            "obstacles": forms.Textarea(attrs={"rows": 3}),
        }


class OccasionMessageForm(PrivacyGuardMixin, forms.Form):
    """An editor's message to everyone registered for one occasion."""

    subject = forms.CharField(label=_("Ämne"), max_length=150)
    body = forms.CharField(label=_("Meddelande"), widget=forms.Textarea(attrs={"rows": 8}))


class CopyWorkshopForm(forms.Form):
    """The new dates of a copy: the first occasion's first day; the others keep their
    distance from it, and the registration window moves as much."""

    first_day = forms.DateField(
        label=_("Nytt datum för första tillfället"),
        help_text=_("ÅÅÅÅ-MM-DD. Övriga tillfällen och anmälningstiden flyttas lika mycket."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
