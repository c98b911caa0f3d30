"""Applications for the team's support, from the applicants' side.

A coordinator (kontaktperson) of a municipality starts a draft in the open round: one
draft per lead organisation and round. The draft holds the activities wanted, what the
municipality wants to achieve, how the support is taken into its ordinary work and how it
works with others in the region (Ds 2025:19, 6.5.5); the lead's latest completed
self-assessment is attached. Other municipalities are invited as co-applicants, one by
one or as the rest of a network; their coordinators confirm or decline. Each participant
names a manager who anchors the application (support.services.anchoring). The lead
submits when everything is in place, while the round is open, and may withdraw before a
decision. Every step is logged and the people concerned are emailed.

Every change locks the application row first (`_lock`), so a submit racing an edit, an
invitation or a second submit sees the other's result and never a half-done one.
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from organisations.models import Organisation
from portal import emails
from portal.accounts.roles import is_coordinator_of
from portal.services.memberships import coordinators_of

from ..models import (
    Anchoring,
    Application,
    ApplicationParticipant,
    ApplicationRound,
    SelfAssessment,
    SupportActivity,
)
from . import access

Status = Application.Status
Participation = ApplicationParticipant.Status


class ApplicationError(Exception):
    """Something about an application that cannot be done; the message is for the person.

    `field` names the form field it is about, when it is one thing the person chose."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


class NotReady(ApplicationError):
    """The application cannot be submitted yet: `missing` lists what is missing."""

    def __init__(self, missing):
        super().__init__(_("Ansökan kan inte skickas in ännu."))
        self.missing = missing


# Rounds -----------------------------------------------------------------------------


def open_round(now=None):
    """The round open for applications now (the one closing first), or None."""
    now = now or timezone.now()
    return (
        ApplicationRound.objects.filter(opens_at__lte=now, deadline__gte=now)
        .order_by("deadline", "pk")
        .first()
    )


def next_round(now=None):
    """The next round to open, or None."""
    now = now or timezone.now()
    return ApplicationRound.objects.filter(opens_at__gt=now).order_by("opens_at", "pk").first()


def latest_self_assessment(organisation):
    """The organisation's latest completed self-assessment, or None."""
    return (
        SelfAssessment.objects.filter(
            organisation=organisation, status=SelfAssessment.Status.COMPLETED
        )
        .select_related("questionnaire")
        .order_by("-completed_at", "-pk")
        .first()
    )


def offered_activities():
    return SupportActivity.objects.filter(is_offered=True).select_related("support_area")


# Reading ----------------------------------------------------------------------------


def applications_of(organisation):
    """The applications the organisation takes part in (lead, invited or confirmed)."""
    taking_part = ApplicationParticipant.objects.filter(organisation=organisation).exclude(
        status=Participation.DECLINED
    )
    return Application.objects.filter(participants__in=taking_part).select_related("round", "lead")


def waiting_invitations(organisation):
    """Invitations to take part in a draft that the organisation has not answered."""
    return ApplicationParticipant.objects.filter(
        organisation=organisation,
        status=Participation.INVITED,
        application__status=Status.DRAFT,
    ).select_related("application__lead", "application__round")


def live_anchoring(participant):
    """The participant's pending or confirmed anchoring, or None."""
    return participant.anchorings.filter(
        status__in=[Anchoring.Status.PENDING, Anchoring.Status.CONFIRMED]
    ).first()


def active_participants(application):
    """The lead and the co-applicants who have not declined."""
    return application.participants.exclude(status=Participation.DECLINED).select_related(
        "organisation"
    )


def missing_for_submit(application):
    """What must be done before the application can be submitted, in words; [] if ready."""
    missing = []
    if not application.activities.exists():
        missing.append(_("Välj minst en aktivitet ni vill ha stöd med."))
    if not application.goals.strip():
        missing.append(_("Skriv vad ni vill uppnå."))
    if not application.integration.strip():
        missing.append(_("Skriv hur stödet tas in i det ordinarie arbetet."))
    for participant in active_participants(application):
        name = participant.organisation.name
        if participant.status == Participation.INVITED:
            missing.append(
                _("%(name)s har inte svarat på inbjudan. Vänta på svaret eller ta bort %(name)s.")
                % {"name": name}
            )
            continue
        anchoring = live_anchoring(participant)
        if anchoring is None:
            missing.append(
                _("%(name)s har inte angett någon chef för förankring.") % {"name": name}
            )
        elif anchoring.status != Anchoring.Status.CONFIRMED:
            missing.append(
                _("%(manager)s (%(name)s) har inte bekräftat förankringen ännu.")
                % {"manager": anchoring.manager_name, "name": name}
            )
    if not application.round.is_open():
        missing.append(_("Ansökningsomgången är stängd."))
    return missing


# Emails -----------------------------------------------------------------------------


def application_url(application):
    return emails.absolute_url(reverse("support:application_edit", args=[application.pk]))


def notify_coordinators(template, organisations, **context):
    """Queue support/emails/<template> to the coordinators of each organisation."""
    addresses = {
        person.email for organisation in organisations for person in coordinators_of(organisation)
    }
    return emails.send(f"support/emails/{template}", addresses, context)


def _log(application, action, by, **data):
    log(application, action, user=by, data=data or None)


# Changes ----------------------------------------------------------------------------


def lock_draft(application, by=None, *, must_edit=True):
    """The application's row, locked for the rest of the transaction; refuses changes to
    one that is no longer a draft (and, with `by`, by someone who may not edit it)."""
    locked = (
        Application.objects.select_for_update()
        .select_related("round", "lead")
        .get(pk=application.pk)
    )
    if must_edit and not locked.is_draft:
        raise ApplicationError(
            _("Ansökan är %(status)s och kan inte längre ändras.")
            % {"status": locked.get_status_display().lower()}
        )
    if by is not None and not is_coordinator_of(by, locked.lead):
        raise PermissionError(_("Bara den sökande kommunens kontaktperson kan ändra ansökan."))
    return locked


def start(*, by, activity=None, now=None):
    """Open the person's organisation's application in the open round: its draft (made if
    there is none) or the application it has already sent. Returns (application, created).
    """
    organisation = access.organisation_of(by)
    if not access.can_apply_for(by, organisation):
        raise PermissionError(_("Bara en kommuns kontaktperson kan ansöka om stöd."))
    application_round = open_round(now)
    if application_round is None:
        raise ApplicationError(_("Det finns ingen öppen ansökningsomgång just nu."))
    existing = (
        Application.objects.filter(round=application_round, lead=organisation)
        .exclude(status=Status.WITHDRAWN)
        .order_by("-created_at", "-pk")
        .first()
    )
    created = False
    if existing is None:
        try:
            with transaction.atomic():
                existing = Application.objects.create(
                    round=application_round,
                    lead=organisation,
                    created_by=by,
                    self_assessment=latest_self_assessment(organisation),
                )
                ApplicationParticipant.objects.create(
                    application=existing,
                    organisation=organisation,
                    is_lead=True,
                    status=Participation.CONFIRMED,
                    responded_by=by,
                    responded_at=timezone.now(),
                )
                _log(existing, "support.application.created", by)
            created = True
        except IntegrityError:  # a second click made the draft a moment ago
            existing = Application.objects.get(
                round=application_round, lead=organisation, status=Status.DRAFT
            )
    if activity is not None and existing.is_draft and activity.is_offered:
        existing.activities.add(activity)
    return existing, created


@transaction.atomic
def update(application, *, by, activities, goals, integration, collaboration):
    """Save the draft's texts and chosen activities; the latest self-assessment follows."""
    application = lock_draft(application, by)
    before = _content(application)
    application.goals = goals.strip()
    application.integration = integration.strip()
    application.collaboration = collaboration.strip()
    application.self_assessment = latest_self_assessment(application.lead)
    application.updated_at = timezone.now()
    application.save(
        update_fields=["goals", "integration", "collaboration", "self_assessment", "updated_at"]
    )
    application.activities.set([a for a in activities if a.is_offered])
    if _content(application) != before:
        _ask_managers_again(application, by, _("texterna eller de önskade aktiviteterna"))
    return application


def _content(application):
    """What a manager anchors: the texts and the activities."""
    return (
        application.goals,
        application.integration,
        application.collaboration,
        frozenset(application.activities.values_list("pk", flat=True)),
    )


def _ask_managers_again(application, by, change):
    from .anchoring import reopen_after_change  # anchoring builds on this module

    reopen_after_change(application, by=by, change=change)


def networks_for(organisation):
    """The networks the organisation is an active member of."""
    from network.models import Network, NetworkMembership

    return Network.objects.filter(
        memberships__organisation=organisation,
        memberships__status=NetworkMembership.Status.ACTIVE,
    ).order_by("name")


def network_municipalities(network):
    from network.models import NetworkMembership

    return Organisation.objects.filter(
        network_memberships__network=network,
        network_memberships__status=NetworkMembership.Status.ACTIVE,
        kind=Organisation.Kind.MUNICIPALITY,
    ).order_by("name")


@transaction.atomic
def invite(application, *, by, organisations=(), network=None):
    """Invite municipalities to apply together: those chosen, and with `network` the
    network's other active member municipalities. Returns the participants invited now."""
    application = lock_draft(application, by)
    wanted = list(organisations)
    if network is not None:
        if not network.has_active_member(application.lead):
            raise ApplicationError(
                _("%(name)s är inte medlem i nätverket ”%(network)s”.")
                % {"name": application.lead.name, "network": network.name},
                "network",
            )
        wanted += list(network_municipalities(network))
        application.network = network
        application.save(update_fields=["network"])
    invited = []
    for organisation in dict.fromkeys(wanted):
        if organisation.pk == application.lead_id:
            continue
        if organisation.kind != Organisation.Kind.MUNICIPALITY:
            raise ApplicationError(
                _("%(name)s är inte en kommun. Bara kommuner söker stöd.")
                % {"name": organisation.name},
                "organisations",
            )
        participant, created = ApplicationParticipant.objects.get_or_create(
            application=application, organisation=organisation
        )
        if not created and participant.status != Participation.DECLINED:
            continue
        participant.status = Participation.INVITED
        participant.invited_at = timezone.now()
        participant.responded_by = None
        participant.responded_at = None
        participant.save()
        invited.append(participant)
        _log(
            application,
            "support.application.co_applicant_invited",
            by,
            organisation=organisation.name,
        )
        notify_coordinators(
            "application_invited",
            [organisation],
            application=application,
            organisation=organisation,
            url=application_url(application),
        )
    if not invited and network is None:
        raise ApplicationError(_("De valda kommunerna är redan med i ansökan."), "organisations")
    if invited:
        _ask_managers_again(application, by, _("vilka kommuner som söker tillsammans"))
    return invited


@transaction.atomic
def remove_participant(participant, *, by):
    """The lead removes a co-applicant from a draft (and its anchoring with it)."""
    application = lock_draft(participant.application, by)
    if participant.is_lead:
        raise ApplicationError(_("Den sökande kommunen kan inte tas bort ur sin egen ansökan."))
    organisation = participant.organisation
    was_invited = participant.status == Participation.INVITED
    participant.delete()
    _log(
        application, "support.application.co_applicant_removed", by, organisation=organisation.name
    )
    if not was_invited:
        _ask_managers_again(application, by, _("vilka kommuner som söker tillsammans"))
    notify_coordinators(
        "application_removed",
        [organisation],
        application=application,
        organisation=organisation,
        was_invited=was_invited,
    )
    return application


@transaction.atomic
def answer_invitation(participant, *, by, accept):
    """A co-applicant's coordinator confirms or declines taking part."""
    if not access.can_answer_for_participant(by, participant):
        raise PermissionError(_("Bara kommunens kontaktperson kan svara på inbjudan."))
    application = lock_draft(participant.application)
    participant = ApplicationParticipant.objects.select_for_update().get(pk=participant.pk)
    if participant.is_lead:
        raise ApplicationError(_("Den sökande kommunen är alltid med i sin ansökan."))
    if participant.status == Participation.DECLINED:
        raise ApplicationError(_("Ni har redan tackat nej till den här ansökan."))
    participant.status = Participation.CONFIRMED if accept else Participation.DECLINED
    participant.responded_by = by
    participant.responded_at = timezone.now()
    participant.save(update_fields=["status", "responded_by", "responded_at"])
    if not accept:
        participant.anchorings.filter(
            status__in=[Anchoring.Status.PENDING, Anchoring.Status.CONFIRMED]
        ).update(status=Anchoring.Status.WITHDRAWN)
    action = "confirmed" if accept else "declined"
    _log(
        application,
        f"support.application.co_applicant_{action}",
        by,
        organisation=participant.organisation.name,
    )
    notify_coordinators(
        "application_answered",
        [application.lead],
        application=application,
        organisation=participant.organisation,
        accepted=accept,
        url=application_url(application),
    )
    return participant


@transaction.atomic
def submit(application, *, by):
    """Send the application to the team: only the lead's coordinator, while the round is
    open, when every participant has confirmed and every anchoring is confirmed."""
    application = lock_draft(application, by)
    # Lock what the checks read, so that no answer or replacement slips in between.
    list(ApplicationParticipant.objects.select_for_update().filter(application=application))
    list(Anchoring.objects.select_for_update().filter(participant__application=application))
    missing = missing_for_submit(application)
    if missing:
        raise NotReady(missing)
    application.status = Status.SUBMITTED
    application.submitted_by = by
    application.submitted_at = timezone.now()
    application.self_assessment = latest_self_assessment(application.lead)
    application.updated_at = application.submitted_at
    application.save(
        update_fields=["status", "submitted_by", "submitted_at", "self_assessment", "updated_at"]
    )
    _log(application, "support.application.submitted", by)
    participants = list(active_participants(application))
    notify_coordinators(
        "application_submitted",
        [p.organisation for p in participants],
        application=application,
        participants=participants,
        url=application_url(application),
    )
    return application


@transaction.atomic
def withdraw(application, *, by):
    """The lead withdraws the application before it is decided."""
    application = lock_draft(application, by, must_edit=False)
    if application.status not in (Status.DRAFT, Status.SUBMITTED):
        raise ApplicationError(
            _("Ansökan är %(status)s och kan inte tas tillbaka.")
            % {"status": application.get_status_display().lower()}
        )
    was_submitted = application.status == Status.SUBMITTED
    application.status = Status.WITHDRAWN
    application.updated_at = timezone.now()
    application.save(update_fields=["status", "updated_at"])
    Anchoring.objects.filter(
        participant__application=application, status=Anchoring.Status.PENDING
    ).update(status=Anchoring.Status.WITHDRAWN)
    _log(application, "support.application.withdrawn", by)
    if was_submitted:
        notify_coordinators(
            "application_withdrawn",
            [p.organisation for p in active_participants(application)],
            application=application,
            url=application_url(application),
        )
    return application
