"""The roles of the portal, derived from memberships and Wagtail permissions.

visitor: not signed in. member: approved for a municipality. coordinator: the
municipality's contact person (kommunens kontaktperson). editor: the national team, with
access to Wagtail's admin. administrator: superuser.
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
            .select_related("municipality__county")
            .first()
        )
        setattr(user, _CACHE_ATTRIBUTE, membership)
    return getattr(user, _CACHE_ATTRIBUTE)


def forget_cached_membership(user):
    if hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)


def is_editor(user):
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def is_member_of(user, municipality):
    membership = active_membership(user)
    return membership is not None and membership.municipality_id == municipality.pk


def is_coordinator_of(user, municipality):
    membership = active_membership(user)
    return (
        membership is not None
        and membership.municipality_id == municipality.pk
        and membership.role == Membership.Role.COORDINATOR
    )


def can_manage_memberships(user, municipality):
    """Coordinators manage their own municipality; editors manage every municipality."""
    return is_editor(user) or is_coordinator_of(user, municipality)


def role_label(user):
    if not user.is_authenticated:
        return _("Besökare")
    if user.is_superuser:
        return _("Administratör")
    if is_editor(user):
        return _("Redaktör")
    membership = active_membership(user)
    if membership is None:
        return _("Inloggad, inte kopplad till någon kommun")
    return membership.get_role_display()
