"""Single sign-on's pages: the work address that leads to the organisation's provider, and
allauth's login and callback for OpenID Connect, which refuse a disabled provider.

The portal's CSP (form-action 'self') stops a form from being redirected to another site,
so the step to the provider is a page with a link (and an immediate refresh) rather than a
redirect answering the form.
"""

import requests
from allauth.account.utils import get_next_redirect_url
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialApp
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.services import sso

from .adapter import refusal
from .forms import WorkEmailForm
from .provider import OrganisationCallbackView, OrganisationOAuth2Adapter
from .secrets import SecretUnreadable


def _unavailable(request, identity_provider):
    """A refusal page if the provider cannot be used now, else None."""
    organisation = identity_provider.organisation
    if not identity_provider.enabled:
        return refusal(
            request,
            _(
                "Inloggningen via %(organisation)s är avstängd. Logga in med e-post och "
                "lösenord i stället."
            )
            % {"organisation": organisation},
        )
    try:
        sso.client_secret(identity_provider)
    except SecretUnreadable:
        return refusal(
            request,
            _(
                "Inloggningen via %(organisation)s är inte färdig inställd. Logga in med "
                "e-post och lösenord så länge; redaktionen har fått veta."
            )
            % {"organisation": organisation},
            status=503,
        )
    return None


def _to_provider(request, identity_provider, email="", next_url=None):
    """Start the sign-in at the provider: allauth stashes state, nonce and PKCE verifier
    in the session; the person follows the link to the provider."""
    try:
        provider = get_adapter(request).get_provider(request, identity_provider.provider_id)
        auth_params = provider.get_auth_params()
        if email:
            auth_params["login_hint"] = email
        response = provider.redirect(request, "login", next_url=next_url, auth_params=auth_params)
    except (requests.RequestException, KeyError, ValueError, SocialApp.DoesNotExist):
        return refusal(
            request,
            _(
                "Inloggningstjänsten hos %(organisation)s svarar inte just nu. Försök igen "
                "om en stund, eller logga in med e-post och lösenord."
            )
            % {"organisation": identity_provider.organisation},
            status=503,
        )
    if not isinstance(response, HttpResponseRedirect):
        return response  # allauth's own error page
    return render(
        request,
        "portal/sso/continue.html",
        {"organisation": identity_provider.organisation, "provider_url": response.url},
    )


@require_http_methods(["GET", "POST"])
def start(request):
    """Logga in med din organisations konto: the work address names the provider."""
    next_url = get_next_redirect_url(request)
    form = WorkEmailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        identity_provider = sso.provider_for_email(email)
        if identity_provider is None:
            form.add_error(
                "email",
                _(
                    "Ingen organisation med adresser på %(domain)s loggar in via eget konto "
                    "i portalen. Logga in med e-post och lösenord i stället."
                )
                % {"domain": email.rsplit("@", 1)[-1]},
            )
        else:
            return _unavailable(request, identity_provider) or _to_provider(
                request, identity_provider, email, next_url
            )
    return render(
        request,
        "portal/sso/start.html",
        {"form": form, "next": next_url or "", "login_url": reverse("account_login")},
    )


def _identity_provider(provider_id):
    identity_provider = sso.provider_by_id(provider_id)
    if identity_provider is None:
        raise Http404
    return identity_provider


@require_http_methods(["GET", "POST"])
def login(request, provider_id):
    """allauth's address for starting a sign-in with the provider; a GET leads to the page
    that asks for the work address (a sign-in starts only from a form)."""
    identity_provider = _identity_provider(provider_id)
    if request.method == "GET":
        return redirect("sso_start")
    return _unavailable(request, identity_provider) or _to_provider(
        request, identity_provider, next_url=get_next_redirect_url(request)
    )


def callback(request, provider_id):
    """Where the provider sends the person back (the redirect URI)."""
    identity_provider = _identity_provider(provider_id)
    unavailable = _unavailable(request, identity_provider)
    if unavailable is not None:
        return unavailable
    view = OrganisationCallbackView.adapter_view(OrganisationOAuth2Adapter(request, provider_id))
    return view(request)
