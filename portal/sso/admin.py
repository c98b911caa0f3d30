"""The editors' screen for identity providers (*Inloggning via organisation*): one per
organisation, with its issuer, client id and client secret. The secret is write-only:
typed once, stored encrypted, never shown again (an empty field keeps it)."""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.admin_forms import PrivacyGuardedModelForm
from portal.models import IdentityProvider
from portal.services import sso

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


_server_url = IdentityProvider._meta.get_field("server_url")


class IdentityProviderForm(PrivacyGuardedModelForm):
    server_url = forms.URLField(
        label=capfirst(_server_url.verbose_name),
        max_length=_server_url.max_length,
        help_text=_server_url.help_text,
        assume_scheme="https",
    )
    secret = forms.CharField(
        label=_("Klienthemlighet"),
        required=False,
        max_length=500,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_("Sparas krypterad och visas aldrig igen."),
    )

    class Meta:
        model = IdentityProvider
        fields = ["organisation", "server_url", "client_id", "secret", "enabled"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.encrypted_secret:
            self.fields["secret"].help_text = _(
                "En hemlighet är sparad. Lämna fältet tomt för att behålla den, eller skriv "
                "en ny för att byta."
            )
        else:
            self.fields["secret"].required = True
        if self.instance.pk:
            # The provider id in the redirect URI, and the accounts linked through it,
            # belong to this organisation: moving the provider would hand them over.
            self.fields["organisation"].disabled = True

    def clean_server_url(self):
        url = self.cleaned_data["server_url"].strip()
        parts = urlsplit(url)
        if parts.scheme != "https" and parts.hostname not in LOCAL_HOSTS:
            raise forms.ValidationError(
                _("Adressen måste börja med https://, så att inloggningen inte kan avlyssnas.")
            )
        return url.removesuffix("/.well-known/openid-configuration").rstrip("/")

    def clean_organisation(self):
        organisation = self.cleaned_data["organisation"]
        if organisation is not None and not organisation.email_domains.exists():
            raise forms.ValidationError(
                _(
                    "%(organisation)s har inga e-postdomäner än. Lägg till dem på "
                    "organisationen först: domänerna avgör vem som loggar in här."
                )
                % {"organisation": organisation}
            )
        return organisation

    def save(self, commit=True):
        identity_provider = super().save(commit=False)
        if commit:
            sso.save_identity_provider(identity_provider, secret=self.cleaned_data.get("secret"))
        return identity_provider


class RedirectUriPanel(HelpPanel):
    """Tells the editor what to give the organisation's IT: the redirect URI."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Adress att registrera hos organisationen"))
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            provider_id = self.instance.provider_id if self.instance is not None else ""
            if not provider_id:
                self.content = format_html(
                    "{}",
                    _(
                        "Adressen (redirect URI) visas här när inloggningen har sparats. "
                        "Ge den till organisationens IT."
                    ),
                )
                return
            self.content = format_html(
                "{}<br><code>{}{}</code>",
                _("Ge organisationens IT den här adressen (redirect URI):"),
                settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
                reverse("openid_connect_callback", args=[provider_id]),
            )


class IdentityProviderViewSet(SnippetViewSet):
    model = IdentityProvider
    icon = "key"
    menu_label = _("Inloggning via organisation")
    menu_order = 302
    add_to_admin_menu = True
    list_display = ["organisation", "server_url", "enabled"]
    list_filter = ["enabled"]
    search_fields = ["organisation__name"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("organisation"),
            FieldPanel("server_url"),
            FieldPanel("client_id"),
            FieldPanel("secret"),
            FieldPanel("enabled"),
            RedirectUriPanel(),
        ],
        base_form_class=IdentityProviderForm,
    )

    def get_queryset(self, request):
        return IdentityProvider.objects.select_related("organisation", "app")
