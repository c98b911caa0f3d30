"""Membership operations: asking to act for an organisation, and deciding on it.

Views call these and turn MembershipError into a message for the person. Every change
is written to Wagtail's log (who approved whom, and when), which editors read in the
admin.
"""

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from organisations.models import organisation_for_email
from portal import emails
from portal.accounts.roles import can_manage_memberships, forget_cached_membership
from portal.models import Membership

DECISION_SALT = "portal.membership.decision"
DECISION_LINK_DAYS = 7
DECISION_LINK_MAX_AGE = DECISION_LINK_DAYS * 24 * 3600  # seconds


class MembershipError(Exception):
    """A membership operation that cannot be done; the message is for the person."""


def _has_verified_email(user):
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


def _end_other_approved(membership, by):
    for old in Membership.objects.filter(
        user=membership.user, status=Membership.Status.APPROVED
    ).exclude(pk=membership.pk):
        old.status = Membership.Status.ENDED
        old.decided_at = timezone.now()
        old.save(update_fields=["status", "decided_at"])
        log(old, "portal.membership.ended", user=by)


def decision_token(membership):
    """The signed part of the link in the email to approvers. It names the request only:
    the link is a shortcut to the request, and whoever opens it signs in and must be
    allowed to decide for the organisation."""
    return signing.dumps({"m": membership.pk}, salt=DECISION_SALT)


def read_decision_token(token):
    """The membership request of a valid link younger than DECISION_LINK_DAYS;
    MembershipError, with a message for the person, otherwise."""
    try:
        data = signing.loads(token, salt=DECISION_SALT, max_age=DECISION_LINK_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise MembershipError(
            _(
                "Länken har gått ut. Länkar i e-post gäller i %(days)s dagar. "
                "Du hittar förfrågan på Mina sidor."
            )
            % {"days": DECISION_LINK_DAYS}
        ) from exc
    except signing.BadSignature as exc:
        raise MembershipError(_("Länken är ogiltig.")) from exc
    membership = (
        Membership.objects.select_related("user", "organisation").filter(pk=data.get("m")).first()
    )
    if membership is None:
        raise MembershipError(_("Förfrågan finns inte längre."))
    return membership


def organisations_with_coordinators(organisations):
    """The ids of those of `organisations` that have at least one coordinator with an
    active account (one query), for telling editors whom an invitation would reach."""
    return set(
        Membership.objects.filter(
            organisation__in=organisations,
            status=Membership.Status.APPROVED,
            role=Membership.Role.COORDINATOR,
            user__is_active=True,
        ).values_list("organisation_id", flat=True)
    )


def coordinators_of(organisation):
    """The organisation's coordinators (kontaktpersoner) whose accounts are active: the
    people told of and asked about what concerns the organisation."""
    return [
        membership.user
        for membership in Membership.objects.filter(
            organisation=organisation,
            status=Membership.Status.APPROVED,
            role=Membership.Role.COORDINATOR,
            user__is_active=True,
        ).select_related("user")
    ]


def editors():
    """The national team's editors (Wagtail's Editors and Moderators groups) whose accounts
    are active and reach the admin, or else the administrators: who is told of what only
    the team decides."""
    User = get_user_model()
    return [
        user
        for user in User.objects.filter(is_active=True, groups__name__in=["Editors", "Moderators"])
        .distinct()
        .order_by("pk")
        if user.has_perm("wagtailadmin.access_admin")
    ] or list(User.objects.filter(is_active=True, is_superuser=True))


def approvers_for(organisation):
    """Who is asked to decide: the organisation's coordinators, or else the editors."""
    return coordinators_of(organisation) or editors()


@transaction.atomic
def request_membership(user, organisation, job_title=""):
    """Ask to act for an organisation of any kind. Approved at once when the verified
    address is on one of the organisation's staff domains; otherwise its coordinators (or
    the editors) are asked. A pending request for another organisation is replaced."""
    current = Membership.objects.filter(user=user, status=Membership.Status.APPROVED).first()
    if current and current.organisation_id == organisation.pk:
        raise MembershipError(_("Du är redan medlem för %(name)s.") % {"name": organisation})
    for pending in Membership.objects.filter(user=user, status=Membership.Status.PENDING):
        pending.status = Membership.Status.ENDED
        pending.decided_at = timezone.now()
        pending.save(update_fields=["status", "decided_at"])
        log(pending, "portal.membership.withdrawn", user=user)

    membership = Membership.objects.create(
        user=user, organisation=organisation, job_title=job_title
    )
    log(membership, "portal.membership.requested", user=user)
    forget_cached_membership(user)

    domain_match = organisation_for_email(user.email)
    if (
        domain_match is not None
        and domain_match.pk == organisation.pk
        and _has_verified_email(user)
    ):
        _end_other_approved(membership, by=user)  # first: one approved membership at a time
        membership.status = Membership.Status.APPROVED
        membership.approved_by_email_domain = True
        membership.decided_at = timezone.now()
        membership.save(update_fields=["status", "approved_by_email_domain", "decided_at"])
        log(membership, "portal.membership.approved_by_domain", user=user)
        emails.send("portal/emails/membership_approved", [user.email], {"membership": membership})
        return membership

    approvers = approvers_for(organisation)

    def notify():
        for approver in approvers:
            link = reverse("accounts:membership_decision", args=[decision_token(membership)])
            emails.send(
                "portal/emails/membership_requested",
                [approver.email],
                {
                    "membership": membership,
                    "approver": approver,
                    "decision_url": emails.absolute_url(link),
                    "my_pages_url": emails.absolute_url(reverse("accounts:my_pages")),
                },
            )
        emails.send("portal/emails/membership_pending", [user.email], {"membership": membership})

    notify()
    return membership


def _require_pending(membership):
    if membership.status != Membership.Status.PENDING:
        raise MembershipError(
            _("Förfrågan är redan hanterad (%(status)s).")
            % {"status": membership.get_status_display().lower()}
        )


def _require_manager(by, organisation):
    if not can_manage_memberships(by, organisation):
        raise PermissionError(_("Du kan bara hantera medlemskap för din egen organisation."))


def _log_decision(membership, action, by, from_email_link):
    data = {"from_email_link": True} if from_email_link else None
    log(membership, action, user=by, data=data)


@transaction.atomic
def approve_membership(membership, by, *, from_email_link=False):
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    _require_manager(by, membership.organisation)
    _require_pending(membership)
    _end_other_approved(membership, by=by)  # first: one approved membership at a time
    membership.status = Membership.Status.APPROVED
    membership.decided_at = timezone.now()
    membership.decided_by = by
    membership.save(update_fields=["status", "decided_at", "decided_by"])
    _log_decision(membership, "portal.membership.approved", by, from_email_link)
    forget_cached_membership(membership.user)
    emails.send(
        "portal/emails/membership_approved", [membership.user.email], {"membership": membership}
    )
    return membership


@transaction.atomic
def decline_membership(membership, by, reason="", *, from_email_link=False):
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    _require_manager(by, membership.organisation)
    _require_pending(membership)
    membership.status = Membership.Status.DECLINED
    membership.decided_at = timezone.now()
    membership.decided_by = by
    membership.decline_reason = reason
    membership.save(update_fields=["status", "decided_at", "decided_by", "decline_reason"])
    _log_decision(membership, "portal.membership.declined", by, from_email_link)
    emails.send(
        "portal/emails/membership_declined", [membership.user.email], {"membership": membership}
    )
    return membership


@transaction.atomic
def set_role(membership, role, by):
    """Appoint a colleague coordinator, or make a coordinator an ordinary member again."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    _require_manager(by, membership.organisation)
    if membership.status != Membership.Status.APPROVED:
        raise MembershipError(_("Bara godkända medlemmar kan få en roll."))
    if role not in Membership.Role.values:
        raise MembershipError(_("Okänd roll."))
    if membership.role == role:
        return membership
    membership.role = role
    membership.save(update_fields=["role"])
    log(membership, f"portal.membership.role_{role}", user=by)
    forget_cached_membership(membership.user)
    emails.send(
        "portal/emails/membership_role", [membership.user.email], {"membership": membership}
    )
    return membership


@transaction.atomic
def leave_organisation(membership, by):
    if membership.user_id != by.pk:
        raise PermissionError(_("Du kan bara lämna ditt eget medlemskap."))
    membership.status = Membership.Status.ENDED
    membership.decided_at = timezone.now()
    membership.save(update_fields=["status", "decided_at"])
    log(membership, "portal.membership.left", user=by)
    forget_cached_membership(by)
    return membership
