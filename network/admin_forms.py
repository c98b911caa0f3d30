"""The municipality's admin form, with the team's contact person for it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.admin_forms import PrivacyGuardedModelForm

from .services.contact import set_team_contact, team_contact_for, team_members


class EditorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        name = user.get_full_name()
        return f"{name} ({user.email})" if name else user.email


class MunicipalityAdminForm(PrivacyGuardedModelForm):
    """The municipality's facts, and who in the team is its contact person (saved in
    network's TeamContact, since the municipality is reference data below network)."""

    team_contact = EditorChoiceField(
        queryset=None,
        required=False,
        label=_("Kontaktperson i förstärkningsteamet"),
        empty_label=_("Ingen vald"),
        help_text=_(
            "En redaktör i teamet som kommunen kan vända sig till. Visas på kommunens sida "
            "och på Mina sidor för kommunens medlemmar."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team_contact"].queryset = team_members()
        if self.instance.pk and not self.is_bound:
            self.initial["team_contact"] = getattr(team_contact_for(self.instance), "pk", None)

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit:
            set_team_contact(
                instance, self.cleaned_data.get("team_contact"), by=getattr(self, "for_user", None)
            )
        return instance
