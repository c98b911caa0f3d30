from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from portal.filtering import FilterForm, county_filter
from portal.models import Challenge, CollaborationForm, Method, SupportAreaPage
from portal.privacy import PrivacyGuardMixin, find_personal_numbers

from .models import MunicipalityProfile


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


class LinkForm(PrivacyGuardMixin, forms.Form):
    title = forms.CharField(label=_("Rubrik"), max_length=200)
    url = forms.URLField(
        label=_("Adress"),
        max_length=200,
        assume_scheme="https",
        # http and https only: no javascript:, data:, file: or ftp: addresses.
        validators=[URLValidator(schemes=["http", "https"])],
        error_messages={
            "invalid": _("Skriv en webbadress som börjar med https:// eller http://."),
        },
        help_text=_("En webbadress, till exempel https://www.example.se/rapport."),
    )

    def clean_url(self):
        url = self.cleaned_data["url"]
        if find_personal_numbers(url):
            raise forms.ValidationError(
                _("Adressen innehåller något som ser ut som ett personnummer. Ta bort det.")
            )
        return url


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
