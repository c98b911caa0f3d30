"""Single sign-on through an organisation's own identity provider (OpenID Connect).

Editors register a provider per organisation (portal.models.IdentityProvider, admin in
portal.sso.admin). A person gives their work address on /konto/organisation/; its domain
names the organisation (organisations.models.organisation_for_email) and so the provider.
allauth's OpenID Connect provider does the protocol, with portal's subclass
(portal.sso.provider), and portal's adapter (portal.sso.adapter) decides whom a sign-in
may create, link and make a member (portal.services.sso).
"""
