"""A person signs in with their organisation's account: the work address on the portal's
login page leads to the organisation's identity provider (served by the test on
127.0.0.1, its login page a plain form), and back to Mina sidor, a member at once."""

import uuid

from organisations.models import Organisation, OrganisationEmailDomain
from portal.models import IdentityProvider, Membership
from portal.services import sso
from tests.oidc_provider import LocalOpenIDProvider

from .helpers import axe_violations


def test_sign_in_through_the_organisations_identity_provider(page):
    tag = uuid.uuid4().hex[:8]
    organisation = Organisation.objects.create(
        kind="other", name=f"Samordningsförbundet {tag}", slug=f"samordning-{tag}"
    )
    OrganisationEmailDomain.objects.create(organisation=organisation, domain=f"sf{tag}.se")
    email = f"ida@sf{tag}.se"
    with LocalOpenIDProvider() as idp:
        idp.person = {"sub": f"ida-{tag}", "email": email, "given_name": "Ida", "family_name": "Ek"}
        sso.save_identity_provider(
            IdentityProvider(
                organisation=organisation, server_url=idp.url, client_id=idp.client_id
            ),
            secret=idp.client_secret,
        )

        page.goto("/konto/login/")
        assert axe_violations(page) == []
        page.get_by_role("link", name="Logga in med din organisations konto").click()
        assert axe_violations(page) == []
        page.get_by_label("Din e-postadress i jobbet").fill(email)
        page.get_by_role("button", name="Fortsätt till min organisation").click()
        page.get_by_role("heading", name="Vidare till din organisations inloggning").wait_for()
        assert axe_violations(page) == []
        page.get_by_role("link", name=f"Logga in hos {organisation.name}").click()
        page.get_by_role("button", name="Godkänn inloggningen").click()  # the provider's page
        page.wait_for_url("**/mina-sidor/")

        page.get_by_text(organisation.name).first.wait_for()
    membership = Membership.objects.get(user__email=email)
    assert (membership.organisation, membership.status) == (organisation, "approved")
