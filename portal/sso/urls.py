"""allauth includes these under /konto/ as the URLs of the openid_connect provider
(OrganisationProvider.package), with the same names as allauth's own, plus the page that
asks for the work address. The redirect URI to register with an organisation's provider
is /konto/oidc/<provider id>/login/callback/."""

from allauth.account.internal.decorators import login_not_required
from allauth.socialaccount import app_settings
from django.urls import path

from . import views

_prefix = (
    f"{app_settings.OPENID_CONNECT_URL_PREFIX}/" if app_settings.OPENID_CONNECT_URL_PREFIX else ""
)

urlpatterns = [
    path("organisation/", login_not_required(views.start), name="sso_start"),
    path(
        f"{_prefix}<str:provider_id>/login/",
        login_not_required(views.login),
        name="openid_connect_login",
    ),
    path(
        f"{_prefix}<str:provider_id>/login/callback/",
        login_not_required(views.callback),
        name="openid_connect_callback",
    ),
]
