"""What single sign-on keeps about a person, in their data export (Mina sidor)."""

from allauth.socialaccount.models import SocialAccount

from portal.models import IdentityProvider


def personal_data(user):
    accounts = list(SocialAccount.objects.filter(user=user))
    names = {
        provider.provider_id: str(provider.organisation)
        for provider in IdentityProvider.objects.filter(
            app__provider_id__in=[account.provider for account in accounts]
        ).select_related("organisation", "app")
    }
    return (
        "inloggning via organisation",
        [
            {
                "organisation": names.get(account.provider, account.provider),
                "id hos organisationen": account.uid,
                "kopplat": account.date_joined.isoformat(),
                "senast inloggad": account.last_login.isoformat(),
                "uppgifter från organisationen": account.extra_data,
            }
            for account in accounts
        ],
    )
