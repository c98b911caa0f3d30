"""An organisation's own identity provider, through which its staff sign in (single sign-on).

allauth's SocialApp holds what allauth reads (provider "openid_connect", the provider id in
the addresses, the client id and the server URL); this row ties it to the organisation,
switches it on and off, and keeps the client secret encrypted (portal.sso.secrets). The
SocialApp is written by portal.services.sso, never by hand.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IdentityProvider(models.Model):
    organisation = models.OneToOneField(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="identity_provider",
        verbose_name=_("organisation"),
        help_text=_(
            "Personal med en adress på organisationens e-postdomäner loggar in här. "
            "Domänerna redigeras på organisationen."
        ),
    )
    app = models.OneToOneField(
        "socialaccount.SocialApp",
        on_delete=models.PROTECT,
        related_name="identity_provider",
        null=True,
        editable=False,
    )
    server_url = models.URLField(
        _("utfärdare (issuer)"),
        max_length=300,
        help_text=_(
            "Adressen där inloggningstjänsten beskriver sig under "
            "/.well-known/openid-configuration, t.ex. "
            "https://login.microsoftonline.com/<tenant-id>/v2.0."
        ),
    )
    client_id = models.CharField(
        _("klient-id"),
        max_length=191,
        help_text=_("Det id som organisationens IT registrerat för Kunskapsnätverket."),
    )
    encrypted_secret = models.TextField(editable=False, blank=True)
    enabled = models.BooleanField(
        _("påslagen"),
        default=True,
        help_text=_("Avstängd: ingen kan logga in via tjänsten, lösenord fungerar som vanligt."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("inloggning via organisation")
        verbose_name_plural = _("inloggning via organisation")
        ordering = ["organisation__name"]

    def __str__(self):
        return str(self.organisation)

    @property
    def provider_id(self):
        """The id in the sign-in addresses (/konto/oidc/<id>/login/callback/), set once."""
        return self.app.provider_id if self.app_id else ""
