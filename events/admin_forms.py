"""The workshop page's form in Wagtail's admin."""

from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from portal.admin_forms import PrivacyGuardedPageForm

NO_KIND_CHOSEN = _("Välj minst ett slag av organisation som får anmäla sig.")
NEEDS_LINK = _("Digitala och hybrida workshoppar behöver en möteslänk.")
NEEDS_PLACE = _("Ange var workshoppen hålls.")
NEEDS_CAPACITY = _("Ange antalet platser, eller välj öppet format för workshoppen.")


class WorkshopPageForm(PrivacyGuardedPageForm):
    """The kinds of organisation that may sign up, as checkboxes (the page stores a list);
    each occasion's place or link as the page's format needs, next to the occasion's field
    (its form cannot see the format on a page not yet saved); and no occasion with
    registrations removed (they would lose their date)."""

    open_to = forms.MultipleChoiceField(
        label=_("Öppen för"),
        choices=Organisation.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vilka slags organisationer som får anmäla sig."),
        error_messages={"required": NO_KIND_CHOSEN},
    )

    def clean(self):
        cleaned = super().clean()
        workshop_format = cleaned.get("format")
        occasions = self.formsets["occasions"]
        occasions.is_valid()  # clean the occasions' forms first, so their data is here
        for form in occasions.forms:
            if not hasattr(form, "cleaned_data"):
                continue
            if form.cleaned_data.get("DELETE"):
                self._refuse_removing(form)
                continue
            data = form.cleaned_data
            needs = {
                "meeting_link": (workshop_format in ("digital", "hybrid"), NEEDS_LINK),
                "place": (workshop_format in ("on_site", "hybrid"), NEEDS_PLACE),
            }
            needs["capacity"] = (not cleaned.get("open_format"), NEEDS_CAPACITY)
            for name, (needed, message) in needs.items():
                if needed and data.get(name) in (None, "") and name not in form.errors:
                    form.add_error(name, message)
        return cleaned

    def _refuse_removing(self, form):
        from events.models import Registration

        if not form.instance.pk:
            return
        held = Registration.objects.filter(occasion=form.instance.pk).exclude(
            status=Registration.Status.CANCELLED
        )
        if held.exists():
            form.add_error(
                None,
                _(
                    "Tillfället har anmälningar och kan inte tas bort. Flytta eller avboka "
                    "dem först under Workshoppar → Anmälningar."
                ),
            )
