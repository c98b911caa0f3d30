"""The editors' admin for organisations: every kind, with their counties and the staff
email domains that approve members at once. The model lives in organisations, below
portal, so the privacy-guarded form is named here."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.snippets.views.snippets import SnippetViewSet

from organisations.models import Organisation

from .admin_forms import PrivacyGuardedModelForm


class OrganisationForm(PrivacyGuardedModelForm):
    """A municipality's organisation stays a municipality; others cannot become one (a
    municipality comes from the reference data, with its code, county and population)."""

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        is_municipality = self.instance.municipality_id is not None
        if is_municipality and kind != Organisation.Kind.MUNICIPALITY:
            raise forms.ValidationError(_("En kommun förblir en kommun."))
        if not is_municipality and kind == Organisation.Kind.MUNICIPALITY:
            raise forms.ValidationError(
                _(
                    "Kommunerna kommer från referensdatan (manage.py load_municipalities) "
                    "och läggs inte till här. Välj ett annat slag."
                )
            )
        return kind


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "site"
    menu_label = _("Organisationer")
    menu_order = 301
    add_to_admin_menu = True
    list_display = ["name", "kind", "code"]
    list_filter = ["kind", "counties"]
    search_fields = ["name", "code"]
    search_backend_name = None  # plain database lookups
    ordering = ["kind", "name"]
    edit_handler = ObjectList(
        [
            FieldPanel("kind"),
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("counties", widget=forms.CheckboxSelectMultiple),
            InlinePanel(
                "email_domains",
                label=_("E-postdomäner för personal"),
                help_text=_(
                    "En verifierad adress på någon av domänerna godkänns direkt som medlem. "
                    "Bara domäner som organisationen ensam använder."
                ),
            ),
        ],
        base_form_class=OrganisationForm,
    )
