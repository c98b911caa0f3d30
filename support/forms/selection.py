"""The team's forms in the admin: a grade and a note per criterion, and the decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.privacy import PrivacyGuardMixin

from ..models import Application
from ..models.selection import Grade

NOTE_MAX_LENGTH = 2000
REASONS_MAX_LENGTH = 4000


class AssessmentForm(PrivacyGuardMixin, forms.Form):
    """One criterion's grade and note; one form per criterion, each with its own prefix."""

    grade = forms.TypedChoiceField(
        label=_("Betyg"),
        choices=[("", _("Inte bedömt än"))] + list(Grade.choices),
        coerce=int,
        empty_value=None,
        required=False,
    )
    note = forms.CharField(
        label=_("Kort bedömning"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Bara för teamet; de sökande ser den aldrig. Skriv om ansökan, aldrig om enskilda."
        ),
    )

    def __init__(self, *args, criterion, **kwargs):
        kwargs.setdefault("prefix", f"grund-{criterion.pk}")
        super().__init__(*args, **kwargs)
        self.criterion = criterion


class DecisionForm(PrivacyGuardMixin, forms.Form):
    GRANT, DECLINE = "granted", "declined"

    outcome = forms.ChoiceField(
        label=_("Beslut"),
        choices=[(GRANT, _("Bevilja stöd")), (DECLINE, _("Bevilja inte stöd"))],
        widget=forms.RadioSelect,
    )
    reasons = forms.CharField(
        label=_("Skäl för beslutet"),
        max_length=REASONS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Skälen skickas till de sökande organisationernas kontaktpersoner, betygen och "
            "bedömningarna aldrig. Skriv om ansökan, aldrig om enskilda."
        ),
        error_messages={"required": _("Skriv skälen för beslutet. De skickas till de sökande.")},
    )
    # The status the editor saw: a decision made by someone else meanwhile is not
    # overwritten (support.services.selection.decide).
    seen_status = forms.ChoiceField(
        choices=[
            (s, s)
            for s in (
                Application.Status.SUBMITTED,
                Application.Status.GRANTED,
                Application.Status.DECLINED,
            )
        ],
        widget=forms.HiddenInput,
    )

    @property
    def granted(self):
        return self.cleaned_data["outcome"] == self.GRANT
