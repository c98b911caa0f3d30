"""The roles of the portal, derived from memberships and Wagtail permissions.

visitor: not signed in. member: approved for an organisation (a municipality, region,
county board, police region or other). coordinator: the organisation's contact person
(kontaktperson). editor: the national team, with access to Wagtail's admin.
administrator: superuser.
"""

from django.utils.translation import gettext_lazy as _

from portal.models import Membership

_CACHE_ATTRIBUTE = "_portal_active_membership"


def active_membership(user):
    """The person's approved membership, or None. Cached on the user object."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, _CACHE_ATTRIBUTE):
        membership = (
            Membership.objects.filter(user=user, status=Membership.Status.APPROVED)
            .select_related("organisation__municipality__county")
            .first()
        )
        setattr(user, _CACHE_ATTRIBUTE, membership)
    return getattr(user, _CACHE_ATTRIBUTE)


def forget_cached_membership(user):
    if hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)


def is_editor(user):
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def is_member_of(user, organisation):
    membership = active_membership(user)
    return membership is not None and membership.organisation_id == organisation.pk


def is_coordinator_of(user, organisation):
    membership = active_membership(user)
    return (
        membership is not None
        and membership.organisation_id == organisation.pk
        and membership.role == Membership.Role.COORDINATOR
    )


def can_manage_memberships(user, organisation):
    """Coordinators manage their own organisation; editors manage every one."""
    return is_editor(user) or is_coordinator_of(user, organisation)


def role_label(user):
    if not user.is_authenticated:
        return _("Besökare")
    if user.is_superuser:
        return _("Administratör")
    if is_editor(user):
        return _("Redaktör")
    membership = active_membership(user)
    if membership is None:
        return _("Inloggad, inte kopplad till någon organisation")
    return membership.get_role_display()
