"""The agreement (överenskommelse) of an engagement, versioned and confirmed by both sides.

- The team writes it: goals, the activities chosen from the offer, what each side
  commits to (Ds 2025:19, 6.5.4: mutual commitments, the municipality owning its local
  development work that the team's support contributes to) and dates.
- Any change is a new version; the earlier ones stay readable as they were. A version is
  in force when both sides have confirmed it: for the team, its contact person or any
  editor; for the municipality, a coordinator of the lead organisation.
- Why only the lead: every participating organisation's management already anchored the
  application (a named manager confirmed it), and the lead speaks for the group in the
  application too. The other organisations read every version and its confirmations.
  An engagement without an application (support given otherwise) works the same way.
- Confirming is a conditional update on the version being the latest and unconfirmed by
  that side, so a confirmation never lands on a version that has just been replaced.
- The document is a self-contained, printable HTML file (no library, no external assets),
  served as an attachment to participants and the team only.
"""

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal import emails
from portal.accounts.roles import is_coordinator_of, is_editor

from ..models import Agreement
from . import engagements
from .engagements import EngagementError

DRAFTED = "support.agreement.drafted"
CONFIRMED = "support.agreement.confirmed"

DEFAULT_TEAM_COMMITMENTS = _(
    "Förstärkningsteamet ger stöd i de aktiviteter som valts, med en kontaktperson, "
    "och bidrar med kunskap och arbetssätt till kommunens eget utvecklingsarbete."
)
DEFAULT_MUNICIPALITY_COMMITMENTS = _(
    "Kommunen äger det lokala utvecklingsarbetet: ger medarbetare tid att delta, har "
    "ledningens stöd och ser till att det som byggs upp blir en del av det ordinarie "
    "arbetet när stödet är slut."
)

FIELDS = ("goals", "team_commitments", "municipality_commitments", "starts_on", "ends_on")


def current(engagement):
    return engagement.agreements.order_by("-version").first()


def in_force(engagement):
    """The latest version both sides have confirmed, or None."""
    return (
        engagement.agreements.filter(
            team_confirmed_at__isnull=False, municipality_confirmed_at__isnull=False
        )
        .order_by("-version")
        .first()
    )


@transaction.atomic
def draft(engagement, *, by, activities, change_note="", **texts):
    """A new version with these contents, to be confirmed by both sides; unchanged
    contents make no new version. Returns the (new or current) version."""
    if not is_editor(by):
        raise PermissionError(_("Bara förstärkningsteamet skriver överenskommelsen."))
    for name in ("goals", "team_commitments", "municipality_commitments", "change_note"):
        value = (texts.get(name) if name != "change_note" else change_note) or ""
        engagements.check_text(value, name)
    for name in ("goals", "team_commitments", "municipality_commitments"):
        texts[name] = (texts[name] or "").strip()
        if not texts[name]:
            raise EngagementError(_("Fyll i det här."), name)
    if texts["ends_on"] < texts["starts_on"]:
        raise EngagementError(_("Slutet kan inte ligga före starten."), "ends_on")
    if texts["ends_on"] > engagements.limit_of(texts["starts_on"]) and (
        texts["ends_on"] > engagement.ends_on or not engagement.extension_reason
    ):
        raise EngagementError(
            _(
                "Överenskommelsen kan inte gå förbi två år (%(limit)s) om inte insatsen "
                "förlängts med ett skäl. Ändra insatsens planerade slut först."
            )
            % {"limit": engagements.limit_of(texts["starts_on"]).isoformat()},
            "ends_on",
        )
    # Lock the engagement: two editors saving at once make two versions, in order.
    type(engagement).objects.select_for_update().get(pk=engagement.pk)
    latest = current(engagement)
    activities = list(activities)
    if (
        latest is not None
        and all(getattr(latest, name) == texts[name] for name in FIELDS)
        and {a.pk for a in latest.activities.all()} == {a.pk for a in activities}
    ):
        return latest
    agreement = Agreement.objects.create(
        engagement=engagement,
        version=(latest.version + 1) if latest else 1,
        change_note=change_note.strip(),
        created_by=by,
        **{name: texts[name] for name in FIELDS},
    )
    agreement.activities.set(activities)
    log(engagement, DRAFTED, user=by, data={"version": agreement.version})
    if latest is not None:
        _tell_municipality(agreement)
    return agreement


def _tell_municipality(agreement):
    engagement = agreement.engagement
    emails.send(
        "support/emails/agreement_changed",
        [p.email for p in engagements.municipality_contacts(engagement)],
        {
            "engagement": engagement,
            "agreement": agreement,
            "url": emails.absolute_url(reverse("support:agreement", args=[engagement.pk])),
        },
    )


def can_confirm_for_team(user, agreement):
    return is_editor(user)


def can_confirm_for_municipality(user, agreement):
    lead = engagements.lead_of(agreement.engagement)
    return lead is not None and is_coordinator_of(user, lead)


def sides_for(user, agreement):
    """The sides the person may still confirm this version for: "team", "municipality"."""
    sides = []
    if agreement.team_confirmed_at is None and can_confirm_for_team(user, agreement):
        sides.append("team")
    if agreement.municipality_confirmed_at is None and can_confirm_for_municipality(
        user, agreement
    ):
        sides.append("municipality")
    return sides


@transaction.atomic
def confirm(agreement, *, by, side):
    """Confirm the version for one side. Only the latest version can be confirmed."""
    if side == "team" and not can_confirm_for_team(by, agreement):
        raise PermissionError(_("Bara förstärkningsteamet bekräftar för teamet."))
    if side == "municipality" and not can_confirm_for_municipality(by, agreement):
        raise PermissionError(
            _("Bara en samordnare i den organisation som är huvudkontakt bekräftar.")
        )
    if side not in ("team", "municipality"):
        raise EngagementError(_("Okänd part."))
    now = timezone.now()
    claimed = (
        Agreement.objects.filter(pk=agreement.pk, **{f"{side}_confirmed_at__isnull": True})
        .exclude(engagement__agreements__version__gt=agreement.version)
        .update(**{f"{side}_confirmed_at": now, f"{side}_confirmed_by": by})
    )
    if not claimed:
        raise EngagementError(
            _("Den här versionen är redan bekräftad eller har ersatts av en nyare. Ladda om sidan.")
        )
    agreement.refresh_from_db()
    log(
        agreement.engagement,
        CONFIRMED,
        user=by,
        data={
            "version": agreement.version,
            "side": _("teamet") if side == "team" else _("kommunen"),
        },
    )
    return agreement


def document(agreement):
    """The version as a printable, self-contained HTML document."""
    engagement = agreement.engagement
    return render_to_string(
        "support/engagements/agreement_document.html",
        {
            "engagement": engagement,
            "agreement": agreement,
            "organisations": [p.organisation for p in engagement.participants.all()],
            "team_contact": engagement.team_contact,
        },
    )


def filename(agreement):
    return f"overenskommelse-insats-{agreement.engagement_id}-version-{agreement.version}.html"
