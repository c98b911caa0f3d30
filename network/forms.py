import datetime

from django import forms
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.filtering import FilterForm, county_filter
from portal.models import Challenge, CollaborationForm, Method, SupportAreaPage
from portal.privacy import PrivacyGuardMixin

from .models import MunicipalityProfile
from .services.networks.meetings import meeting_problems


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


TIME_MESSAGE = _("Skriv tiden i timmar och minuter, till exempel 13:00.")


class WebAddressField(forms.URLField):
    """A web page's address: http or https only (no javascript:, no ftp:)."""

    default_validators = [URLValidator(schemes=["http", "https"])]
    default_error_messages = {
        "invalid": _("Skriv en webbadress som börjar med https:// eller http://.")
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class MeetingForm(PrivacyGuardMixin, forms.Form):
    """A network meeting as its coordinator plans it: one day, from one time to another."""

    title = forms.CharField(label=_("Rubrik"), max_length=200)
    date = forms.DateField(
        label=_("Datum"),
        help_text=_("Skriv som 2027-03-15."),
        error_messages={"invalid": _("Skriv datumet som år-månad-dag, till exempel 2027-03-15.")},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    start_time = forms.TimeField(
        label=_("Börjar kl."),
        help_text=_("Skriv som 13:00."),
        error_messages={"invalid": TIME_MESSAGE},
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    end_time = forms.TimeField(
        label=_("Slutar kl."),
        error_messages={"invalid": TIME_MESSAGE},
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    place = forms.CharField(
        label=_("Plats"),
        max_length=255,
        required=False,
        help_text=_("Adress och lokal, om ni träffas på plats."),
    )
    meeting_link = WebAddressField(
        label=_("Möteslänk"),
        max_length=500,
        required=False,
        help_text=_("Om ni träffas digitalt. Bara nätverkets medlemmar ser länken."),
    )
    agenda = forms.CharField(
        label=_("Dagordning"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Skriv om verksamheten och ert arbete, aldrig om enskilda barn eller klienter."
        ),
    )

    # The service's names for the fields the form shows under other names.
    FIELD_FOR = {
        "starts_at": "start_time",
        "date": "date",
        "ends_at": "end_time",
        "place": "place",
        "meeting_link": "meeting_link",
    }

    def __init__(self, *args, meeting=None, **kwargs):
        self.meeting = meeting
        if meeting is not None and "initial" not in kwargs:
            starts_at = timezone.localtime(meeting.starts_at)
            kwargs["initial"] = {
                "title": meeting.title,
                "date": starts_at.date(),
                "start_time": starts_at.time(),
                "end_time": timezone.localtime(meeting.ends_at).time(),
                "place": meeting.place,
                "meeting_link": meeting.meeting_link,
                "agenda": meeting.agenda,
            }
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        day, start, end = (cleaned.get(name) for name in ("date", "start_time", "end_time"))
        if day and start and end:
            cleaned["starts_at"] = _aware(day, start)
            cleaned["ends_at"] = _aware(day, end)
            problems = meeting_problems(
                starts_at=cleaned["starts_at"],
                ends_at=cleaned["ends_at"],
                place=cleaned.get("place", ""),
                meeting_link=cleaned.get("meeting_link", ""),
                meeting=self.meeting,
            )
            for name, message in problems.items():
                field = self.FIELD_FOR[name]
                if field not in self.errors:
                    self.add_error(field, message)
        return cleaned

    def meeting_fields(self):
        """The cleaned data in the service's terms."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "place": data["place"],
            "meeting_link": data["meeting_link"],
            "agenda": data["agenda"],
        }


def _aware(day, time):
    return timezone.make_aware(datetime.datetime.combine(day, time.replace(second=0)))


class MinutesForm(PrivacyGuardMixin, forms.Form):
    minutes = forms.CharField(
        label=_("Minnesanteckningar"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Vad ni tog upp och kom överens om. Skriv om verksamheten, aldrig om enskilda "
            "barn eller klienter."
        ),
    )
