"""Forms of engagements: on the site (meetings, contact persons) and in the team's admin
(creating and changing an engagement, the agreement, next steps, ending). Every form
goes through the privacy guard; the services check the texts again."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from portal.models import Membership
from portal.privacy import PrivacyGuardMixin

from ..models import Engagement, EngagementMeeting, NextStep, SupportActivity

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
NEVER_ABOUT_INDIVIDUALS = _("Skriv aldrig namn eller annat som pekar ut barn eller klienter.")


def _date(label, **kwargs):
    return forms.DateField(label=label, widget=DATE, **kwargs)


class MeetingForm(PrivacyGuardMixin, forms.Form):
    held_on = _date(_("Datum"))
    kind = forms.ChoiceField(label=_("Form"), choices=EngagementMeeting.Kind.choices)
    roles = forms.CharField(
        label=_("Deltagande roller"),
        max_length=300,
        help_text=_(
            "Roller, inte namn: t.ex. ”socialchef, två socialsekreterare, teamets processledare”."
        ),
    )
    notes = forms.CharField(
        label=_("Korta anteckningar"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Syns bara för insatsens organisationer och förstärkningsteamet. "
            "Skriv aldrig om enskilda barn eller klienter."
        ),
    )


class ContactPersonsForm(PrivacyGuardMixin, forms.Form):
    people = forms.ModelMultipleChoiceField(
        label=_("Kontaktpersoner för insatsen"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        people = self.fields["people"]
        people.queryset = (
            get_user_model()
            .objects.filter(
                memberships__organisation=organisation,
                memberships__status=Membership.Status.APPROVED,
                is_active=True,
            )
            .order_by("first_name", "last_name", "email")
        )
        people.label_from_instance = lambda user: user.get_full_name() or user.email


# The team's admin ------------------------------------------------------------------------


def _editors():
    """The team: whom an engagement's team contact is chosen among."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name__in=["Editors", "Moderators"]))
        .distinct()
        .order_by("first_name", "email")
    )


class EngagementForm(PrivacyGuardMixin, forms.Form):
    title = forms.CharField(label=_("Namn"), max_length=150)
    phase = forms.ChoiceField(label=_("Fas"), choices=Engagement.Phase.choices)
    team_contact = forms.ModelChoiceField(
        label=_("Teamets kontaktperson"), queryset=get_user_model().objects.none(), required=False
    )
    starts_on = _date(_("Startar"))
    ends_on = _date(_("Planerat slut"), help_text=_("Högst två år efter start utan skäl."))
    extension_reason = forms.CharField(
        label=_("Skäl för att gå förbi två år"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Krävs när det planerade slutet ligger mer än två år efter start."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team_contact"].queryset = _editors()
        self.fields["team_contact"].label_from_instance = lambda user: (
            user.get_full_name() or user.email
        )


class NewEngagementForm(EngagementForm):
    """Support given otherwise than after an application: the editor names the organisations."""

    lead = forms.ModelChoiceField(
        label=_("Huvudkontakt (organisation)"), queryset=Organisation.objects.order_by("name")
    )
    others = forms.ModelMultipleChoiceField(
        label=_("Fler organisationer"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    field_order = ["title", "lead", "others", "team_contact", "starts_on", "ends_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["phase"]


class AgreementForm(PrivacyGuardMixin, forms.Form):
    goals = forms.CharField(
        label=_("Mål"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5})
    )
    activities = forms.ModelMultipleChoiceField(
        label=_("Aktiviteter ur erbjudandet"),
        queryset=SupportActivity.objects.order_by("title"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    team_commitments = forms.CharField(
        label=_("Förstärkningsteamet åtar sig"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    municipality_commitments = forms.CharField(
        label=_("Kommunen åtar sig"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    starts_on = _date(_("Startar"))
    ends_on = _date(_("Planerat slut"))
    change_note = forms.CharField(
        label=_("Vad som ändrats"),
        required=False,
        max_length=300,
        help_text=_("Visas för kommunen med den nya versionen."),
    )


class StepForm(PrivacyGuardMixin, forms.Form):
    phase = forms.ChoiceField(label=_("Fas"), choices=Engagement.Phase.choices)
    activity = forms.ModelChoiceField(
        label=_("Aktivitet"),
        queryset=SupportActivity.objects.none(),
        required=False,
        empty_label=_("Hela fasen"),
    )
    what = forms.CharField(label=_("Vad"), max_length=300, help_text=NEVER_ABOUT_INDIVIDUALS)
    owner = forms.ChoiceField(
        label=_("Vem"), choices=NextStep.Owner.choices, widget=forms.RadioSelect
    )
    owner_role = forms.CharField(
        label=_("Roll i kommunen"),
        max_length=100,
        required=False,
        help_text=_("T.ex. ”socialchef” eller ”samordnare”, när kommunen tar steget."),
    )
    due_on = _date(_("Senast"))

    def __init__(self, *args, activities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = SupportActivity.objects.filter(
            pk__in=[a.pk for a in activities]
        )


class EndForm(PrivacyGuardMixin, forms.Form):
    ended_on = _date(_("Avslutad"))
