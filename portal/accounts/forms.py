from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from organisations.models import KIND_PLURALS, Organisation
from portal.privacy import PrivacyGuardMixin


class SignupDetailsForm(PrivacyGuardMixin, forms.Form):
    """Extra fields on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    first_name = forms.CharField(label=_("Förnamn"), max_length=150)
    last_name = forms.CharField(label=_("Efternamn"), max_length=150)

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])


class _ByKind(ModelChoiceIterator):
    """The organisations in one group per kind (Kommuner, Regioner, ...), kinds in the order
    Organisation.Kind gives them."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups = {kind: [] for kind in Organisation.Kind}
        for organisation in self.queryset:
            groups[organisation.kind].append(self.choice(organisation))
        for kind, choices in groups.items():
            if choices:
                yield (capfirst(KIND_PLURALS[kind]), choices)


class OrganisationChoiceField(forms.ModelChoiceField):
    """Every organisation, grouped by kind; a municipality is shown with its county."""

    iterator = _ByKind

    def label_from_instance(self, obj):
        if obj.municipality is not None:
            return f"{obj.name} ({obj.municipality.county.name})"
        return obj.name


class MembershipRequestForm(PrivacyGuardMixin, forms.Form):
    organisation = OrganisationChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.select_related("municipality__county").order_by("name"),
        to_field_name="slug",
        empty_label=_("Välj organisation"),
        help_text=_(
            "Kommuner, regioner, länsstyrelser, polisregioner och andra som arbetar med "
            "samma barn och unga."
        ),
        error_messages={"invalid_choice": _("Välj en organisation i listan.")},
    )
    job_title = forms.CharField(
        label=_("Befattning och arbetsplats"),
        max_length=150,
        required=False,
        help_text=_("T.ex. ”Socialsekreterare, barn och unga”. Hjälper den som ska godkänna."),
    )


class DeclineForm(PrivacyGuardMixin, forms.Form):
    reason = forms.CharField(
        label=_("Skäl (skickas till personen)"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=_("Ditt lösenord"), widget=forms.PasswordInput)

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Lösenordet stämmer inte."))
        return password
