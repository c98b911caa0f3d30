"""Contacting another organisation through the portal, and the team's contact persons.

The coordinators (kontaktpersoner) of an approved organisation, and editors, can write to
another organisation. The portal sends the message to each of that organisation's
coordinators, from its own address with the sender's address as Reply-To, so the answer
goes straight to the sender; the sender gets a copy. What is kept is that the message was
sent (ContactRequest, and a line in Wagtail's log), never what it said.

Limits, counted from the log over the last 24 hours, checked and written under a lock on
the sender's row so that two posts at once cannot both slip under them:
CONTACT_MESSAGES_PER_DAY per sender (default 10) and
CONTACT_MESSAGES_PER_RECIPIENT_PER_DAY per sender and receiving organisation (default 1).

Every municipality has a contact person in the national team (Ds 2025:19, 4.3): an editor
chosen in the admin (TeamContact). An editor who is deactivated or no longer an editor is
not shown.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from network.models import ContactRequest, TeamContact
from organisations.models import Organisation
from portal import emails
from portal.accounts.roles import active_membership, is_editor
from portal.models import Membership
from portal.privacy import contains_personal_number
from portal.services.memberships import coordinators_of

from .networks.notifications import notify

WINDOW = timedelta(days=1)


class ContactError(Exception):
    """A message that cannot be sent; the message is for the person."""


def messages_per_day():
    return settings.CONTACT_MESSAGES_PER_DAY


def messages_per_recipient_per_day():
    return settings.CONTACT_MESSAGES_PER_RECIPIENT_PER_DAY


@dataclass(frozen=True)
class ContactAccess:
    """Whether a person may write to an organisation, and if not, why (for the page)."""

    allowed: bool = False
    visitor: bool = False
    own: bool = False
    reason: str = ""
    sender_organisation: Organisation | None = None


def contact_access(user, organisation):
    if not user.is_authenticated:
        return ContactAccess(visitor=True, reason=_("Logga in för att kontakta organisationen."))
    membership = active_membership(user)
    own = membership.organisation if membership else None
    if own is not None and own.pk == organisation.pk:
        return ContactAccess(own=True, reason=_("Det här är din egen organisation."))
    if is_editor(user):
        return ContactAccess(allowed=True, sender_organisation=own)
    if membership is None:
        return ContactAccess(
            reason=_(
                "Kontaktpersonerna för kommuner och andra organisationer kan skriva till varandra "
                "genom portalen. Du företräder ingen organisation ännu; det gör du via Mina sidor."
            )
        )
    if membership.role != Membership.Role.COORDINATOR:
        return ContactAccess(
            reason=_(
                "Det är kontaktpersonerna för %(name)s som kontaktar andra organisationer genom "
                "portalen. Be en av dem att skriva, eller be att själv bli kontaktperson."
            )
            % {"name": own.name}
        )
    return ContactAccess(allowed=True, sender_organisation=own)


def _when(moment):
    return formats.date_format(timezone.localtime(moment), "j F \\k\\l. H:i")


def _check_limits(sender, recipient, now):
    recent = ContactRequest.objects.filter(sender=sender, created_at__gt=now - WINDOW)
    to_recipient = recent.filter(recipient=recipient).order_by("created_at")
    if to_recipient.count() >= messages_per_recipient_per_day():
        raise ContactError(
            _(
                "Du har redan skrivit till %(name)s det senaste dygnet. Du kan skriva igen "
                "%(when)s, eller fortsätta i den e-posttråd ni redan har."
            )
            % {"name": recipient.name, "when": _when(to_recipient.first().created_at + WINDOW)}
        )
    if recent.count() >= messages_per_day():
        oldest = recent.order_by("created_at").first()
        raise ContactError(
            _(
                "Du har skickat %(count)s meddelanden genom portalen det senaste dygnet, vilket är "
                "det högsta antalet. Du kan skriva igen %(when)s."
            )
            % {"count": messages_per_day(), "when": _when(oldest.created_at + WINDOW)}
        )


@transaction.atomic
def contact_organisation(*, sender, organisation, subject, message):
    """Send a message to the organisation's coordinators; returns the ContactRequest.

    PermissionError if the sender may not write to it; ContactError when the message
    cannot go (no coordinator to receive it, a limit reached, a personal identity number)."""
    access = contact_access(sender, organisation)
    if not access.allowed:
        raise PermissionError(access.reason)
    if contains_personal_number(subject) or contains_personal_number(message):
        raise ContactError(
            _("Meddelandet får inte innehålla personnummer eller samordningsnummer.")
        )
    recipients = coordinators_of(organisation)
    if not recipients:
        raise ContactError(no_coordinator_message(organisation))
    # The lock: a second post by the same sender waits here until this one is written.
    get_user_model().objects.select_for_update().filter(pk=sender.pk).first()
    now = timezone.now()
    _check_limits(sender, organisation, now)
    request = ContactRequest.objects.create(
        sender=sender,
        sender_organisation=access.sender_organisation,
        recipient=organisation,
        created_at=now,
    )
    sender_organisation = access.sender_organisation
    log(
        organisation,
        "network.contact.sent",
        user=sender,
        data={
            "sender_organisation": sender_organisation.name if sender_organisation else "",
            "recipients": len(recipients),
        },
    )
    sender_page = getattr(sender_organisation, "municipality", None)
    context = {
        "sender_name": str(sender),
        "sender_email": sender.email,
        "sender_organisation_name": (
            sender_organisation.name if sender_organisation else _("förstärkningsteamet")
        ),
        "sender_page_url": emails.absolute_url(sender_page.get_absolute_url())
        if sender_page
        else "",
        "recipient": organisation,
        "recipient_count": len(recipients),
        "subject": subject,
        "message": message,
    }
    notify("contact", recipients, reply_to=sender.email, **context)
    notify("contact_copy", [sender], **context)
    return request


def no_coordinator_message(organisation):
    return _(
        "%(name)s har ingen kontaktperson i portalen ännu, så meddelandet kan inte skickas "
        "härifrån."
    ) % {"name": organisation.name}


# The team's contact persons ------------------------------------------------------------


def team_members():
    """The people who can be a municipality's contact person: active editors."""
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__in=access_admin)
            | Q(user_permissions__in=access_admin)
        )
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def team_contact_for(municipality):
    """The municipality's contact person in the team, or None (none chosen, or the person
    is deactivated or no longer an editor)."""
    if municipality is None:
        return None
    row = TeamContact.objects.select_related("user").filter(municipality=municipality).first()
    if row is None or not row.user.is_active or not is_editor(row.user):
        return None
    return row.user


@transaction.atomic
def set_team_contact(municipality, user, *, by):
    """Choose (or, with None, clear) the municipality's contact person in the team."""
    current = TeamContact.objects.filter(municipality=municipality).first()
    if user is not None and not (user.is_active and is_editor(user)):
        raise ContactError(_("Kontaktpersonen måste vara en aktiv redaktör i förstärkningsteamet."))
    if current is not None and current.user_id == getattr(user, "pk", None):
        return current
    if user is None:
        if current is not None:
            current.delete()
            log(municipality, "network.team_contact.cleared", user=by)
        return None
    contact, _created = TeamContact.objects.update_or_create(
        municipality=municipality, defaults={"user": user}
    )
    log(municipality, "network.team_contact.set", user=by, data={"contact": str(user)})
    return contact
