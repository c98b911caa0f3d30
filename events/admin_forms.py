"""The workshop page's form in Wagtail's admin."""

from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from portal.admin_forms import PrivacyGuardedPageForm

NO_KIND_CHOSEN = _("Välj minst ett slag av organisation som får anmäla sig.")


class WorkshopPageForm(PrivacyGuardedPageForm):
    """The kinds of organisation that may sign up, as checkboxes (the page stores a list)."""

    open_to = forms.MultipleChoiceField(
        label=_("Öppen för"),
        choices=Organisation.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vilka slags organisationer som får anmäla sig."),
        error_messages={"required": NO_KIND_CHOSEN},
    )
