from django import forms
from django.utils.translation import gettext_lazy as _

from portal.privacy import PrivacyGuardMixin


class WorkEmailForm(PrivacyGuardMixin, forms.Form):
    """The address that names the person's organisation, and so its identity provider."""

    email = forms.EmailField(
        label=_("Din e-postadress i jobbet"),
        help_text=_(
            "Adressen talar om vilken organisation du loggar in via, t.ex. namn@kalmar.se."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
