"""A sign-in through an organisation's identity provider makes the person a member of that
organisation, by the verified domain (portal.services.sso.grant_membership). A deleted
provider takes its allauth app and the links to accounts with it."""

from allauth.account.signals import user_logged_in
from django.db.models.signals import post_delete

from portal.models import IdentityProvider
from portal.services import sso


def on_user_logged_in(sender, request, user, sociallogin=None, **kwargs):
    if sociallogin is None:
        return
    identity_provider = sso.provider_by_id(sociallogin.account.provider)
    if identity_provider is not None:
        sso.grant_membership(user, identity_provider)


def on_identity_provider_deleted(sender, instance, **kwargs):
    sso.forget_identity_provider(instance)


def connect():
    user_logged_in.connect(on_user_logged_in, dispatch_uid="portal-sso-membership")
    post_delete.connect(
        on_identity_provider_deleted, sender=IdentityProvider, dispatch_uid="portal-sso-deleted"
    )
