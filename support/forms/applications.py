"""Forms of an application for support: the draft, co-applicants, the manager who anchors
it, a co-applicant's answer, and the manager's one-time code and answer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from portal.privacy import PrivacyGuardMixin

from ..models import Anchoring, Application
from ..services import applications


class ActivitiesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class ApplicationForm(PrivacyGuardMixin, forms.ModelForm):
    """The draft: activities wanted (grouped by support area), goals, integration into the
    ordinary work and collaboration in the region. Everything may be left empty while it
    is a draft; submitting says what is missing."""

    activities = ActivitiesField(
        label=_("Aktiviteter ni vill ha stöd med"),
        queryset=applications.offered_activities().order_by(
            "support_area__title", "sort_order", "title"
        ),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Välj aktiviteter i listan.")},
    )

    class Meta:
        model = Application
        fields = ["activities", "goals", "integration", "collaboration"]
        labels = {
            "goals": _("Vad vill ni uppnå?"),
            "integration": _("Hur tas stödet in i det ordinarie arbetet?"),
            "collaboration": _("Hur samverkar ni med andra i regionen?"),
        }
        help_texts = {
            "goals": _(
                "Vad ska vara annorlunda när stödet är slut? Skriv om verksamheten, aldrig "
                "om enskilda barn eller klienter."
            ),
            "integration": _(
                "Vem ansvarar, i vilka forum och rutiner arbetet fortsätter, hur ni följer upp."
            ),
            "collaboration": _(
                "Med vilka kommuner, regionen, polisen eller andra ni arbetar eller vill arbeta."
            ),
        }
        widgets = {
            "goals": forms.Textarea(attrs={"rows": 6}),
            "integration": forms.Textarea(attrs={"rows": 6}),
            "collaboration": forms.Textarea(attrs={"rows": 4}),
        }

    def activity_groups(self):
        """[(support area, [checkbox, ...]), ...] for the template."""
        areas = {a.pk: a.support_area for a in self.fields["activities"].queryset}
        groups = {}
        for checkbox in self["activities"]:
            area = areas.get(int(str(checkbox.data["value"])))
            groups.setdefault(area, []).append(checkbox)
        return list(groups.items())


class MunicipalitiesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        county = getattr(getattr(obj.municipality, "county", None), "name", "")
        return f"{obj.name} ({county})" if county else obj.name


class CoApplicantsForm(PrivacyGuardMixin, forms.Form):
    """Apply together: one of the lead's networks, or municipalities chosen one by one."""

    network = forms.ModelChoiceField(
        label=_("Sök som nätverk"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Inget nätverk"),
        help_text=_("Nätverkets övriga medlemskommuner bjuds in att söka tillsammans med er."),
        error_messages={"invalid_choice": _("Välj ett av era nätverk i listan.")},
    )
    organisations = MunicipalitiesField(
        label=_("Eller välj kommuner"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Håll ned Ctrl (Cmd på Mac) för att välja flera."),
        error_messages={"invalid_choice": _("Välj kommuner i listan.")},
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = applications.networks_for(application.lead)
        taking_part = application.participants.exclude(status="declined").values("organisation")
        self.fields["organisations"].queryset = (
            Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY)
            .exclude(pk__in=taking_part)
            .select_related("municipality__county")
            .order_by("name")
        )

    def clean(self):
        cleaned_data = super().clean()
        if not self.errors and not (
            cleaned_data.get("network") or cleaned_data.get("organisations")
        ):
            raise forms.ValidationError(_("Välj ett nätverk eller minst en kommun att bjuda in."))
        return cleaned_data


class ManagerForm(PrivacyGuardMixin, forms.ModelForm):
    """The manager who anchors the application for the organisation."""

    class Meta:
        model = Anchoring
        fields = ["manager_name", "manager_title", "manager_email"]
        labels = {
            "manager_name": _("Chefens namn"),
            "manager_title": _("Chefens befattning"),
            "manager_email": _("Chefens e-postadress i tjänsten"),
        }
        help_texts = {
            "manager_title": _("T.ex. förvaltningschef eller socialchef."),
            "manager_email": _("Chefen får en länk för att bekräfta förankringen."),
        }


class ParticipationForm(forms.Form):
    """A co-applicant's coordinator confirms or declines taking part."""

    answer = forms.ChoiceField(
        label=_("Är ni med i ansökan?"),
        choices=[("confirm", _("Ja, vi söker tillsammans")), ("decline", _("Nej, tacka nej"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj ja eller nej.")},
    )


class CodeForm(PrivacyGuardMixin, forms.Form):
    code = forms.CharField(
        label=_("Kod från mejlet"),
        max_length=12,
        help_text=_("Sex siffror. Koden gäller i 15 minuter och kan användas en gång."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
        error_messages={"required": _("Skriv koden från mejlet.")},
    )


class AnchoringAnswerForm(PrivacyGuardMixin, forms.Form):
    """The manager's answer, with an optional comment."""

    decision = forms.ChoiceField(
        label=_("Är ansökan förankrad hos er ledning?"),
        choices=[
            ("confirm", _("Ja, jag bekräftar att ansökan är förankrad")),
            ("decline", _("Nej, ansökan är inte förankrad")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj om du bekräftar eller avböjer.")},
    )
    comment = forms.CharField(
        label=_("Kommentar (frivillig)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kommentaren visas för kommunens kontaktpersoner."),
    )
