"""Single sign-on through an organisation's identity provider: which provider a work
address leads to, whom a sign-in may create or link, and the membership it grants.

The rules, each enforced here and tested in tests/portal/test_sso.py:

- Only editors register a provider, for one organisation; an address leads to it only
  through the organisation's email domains, which only editors edit.
- A provider speaks for its own organisation's domains only: a sign-in whose address is on
  another domain is refused, so organisation A's provider can neither sign anyone in to
  an account on B's domain nor make them a member of B.
- An address the provider says it has not verified (``email_verified: false``) is refused.
  A provider that says nothing vouches for its own domain, as it is the organisation's own.
- The first sign-in links to an existing account only when that account has verified the
  same address; an account that never confirmed the address is not taken over.
- Membership follows from the verified domain, as for password accounts
  (memberships.request_membership), with the role member; a person who already acts for
  an organisation keeps it (moving is their own request on Mina sidor).
"""

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from organisations.models import organisation_for_email
from portal.models import IdentityProvider, Membership
from portal.sso import secrets

from . import memberships

PROVIDER = "openid_connect"


class SignInRefused(Exception):
    """A sign-in through an identity provider that the portal refuses; the message is for
    the person."""


def _unique_provider_id(organisation):
    from allauth.socialaccount.models import SocialApp

    base = slugify(organisation.slug)[:190] or f"org-{organisation.pk}"
    candidate, number = base, 2
    while SocialApp.objects.filter(provider=PROVIDER, provider_id=candidate).exists():
        candidate, number = f"{base}-{number}", number + 1
    return candidate


@transaction.atomic
def save_identity_provider(identity_provider, secret=None):
    """Save the provider and the allauth SocialApp behind it. `secret` replaces the stored
    client secret when given; None keeps it. The provider id (in the redirect URI) is
    chosen once, from the organisation's short name, and never changes."""
    from allauth.socialaccount.models import SocialApp

    if secret:
        identity_provider.encrypted_secret = secrets.encrypt(secret)
    app = identity_provider.app or SocialApp(
        provider=PROVIDER, provider_id=_unique_provider_id(identity_provider.organisation)
    )
    app.name = str(identity_provider.organisation)[:40]
    app.client_id = identity_provider.client_id
    app.secret = ""  # the secret lives encrypted on the IdentityProvider, never here
    app.settings = {
        "server_url": identity_provider.server_url,
        # Every claim is read from the id_token, whose signature the portal checks.
        "fetch_userinfo": False,
        "oauth_pkce_enabled": True,
    }
    app.save()
    identity_provider.app = app
    identity_provider.save()
    return identity_provider


def forget_identity_provider(identity_provider):
    """After a provider is deleted: its SocialApp and the links through it go, so that its
    provider id, if another organisation's provider ever gets it, links to nobody. The
    accounts stay; their people sign in with a password or through a new provider."""
    from allauth.socialaccount.models import SocialAccount, SocialApp

    if identity_provider.app_id is None:
        return
    app = SocialApp.objects.filter(pk=identity_provider.app_id).first()
    if app is not None:
        SocialAccount.objects.filter(provider=app.provider_id).delete()
        app.delete()


def provider_for_email(email):
    """The identity provider of the organisation whose staff domain the address is on, or
    None (disabled ones included: the caller says they are off)."""
    organisation = organisation_for_email(email) if "@" in (email or "") else None
    if organisation is None:
        return None
    return (
        IdentityProvider.objects.select_related("organisation", "app")
        .filter(organisation=organisation, app__isnull=False)
        .first()
    )


def provider_by_id(provider_id):
    return (
        IdentityProvider.objects.select_related("organisation", "app")
        .filter(app__provider=PROVIDER, app__provider_id=provider_id)
        .first()
    )


def client_secret(identity_provider):
    """The decrypted client secret; secrets.SecretUnreadable if the keys changed."""
    return secrets.decrypt(identity_provider.encrypted_secret)


def check_sign_in(identity_provider, email, email_verified, *, linked_user=None):
    """Refuse (SignInRefused) a sign-in the portal must not accept; see the module's rules.
    `linked_user` is the account the provider's account is already linked to, if any."""
    from allauth.account.models import EmailAddress

    organisation = identity_provider.organisation
    if not identity_provider.enabled:
        raise SignInRefused(
            _(
                "Inloggningen via %(organisation)s är avstängd. Logga in med e-post och "
                "lösenord i stället."
            )
            % {"organisation": organisation}
        )
    if not email:
        raise SignInRefused(
            _(
                "Inloggningen via %(organisation)s gav ingen e-postadress, så portalen vet "
                "inte vem du är. Be organisationens IT att skicka e-postadressen (scope email)."
            )
            % {"organisation": organisation}
        )
    on_domain = organisation_for_email(email)
    if on_domain is None or on_domain.pk != organisation.pk:
        raise SignInRefused(
            _(
                "Inloggningen via %(organisation)s gav adressen %(email)s, som inte är på "
                "någon av organisationens e-postdomäner. Portalen tar bara emot adresser "
                "på organisationens egna domäner därifrån."
            )
            % {"organisation": organisation, "email": email}
        )
    if not email_verified:
        raise SignInRefused(
            _(
                "%(organisation)s har inte bekräftat adressen %(email)s, så portalen kan "
                "inte logga in dig med den."
            )
            % {"organisation": organisation, "email": email}
        )
    if linked_user is not None:
        return
    from django.contrib.auth import get_user_model

    verified = EmailAddress.objects.filter(email__iexact=email, verified=True).exists()
    unconfirmed = not verified and (
        EmailAddress.objects.filter(email__iexact=email).exists()
        or get_user_model().objects.filter(email__iexact=email).exists()
    )
    if unconfirmed:
        raise SignInRefused(
            _(
                "Det finns redan ett konto med adressen %(email)s, men adressen har aldrig "
                "bekräftats. Av säkerhetsskäl kopplar portalen inte ihop det med din "
                "organisations inloggning. Bekräfta adressen med länken i e-posten vi "
                "skickade (logga in med lösenordet så skickas en ny), och logga sedan in "
                "via din organisation igen."
            )
            % {"email": email}
        )


def grant_membership(user, identity_provider):
    """Make the person a member of the provider's organisation, when their account's
    verified address is on its domain and they act for no organisation yet. Returns the
    membership, or None when nothing changed."""
    from allauth.account.models import EmailAddress

    organisation = identity_provider.organisation
    on_domain = organisation_for_email(user.email)
    if on_domain is None or on_domain.pk != organisation.pk:
        return None
    if not EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True):
        return None
    if Membership.objects.filter(user=user, status=Membership.Status.APPROVED).exists():
        return None
    return memberships.request_membership(user, organisation)
