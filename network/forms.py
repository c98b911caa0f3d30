from django import forms
from django.utils.translation import gettext_lazy as _

from portal.filtering import FilterForm, county_filter
from portal.models import Challenge, CollaborationForm, Method, SupportAreaPage
from portal.privacy import PrivacyGuardMixin

from .models import MunicipalityProfile


def _checkboxes(queryset, label):
    return forms.ModelMultipleChoiceField(
        queryset=queryset, label=label, required=False, widget=forms.CheckboxSelectMultiple
    )


class ProfileForm(PrivacyGuardMixin, forms.ModelForm):
    class Meta:
        model = MunicipalityProfile
        fields = [
            "looking_for_peers",
            "challenges",
            "ongoing_work",
            "methods_in_use",
            "methods_planned",
            "collaboration_forms_in_use",
            "collaboration_forms_planned",
            "wants_to_learn",
        ]
        widgets = {"ongoing_work": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "ongoing_work": _(
                "Vad ni utvecklar just nu. Skriv om verksamheten, aldrig om enskilda."
            ),
            "looking_for_peers": _("Då kan andra kommuner få förslag om att kontakta er."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        methods, forms_ = (
            Method.objects.order_by("name"),
            CollaborationForm.objects.order_by("name"),
        )
        self.fields["challenges"] = _checkboxes(Challenge.objects.order_by("name"), _("Utmaningar"))
        self.fields["methods_in_use"] = _checkboxes(methods, _("Metoder vi använder"))
        self.fields["methods_planned"] = _checkboxes(methods, _("Metoder vi ska starta"))
        self.fields["collaboration_forms_in_use"] = _checkboxes(
            forms_, _("Samverkansformer vi använder")
        )
        self.fields["collaboration_forms_planned"] = _checkboxes(
            forms_, _("Samverkansformer vi ska starta")
        )
        self.fields["wants_to_learn"] = _checkboxes(
            SupportAreaPage.objects.live().order_by("path"), _("Vi vill lära oss mer om")
        )

    def clean(self):
        cleaned = super().clean()
        for in_use, planned in [
            ("methods_in_use", "methods_planned"),
            ("collaboration_forms_in_use", "collaboration_forms_planned"),
        ]:
            both = set(cleaned.get(in_use) or []) & set(cleaned.get(planned) or [])
            if both:
                self.add_error(
                    planned,
                    _("%(names)s kan inte både användas och planeras. Välj det ena.")
                    % {"names": ", ".join(str(item) for item in both)},
                )
        return cleaned


class MunicipalitySearchForm(FilterForm):
    challenge = forms.ModelChoiceField(
        label=_("Utmaning"),
        queryset=Challenge.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla utmaningar"),
    )
    method = forms.ModelChoiceField(
        label=_("Metod i bruk eller planerad"),
        queryset=Method.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla metoder"),
    )
    county = county_filter()
    looking = forms.BooleanField(label=_("Bara kommuner som söker utbyte"), required=False)


class ThreadForm(PrivacyGuardMixin, forms.Form):
    title = forms.CharField(label=_("Rubrik"), max_length=200)
    body = forms.CharField(label=_("Inlägg"), widget=forms.Textarea(attrs={"rows": 5}))


class PostForm(PrivacyGuardMixin, forms.Form):
    body = forms.CharField(label=_("Svar"), widget=forms.Textarea(attrs={"rows": 4}))


class ReasonForm(PrivacyGuardMixin, forms.Form):
    reason = forms.CharField(label=_("Skäl"), max_length=300)


class ContactForm(PrivacyGuardMixin, forms.Form):
    subject = forms.CharField(label=_("Ämne"), max_length=150)
    message = forms.CharField(
        label=_("Meddelande"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Skriv om verksamheten och ert arbete – aldrig om enskilda barn eller klienter."
        ),
    )

    def clean_subject(self):
        # One line, whatever was pasted: it becomes the email's subject.
        return " ".join(self.cleaned_data["subject"].split())
