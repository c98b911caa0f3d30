"""allauth's OpenID Connect provider, as the portal uses it (SOCIALACCOUNT_PROVIDERS names
this class as openid_connect's provider_class, so the provider id stays "openid_connect").

What it adds to allauth's own:
- the id_token's signature is always checked against the provider's JWKS (allauth skips
  that when the token came straight from the token endpoint, which the OpenID Connect
  specification allows over TLS; the portal checks anyway);
- a nonce is sent with every authorisation request, kept in allauth's state and required
  back in the id_token;
- PKCE (S256), through allauth's own OAUTH_PKCE_ENABLED;
- a refused id_token says why, in Swedish (IdTokenRefused).
"""

import jwt
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView
from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.utils.crypto import constant_time_compare, get_random_string
from django.utils.translation import gettext as _


class IdTokenRefused(OAuth2Error):
    """An id_token the portal does not accept; `message` says why, for the person."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _refusal(exc):
    if isinstance(exc, jwt.ExpiredSignatureError):
        return _(
            "Inloggningsbeviset från din organisation hade gått ut. Försök logga in igen; "
            "händer det igen kan klockan hos organisationens inloggningstjänst gå fel."
        )
    if isinstance(exc, jwt.InvalidAudienceError):
        return _(
            "Inloggningsbeviset från din organisation var utfärdat för en annan tjänst än "
            "Kunskapsnätverket, så portalen tog inte emot det."
        )
    if isinstance(exc, jwt.InvalidIssuerError):
        return _(
            "Inloggningsbeviset kom från en annan utfärdare än den som är registrerad för "
            "din organisation, så portalen tog inte emot det."
        )
    if isinstance(exc, jwt.InvalidSignatureError):
        return _(
            "Inloggningsbeviset från din organisation hade ingen giltig signatur, så "
            "portalen tog inte emot det."
        )
    return _("Inloggningsbeviset från din organisation kunde inte kontrolleras.")


class OrganisationOAuth2Adapter(OpenIDConnectOAuth2Adapter):
    state = None  # set by OrganisationCallbackView before the token is read

    def _decode_id_token(self, app, id_token):
        try:
            data = jwtkit.verify_and_decode(
                credential=id_token,
                keys_url=self.openid_config["jwks_uri"],
                issuer=self.openid_config["issuer"],
                audience=app.client_id,
                lookup_kid=jwtkit.lookup_kid_jwk,
                verify_signature=True,
            )
        except OAuth2Error as exc:
            raise IdTokenRefused(_refusal(exc.__cause__ or exc)) from exc
        except (KeyError, ValueError, jwt.PyJWTError) as exc:  # no kid, a malformed key
            raise IdTokenRefused(_refusal(exc)) from exc
        expected = (self.state or {}).get("nonce") or ""
        if not expected or not constant_time_compare(str(data.get("nonce", "")), expected):
            raise IdTokenRefused(
                _(
                    "Inloggningsbeviset hörde inte till den här inloggningen (fel nonce). "
                    "Börja om från inloggningssidan."
                )
            )
        return data


class OrganisationCallbackView(OAuth2CallbackView):
    def _get_state(self, request, provider):
        state, response = super()._get_state(request, provider)
        self.adapter.state = state
        return state, response


class OrganisationProvider(OpenIDConnectProvider):
    oauth2_adapter_class = OrganisationOAuth2Adapter
    pkce_enabled_default = True
    package = "portal.sso"  # allauth includes portal.sso.urls for this provider

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        nonce = get_random_string(32)
        auth_params = kwargs.pop("auth_params", None)
        if auth_params is None:
            auth_params = self.get_auth_params()
        auth_params["nonce"] = nonce
        return super().redirect(
            request, process, next_url, data, auth_params=auth_params, nonce=nonce, **kwargs
        )

    def extract_email_addresses(self, data):
        addresses = super().extract_email_addresses(data)
        claims = data.get("id_token") or data
        # A provider that says nothing about the address vouches for its own domain (the
        # adapter refuses addresses on any other); an explicit false is kept.
        verified = claims.get("email_verified", True)
        for address in addresses:
            address.verified = verified is True or str(verified).lower() == "true"
        return addresses


provider_classes = [OrganisationProvider]
