"""allauth's social account adapter for the portal's single sign-on (SOCIALACCOUNT_ADAPTER).

- Only the apps of enabled identity providers exist for allauth, each with its client
  secret decrypted in memory (it is stored encrypted, never in SocialApp.secret).
- A first sign-in is linked to an existing account only through an address that account
  has verified (allauth's default also takes unverified ones and wipes their password).
- Before allauth signs anyone in, portal.services.sso.check_sign_in decides; a refusal is
  a page that says why, never an error.
- A failed sign-in (a refused id_token, a provider that does not answer) says why in
  Swedish on allauth's error page.
"""

import logging

from allauth.account.models import EmailAddress
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.shortcuts import render
from django.utils.translation import gettext as _

from portal.models import IdentityProvider
from portal.services import sso

from .provider import IdTokenRefused
from .secrets import SecretUnreadable

logger = logging.getLogger(__name__)


def refusal(request, message, status=403):
    return render(request, "portal/sso/refused.html", {"message": message}, status=status)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def list_apps(self, request, provider=None, client_id=None):
        apps = super().list_apps(request, provider=provider, client_id=client_id)
        ours = {
            identity_provider.app_id: identity_provider
            for identity_provider in IdentityProvider.objects.filter(
                app__in=[app.pk for app in apps if app.provider == sso.PROVIDER and app.pk],
                enabled=True,
            ).select_related("organisation")
        }
        usable = []
        for app in apps:
            if app.provider != sso.PROVIDER:
                usable.append(app)
                continue
            identity_provider = ours.get(app.pk)
            if identity_provider is None:
                continue
            try:
                app.secret = sso.client_secret(identity_provider)
            except SecretUnreadable:
                logger.warning(
                    "The client secret of %s's identity provider cannot be decrypted "
                    "(SECRET_KEY or SSO_SECRET_KEYS changed); enter it again in the admin.",
                    identity_provider.organisation,
                )
                continue
            usable.append(app)
        return usable

    def authenticate_by_email(self, sociallogin):
        for address in sociallogin.email_addresses:
            if not address.verified:
                continue
            local = (
                EmailAddress.objects.filter(email__iexact=address.email, verified=True)
                .select_related("user")
                .first()
            )
            if local is not None:
                return local.user, address.email
        return None

    def pre_social_login(self, request, sociallogin):
        identity_provider = sso.provider_by_id(sociallogin.account.provider)
        if identity_provider is None:
            return
        addresses = sociallogin.email_addresses
        email = addresses[0].email if addresses else ""
        verified = bool(addresses) and addresses[0].verified
        linked = sociallogin.user if sociallogin.account.pk else None
        try:
            sso.check_sign_in(identity_provider, email, verified, linked_user=linked)
        except sso.SignInRefused as refused:
            raise ImmediateHttpResponse(refusal(request, str(refused))) from refused

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ):
        if isinstance(exception, IdTokenRefused):
            message = exception.message
        elif exception is not None:
            message = _(
                "Portalen fick inget giltigt svar från din organisations inloggningstjänst. "
                "Försök igen om en stund, eller logga in med e-post och lösenord."
            )
        else:
            message = _(
                "Inloggningen avbröts eller gick inte att slutföra. Börja om från inloggningssidan."
            )
        if exception is not None:
            # The reason, never a token or a secret: allauth's exceptions carry neither.
            logger.info("Single sign-on through %s failed: %r", provider, exception)
        extra_context["sso_message"] = message
