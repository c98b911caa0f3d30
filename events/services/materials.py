"""Materials and recordings added to a workshop afterwards, and who may see them.

The editor chooses per workshop: everyone, or only its participants (a confirmed seat,
not marked absent) and editors. For participants only, the `before_serve_document` hook
asks `may_download`, so a document's address alone does not get anyone else its file.
Registrants are told once, when the page is first published with materials.
"""

from django.db import transaction
from django.utils import timezone

from events.models import MaterialsFor, Registration, WorkshopPage
from portal import emails
from portal.accounts.roles import is_editor

from .notifications import _context


def is_participant(user, workshop):
    if not user.is_authenticated:
        return False
    return (
        Registration.objects.filter(
            workshop=workshop, user=user, status=Registration.Status.CONFIRMED
        )
        .exclude(attended=False)
        .exists()
    )


def shows_materials(workshop, user):
    """Whether the page shows its materials to this person (False when there are none)."""
    if not workshop.materials:
        return False
    if workshop.materials_for == MaterialsFor.EVERYONE:
        return True
    return is_editor(user) or is_participant(user, workshop)


def document_ids(workshop):
    return {
        block["value"].get("document")
        for block in workshop.materials.raw_data
        if block.get("type") == "document"
    }


def workshops_of_document(document):
    """The live workshops whose materials hold the document, or None when none does."""
    found = [
        workshop
        for workshop in WorkshopPage.objects.live().only("pk", "materials", "materials_for")
        if document.pk in document_ids(workshop)
    ]
    return found or None


def may_download(user, workshops):
    """A document in workshop materials: anyone if one of them shows it to everyone,
    otherwise editors and the participants of one of them."""
    if any(w.materials_for == MaterialsFor.EVERYONE for w in workshops):
        return True
    return is_editor(user) or any(is_participant(user, w) for w in workshops)


def notify_registrants(workshop, *, now=None):
    """Tell each participant once that the workshop has materials. Returns how many were
    told by this call; safe to call again (each row is claimed with a conditional UPDATE)."""
    if not workshop.materials:
        return 0
    now = now or timezone.now()
    due = (
        Registration.objects.filter(
            workshop=workshop,
            status=Registration.Status.CONFIRMED,
            materials_notified_at__isnull=True,
        )
        .exclude(attended=False)
        .select_related("workshop", "occasion", "user")
    )
    told = 0
    for registration in due:
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration.pk, materials_notified_at__isnull=True
            ).update(materials_notified_at=now)
            if not claimed:
                continue
            emails.send(
                "events/emails/materials", [registration.user.email], _context(registration)
            )
            told += 1
    return told
