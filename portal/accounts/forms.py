from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import Municipality
from portal.privacy import PrivacyGuardMixin


class SignupDetailsForm(PrivacyGuardMixin, forms.Form):
    """Extra fields on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    first_name = forms.CharField(label=_("Förnamn"), max_length=150)
    last_name = forms.CharField(label=_("Efternamn"), max_length=150)

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])


class MunicipalityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.county.name})"


class MembershipRequestForm(PrivacyGuardMixin, forms.Form):
    municipality = MunicipalityChoiceField(
        label=_("Kommun"),
        queryset=Municipality.objects.select_related("county").order_by("name"),
        to_field_name="code",
        empty_label=_("Välj kommun"),
        error_messages={"invalid_choice": _("Välj en kommun i listan.")},
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
