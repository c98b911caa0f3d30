from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from portal.accounts.forms import OrganisationChoiceField
from portal.filtering import FilterForm, county_filter
from portal.models import Challenge, CollaborationForm, Method, SupportAreaPage
from portal.privacy import PrivacyGuardMixin

from .models import DigestSubscription, MunicipalityProfile
from .services.networks.proposals import ProposalError, check_invitees, check_name


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


class PostEditForm(PrivacyGuardMixin, forms.Form):
    """The author's own post; with the thread's title when it is the opening post of a
    thread they started."""

    title = forms.CharField(label=_("Trådens rubrik"), max_length=200)
    body = forms.CharField(label=_("Inlägg"), widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, with_title=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_title:
            del self.fields["title"]


class EmailChoiceForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("E-post om diskussionen"),
        choices=DigestSubscription.Mode.choices,
        widget=forms.RadioSelect,
        help_text=_("Du får aldrig mejl om dina egna inlägg."),
    )


class OrganisationsChoiceField(forms.ModelMultipleChoiceField):
    """Several organisations, grouped by kind, as the membership request lists them."""

    iterator = OrganisationChoiceField.iterator
    label_from_instance = OrganisationChoiceField.label_from_instance


class ProposalForm(PrivacyGuardMixin, forms.Form):
    """A coordinator proposes a network: name, challenge, purpose and whom to invite, first
    of all the peers matching suggests (`suggestions`: [(organisation, reasons), ...])."""

    name = forms.CharField(label=_("Nätverkets namn"), max_length=150)
    challenge = forms.ModelChoiceField(
        label=_("Gemensam utmaning"),
        queryset=Challenge.objects.order_by("name"),
        required=False,
        empty_label=_("Ingen särskild utmaning"),
    )
    purpose = forms.CharField(
        label=_("Syfte"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Vad ni vill göra och lära er tillsammans. Skriv om verksamheten, aldrig om enskilda."
        ),
    )
    suggested = forms.ModelMultipleChoiceField(
        label=_("Liknande kommuner att bjuda in"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Förslagen bygger på kommunernas profiler; skälen står vid varje kommun."),
    )
    others = OrganisationsChoiceField(
        label=_("Andra organisationer att bjuda in"),
        queryset=Organisation.objects.select_related("municipality__county").order_by("name"),
        required=False,
        help_text=_(
            "Kommuner, regioner, länsstyrelser, polisregioner och andra. Håll ned Ctrl "
            "(Cmd på Mac) för att välja flera."
        ),
        widget=forms.SelectMultiple(attrs={"size": 10}),
        error_messages={"invalid_choice": _("Välj organisationer i listan.")},
    )

    def __init__(self, *args, organisation, suggestions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        if not suggestions:
            del self.fields["suggested"]
            return
        reasons = {o.pk: r for o, r in suggestions}
        field = self.fields["suggested"]
        field.queryset = Organisation.objects.filter(pk__in=reasons).select_related("municipality")
        # In the order matching ranks them, each with why it is suggested.
        field.choices = [
            (o.pk, f"{o.name} – {'; '.join(r)}" if r else o.name) for o, r in suggestions
        ]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        try:
            check_name(name)
        except ProposalError as error:
            raise forms.ValidationError(str(error)) from error
        return name

    @property
    def invitees(self):
        return list(self.cleaned_data.get("suggested") or []) + list(
            self.cleaned_data.get("others") or []
        )

    def field_for(self, error):
        """Where a ProposalError is shown: next to the field it is about."""
        if error.field != "invitees":
            return error.field if error.field in self.fields else None
        chosen_others = self.cleaned_data.get("others") or []
        if self.organisation in chosen_others or "suggested" not in self.fields:
            return "others"
        return "suggested"

    def clean(self):
        cleaned = super().clean()
        if "suggested" in self.errors or "others" in self.errors:
            return cleaned
        try:
            check_invitees(self.organisation, self.invitees)
        except ProposalError as error:
            self.add_error(self.field_for(error), str(error))
        return cleaned


class ProposalDeclineForm(PrivacyGuardMixin, forms.Form):
    reason = forms.CharField(
        label=_("Skäl (skickas till kontaktpersonen)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
