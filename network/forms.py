import datetime

from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from portal.accounts.forms import OrganisationChoiceField
from portal.filtering import FilterForm, county_filter
from portal.models import Challenge, CollaborationForm, Method, SupportAreaPage
from portal.privacy import PrivacyGuardMixin, find_personal_numbers

from .models import DigestSubscription, MunicipalityProfile
from .services.networks.meetings import meeting_problems
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


TIME_MESSAGE = _("Skriv tiden i timmar och minuter, till exempel 13:00.")


def _no_personal_number_in(address):
    """The privacy guard leaves URL fields alone; a shared or meeting link is emailed and
    put in calendars, so it is checked here."""
    if find_personal_numbers(address):
        raise forms.ValidationError(
            _("Adressen innehåller något som ser ut som ett personnummer. Ta bort det.")
        )


class WebAddressField(forms.URLField):
    """A web page's address: http or https only (no javascript:, no ftp:), and no personal
    identity number in it."""

    default_validators = [URLValidator(schemes=["http", "https"]), _no_personal_number_in]
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

    def clean_title(self):
        # One line, whatever was posted: it is the invitation's subject and calendar name.
        return " ".join(self.cleaned_data["title"].split())

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


class ContactForm(PrivacyGuardMixin, forms.Form):
    subject = forms.CharField(label=_("Ämne"), max_length=150)
    message = forms.CharField(
        label=_("Meddelande"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Skriv om verksamheten och ert arbete – aldrig om enskilda barn eller klienter."
        ),
    )

    def clean_subject(self):
        # One line, whatever was pasted: it becomes the email's subject.
        return " ".join(self.cleaned_data["subject"].split())


class LinkForm(PrivacyGuardMixin, forms.Form):
    title = forms.CharField(label=_("Rubrik"), max_length=200)
    url = WebAddressField(
        label=_("Adress"),
        max_length=200,
        help_text=_("En webbadress, till exempel https://www.example.se/rapport."),
    )


# What the first bytes of an allowed file must be: a PDF starts with "%PDF-", the office
# formats are ZIP archives; text and CSV hold no NUL bytes.
_ZIP = b"PK\x03\x04"
_SIGNATURES = {"pdf": b"%PDF-", "docx": _ZIP, "odt": _ZIP, "pptx": _ZIP, "xlsx": _ZIP}
_TEXT_FORMATS = {"csv", "txt"}


def safe_file_name(name):
    """The file name without any folder the browser sent, and in plain ASCII letters,
    digits and dashes: "C:\\Users\\anna\\Rapport 1.PDF" becomes "rapport-1.pdf"."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, extension = base.rpartition(".")
    if not dot:
        stem, extension = base, ""
    stem = slugify(stem)[:80].strip("-") or "dokument"
    return f"{stem}.{extension.lower()}" if extension else stem


class DocumentForm(PrivacyGuardMixin, forms.Form):
    title = forms.CharField(label=_("Rubrik"), max_length=200)
    file = forms.FileField(label=_("Fil"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.extensions = [e.lower() for e in settings.WAGTAILDOCS_EXTENSIONS]
        self.max_size = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
        self.fields["file"].help_text = _(
            "Tillåtna filtyper: %(types)s. Högst %(size)s. Skriv aldrig om enskilda barn "
            "eller klienter i dokumentet."
        ) % {"types": ", ".join(self.extensions), "size": filesizeformat(self.max_size)}
        self.fields["file"].widget.attrs["accept"] = ",".join(f".{e}" for e in self.extensions)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.replace("\\", "/").rsplit("/", 1)[-1]
        extension = name.rpartition(".")[2].lower() if "." in name else ""
        if extension not in self.extensions:
            raise forms.ValidationError(
                _(
                    "Filer av den typen går inte att ladda upp här. Tillåtna filtyper: "
                    "%(types)s. Välj filen igen; rubriken finns kvar."
                )
                % {"types": ", ".join(self.extensions)}
            )
        if upload.size > self.max_size:
            raise forms.ValidationError(
                _(
                    "Filen är för stor (%(size)s). Den får vara högst %(limit)s. Välj en "
                    "mindre fil; rubriken finns kvar."
                )
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(self.max_size)}
            )
        if not _looks_like(upload, extension):
            raise forms.ValidationError(
                _(
                    "Filen ser inte ut att vara en %(type)s-fil. Kontrollera att det är rätt "
                    "fil och välj den igen."
                )
                % {"type": extension.upper()}
            )
        if find_personal_numbers(name):
            raise forms.ValidationError(
                _(
                    "Filens namn innehåller något som ser ut som ett personnummer eller "
                    "samordningsnummer. Byt namn på filen och välj den igen."
                )
            )
        upload.name = safe_file_name(name)
        return upload


def _looks_like(upload, extension):
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    if extension in _TEXT_FORMATS:
        return b"\x00" not in head
    signature = _SIGNATURES.get(extension)
    return signature is None or head.startswith(signature)
