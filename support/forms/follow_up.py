"""The follow-up questionnaire: what stayed, what did not, what support is still needed,
a level per support area on the self-assessment's scale, and a follow-up meeting."""

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from portal.privacy import TOO_LONG_MESSAGE, PrivacyGuardMixin

from ..models.assessments import Scale
from ..models.follow_up import KEPT_MAX_LENGTH, MEETING_TIMES_MAX_LENGTH
from ..services.follow_up import Answers

DONT_KNOW = "vet-inte"
SAVE, SUBMIT = "save", "submit"
NEVER_ABOUT_INDIVIDUALS = _("Skriv inget om enskilda barn, unga eller klienter.")
NEEDED_TO_SUBMIT = _(
    "Svara på frågan för att kunna skicka uppföljningen. Utkastet kan sparas utan."
)


def _text(label, help_text, limit=KEPT_MAX_LENGTH, rows=5):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=limit,
        error_messages={"max_length": TOO_LONG_MESSAGE},
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def area_field_name(area):
    return f"omrade-{area.pk}"


def _before_text(row):
    if row is None or row.before is None:
        return _("Ni gjorde ingen nulägesanalys av området innan insatsen började.")
    return _("I nulägesanalysen innan insatsen: %(level)s (medelvärde %(average)s av 5).") % {
        "level": row.before_label,
        "average": formats.number_format(row.before, 1),
    }


class FollowUpForm(PrivacyGuardMixin, forms.Form):
    kept = _text(
        _("Vad har blivit kvar i ert ordinarie arbete?"),
        _("Arbetssätt, rutiner, samverkan eller annat som ni fortsätter med. ")
        + NEVER_ABOUT_INDIVIDUALS,
    )
    not_kept = _text(
        _("Vad blev inte kvar, och varför?"),
        _("Det ni slutade med eller inte kom igång med. ") + NEVER_ABOUT_INDIVIDUALS,
    )
    support_needed = _text(
        _("Vilket stöd behöver ni fortfarande?"),
        _("Från teamet eller från andra. ") + NEVER_ABOUT_INDIVIDUALS,
    )
    wants_meeting = forms.ChoiceField(
        label=_("Vill ni ha ett uppföljningsmöte med teamet?"),
        choices=[("yes", _("Ja, vi vill ha ett uppföljningsmöte")), ("no", _("Nej, inte nu"))],
        required=False,
        widget=forms.RadioSelect,
    )
    meeting_times = forms.CharField(
        label=_("Vilka tider passar för mötet?"),
        help_text=_(
            "Till exempel veckor, veckodagar eller tider på dagen. Digitalt eller på plats?"
        ),
        required=False,
        max_length=MEETING_TIMES_MAX_LENGTH,
        error_messages={"max_length": TOO_LONG_MESSAGE},
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, areas, *args, follow_up=None, levels=None, before=None, **kwargs):
        self.areas = list(areas)
        initial = {}
        if follow_up is not None:
            initial = {
                "kept": follow_up.kept,
                "not_kept": follow_up.not_kept,
                "support_needed": follow_up.support_needed,
                "wants_meeting": {True: "yes", False: "no"}.get(follow_up.wants_meeting, ""),
                "meeting_times": follow_up.meeting_times,
            }
        for area_pk, level in (levels or {}).items():
            value = DONT_KNOW if level.dont_know else level.value
            initial[f"omrade-{area_pk}"] = "" if value is None else str(value)
        super().__init__(*args, initial=initial, **kwargs)
        choices = [(str(value), label) for value, label in Scale.choices]
        choices.append((DONT_KNOW, _("Vet inte")))
        for area in self.areas:
            self.fields[area_field_name(area)] = forms.ChoiceField(
                label=area.title,
                help_text=_before_text((before or {}).get(area.pk)),
                required=False,
                choices=choices,
                widget=forms.RadioSelect,
            )

    @property
    def submitting(self):
        return self.is_bound and self.data.get("action") == SUBMIT

    def area_fields(self):
        return [self[area_field_name(area)] for area in self.areas]

    def clean(self):
        cleaned_data = super().clean()
        if self.submitting:
            required = [area_field_name(area) for area in self.areas] + ["wants_meeting"]
            for name in required:
                if not cleaned_data.get(name) and name not in self.errors:
                    self.add_error(name, NEEDED_TO_SUBMIT)
            wants = cleaned_data.get("wants_meeting") == "yes"
            no_times = not cleaned_data.get("meeting_times", "").strip()
            if wants and no_times and "meeting_times" not in self.errors:
                self.add_error(
                    "meeting_times", _("Skriv några tider som passar, så hör teamet av sig.")
                )
        return cleaned_data

    def answers(self):
        data = self.cleaned_data
        levels = {}
        for area in self.areas:
            raw = data.get(area_field_name(area)) or ""
            levels[area] = (None, True) if raw == DONT_KNOW else (int(raw) if raw else None, False)
        return Answers(
            kept=data["kept"].strip(),
            not_kept=data["not_kept"].strip(),
            support_needed=data["support_needed"].strip(),
            wants_meeting={"yes": True, "no": False}.get(data.get("wants_meeting")),
            meeting_times=data["meeting_times"].strip(),
            levels=levels,
        )
