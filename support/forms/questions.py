"""Forms of the questions to the team: the member's question (asked in two steps, see
support.views.questions), the team's answer and the editor's rewrite for publishing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import Method, SupportAreaPage, TargetGroup
from portal.privacy import TOO_LONG_MESSAGE, PrivacyGuardMixin

from ..models.questions import NEVER_ABOUT_INDIVIDUALS, SUBJECT_MAX_LENGTH, TEXT_MAX_LENGTH

YES_NO = [("yes", _("Ja")), ("no", _("Nej"))]


def _text(label, limit, **kwargs):
    """A text field with a length limit and the guard's message when it is passed."""
    return forms.CharField(
        label=label, max_length=limit, error_messages={"max_length": TOO_LONG_MESSAGE}, **kwargs
    )


class QuestionForm(PrivacyGuardMixin, forms.Form):
    subject = _text(_("Ämne"), SUBJECT_MAX_LENGTH)
    text = _text(
        _("Din fråga"),
        TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=NEVER_ABOUT_INDIVIDUALS,
    )
    support_area = forms.ModelChoiceField(
        label=_("Stödområde"),
        queryset=SupportAreaPage.objects.none(),
        empty_label=_("Välj stödområde"),
        error_messages={
            "required": _("Välj det stödområde frågan hör till."),
            "invalid_choice": _("Välj ett stödområde i listan."),
        },
    )
    method = forms.ModelChoiceField(
        label=_("Metod (om frågan gäller en metod)"),
        queryset=Method.objects.order_by("name"),
        required=False,
        empty_label=_("Ingen särskild metod"),
        error_messages={"invalid_choice": _("Välj en metod i listan.")},
    )
    target_group = forms.ModelChoiceField(
        label=_("Målgrupp (om frågan gäller en målgrupp)"),
        queryset=TargetGroup.objects.order_by("name"),
        required=False,
        empty_label=_("Ingen särskild målgrupp"),
        error_messages={"invalid_choice": _("Välj en målgrupp i listan.")},
    )
    may_publish = forms.ChoiceField(
        label=_("Får teamet publicera frågan och svaret avidentifierade?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        help_text=_(
            "Då skriver teamet om frågan och svaret utan något som kan peka ut er eller "
            "någon annan, och publicerar dem under Frågor och svar så att fler kan ha nytta "
            "av svaret."
        ),
        error_messages={"required": _("Svara ja eller nej.")},
    )
    may_show_organisation = forms.ChoiceField(
        label=_("Får organisationens namn visas om frågan publiceras?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        help_text=_("Ditt eget namn visas aldrig."),
        error_messages={"required": _("Svara ja eller nej.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["support_area"].queryset = (
            SupportAreaPage.objects.live().public().order_by("path")
        )

    def service_arguments(self):
        data = self.cleaned_data
        return {
            "subject": data["subject"],
            "text": data["text"],
            "support_area": data["support_area"],
            "method": data.get("method"),
            "target_group": data.get("target_group"),
            "may_publish": data["may_publish"] == "yes",
            "may_show_organisation": data["may_show_organisation"] == "yes",
        }


class AnswerForm(PrivacyGuardMixin, forms.Form):
    answer = _text(
        _("Svar"),
        TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Skickas till frågeställaren och visas på hens Mina sidor."),
    )


class PublishForm(PrivacyGuardMixin, forms.Form):
    """The editor's rewrite: nothing that identifies the asker or anyone else."""

    title = _text(_("Rubrik"), 255)
    question_text = _text(
        _("Frågan, omskriven"),
        TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Ta bort allt som kan peka ut organisationen, personer eller ärenden."),
    )
    answer_text = _text(
        _("Svaret, omskrivet"),
        TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
