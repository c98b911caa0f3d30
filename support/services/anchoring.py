"""Management anchoring: a named manager of each applying organisation confirms that the
application is anchored at management level (förankrat på förvaltningsledningsnivå,
Ds 2025:19, 6.5.5).

A coordinator names the manager (name, title, work email on one of the organisation's
verified email domains, when it has any). The manager is emailed a signed link holding
the anchoring's pk and its random `link_secret`, valid SUPPORT_ANCHORING_LINK_DAYS. The
link alone shows nothing: the manager proves the address, either signed in with it
verified, or with a one-time code sent to it (six digits, stored hashed, valid
SUPPORT_ANCHORING_CODE_MINUTES, at most SUPPORT_ANCHORING_CODE_ATTEMPTS tries, single
use; at most SUPPORT_ANCHORING_CODE_MAX_SENDS codes per request, so that the code cannot be
guessed by asking for new ones). Then the application's summary is shown and the manager
confirms or declines, with an optional comment. Naming another manager withdraws the old
request, whose link then stops working. The lead's coordinators are emailed the answer;
every step is logged. The coordinator who asks cannot name their own address.
"""

import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal import emails
from portal.accounts.roles import is_coordinator_of
from portal.privacy import find_personal_numbers

from ..models import Anchoring, Application, ApplicationParticipant
from .applications import ApplicationError, application_url, lock_draft, notify_coordinators

SALT = "support.anchoring"
# The session key that remembers a manager who proved the address with a code.
SESSION_KEY = "support_anchoring_verified"


class LinkError(Exception):
    """The link cannot be used; `reason` says why, for the page that explains it."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class CodeError(Exception):
    """A one-time code that cannot be accepted; the message is for the person."""


# Naming the manager -------------------------------------------------------------------


def _domain_matches(email, domains):
    domain = email.rsplit("@", 1)[-1].lower()
    return any(domain == d or domain.endswith("." + d) for d in domains)


def check_manager_email(organisation, email):
    domains = list(organisation.email_domains.values_list("domain", flat=True))
    if domains and not _domain_matches(email, domains):
        raise ApplicationError(
            _(
                "Ange chefens e-postadress i tjänsten hos %(name)s. Adressen ska sluta på "
                "%(domains)s."
            )
            % {"name": organisation.name, "domains": _(" eller ").join("@" + d for d in domains)},
            "manager_email",
        )


def check_not_own_address(by, email):
    """The one who asks for the anchoring cannot be the manager who gives it."""
    own = {by.email.lower()} | {
        address.lower()
        for address in EmailAddress.objects.filter(user=by).values_list("email", flat=True)
    }
    if email.lower() in own:
        raise ApplicationError(
            _(
                "Förankringen ska bekräftas av en chef som är någon annan än du själv. Ange "
                "chefens egen e-postadress."
            ),
            "manager_email",
        )


def make_token(anchoring):
    return signing.dumps({"a": anchoring.pk, "s": anchoring.link_secret}, salt=SALT)


def respond_url(anchoring):
    return emails.absolute_url(reverse("support:anchoring_respond", args=[make_token(anchoring)]))


@transaction.atomic
def request_anchoring(participant, *, by, manager_name, manager_title, manager_email):
    """Name the participant's manager and email them the link; an earlier request (even a
    confirmed one) is withdrawn. Returns the new anchoring."""
    application = lock_draft(participant.application)
    participant = ApplicationParticipant.objects.select_for_update().get(pk=participant.pk)
    if not is_coordinator_of(by, participant.organisation):
        raise PermissionError(_("Bara organisationens kontaktperson anger chef för förankring."))
    if participant.status != ApplicationParticipant.Status.CONFIRMED:
        raise ApplicationError(_("Bekräfta först att ni är med i ansökan."))
    manager_name, manager_title = manager_name.strip(), manager_title.strip()
    manager_email = manager_email.strip()
    for field, text in (("manager_name", manager_name), ("manager_title", manager_title)):
        if find_personal_numbers(text):
            raise ApplicationError(
                _("Texten innehåller något som ser ut som ett personnummer."), field
            )
    check_manager_email(participant.organisation, manager_email)
    check_not_own_address(by, manager_email)
    replaced = list(
        participant.anchorings.select_for_update().filter(
            status__in=[Anchoring.Status.PENDING, Anchoring.Status.CONFIRMED]
        )
    )
    for old in replaced:
        old.status = Anchoring.Status.WITHDRAWN
        old.code_hash = ""
        old.save(update_fields=["status", "code_hash"])
    anchoring = Anchoring.objects.create(
        participant=participant,
        manager_name=manager_name,
        manager_title=manager_title,
        manager_email=manager_email,
        link_secret=secrets.token_urlsafe(32),
        requested_by=by,
    )
    log(
        application,
        "support.anchoring.requested",
        user=by,
        data={
            "organisation": participant.organisation.name,
            "manager": f"{manager_name}, {manager_title}",
        },
    )
    emails.send(
        "support/emails/anchoring_request",
        [manager_email],
        {
            "anchoring": anchoring,
            "application": application,
            "organisation": participant.organisation,
            "requested_by": by,
            "url": respond_url(anchoring),
            "days": settings.SUPPORT_ANCHORING_LINK_DAYS,
        },
    )
    return anchoring


def reopen_after_change(application, *, by, change):
    """The application changed after managers answered: what they anchored is no longer
    what will be submitted. Every confirmed or declined answer becomes a pending request
    again, and each manager is emailed the link to read the application as it is now.
    Called inside the change's transaction, with the application row locked."""
    latest = {}
    for anchoring in (
        Anchoring.objects.select_for_update(of=("self",))
        .select_related("participant__organisation")
        .filter(participant__application=application)
        .exclude(status=Anchoring.Status.WITHDRAWN)
        .order_by("requested_at", "pk")
    ):
        latest[anchoring.participant_id] = anchoring  # each participant's newest request
    reopened = []
    for anchoring in latest.values():
        if anchoring.status == Anchoring.Status.PENDING:
            continue  # not answered yet: the manager reads the application as it is
        anchoring.status = Anchoring.Status.PENDING
        anchoring.responded_at = None
        anchoring.comment = ""
        anchoring.code_hash = ""
        anchoring.save(update_fields=["status", "responded_at", "comment", "code_hash"])
        reopened.append(anchoring)
        log(
            application,
            "support.anchoring.reopened",
            user=by,
            data={
                "organisation": anchoring.participant.organisation.name,
                "manager": f"{anchoring.manager_name}, {anchoring.manager_title}",
            },
        )
        emails.send(
            "support/emails/anchoring_reopened",
            [anchoring.manager_email],
            {
                "anchoring": anchoring,
                "application": application,
                "organisation": anchoring.participant.organisation,
                "change": change,
                "url": respond_url(anchoring),
                "days": settings.SUPPORT_ANCHORING_LINK_DAYS,
            },
        )
    return reopened


# The link ---------------------------------------------------------------------------


def anchoring_for_token(token):
    """The pending anchoring the link answers, or LinkError: "invalid" (not a link of
    ours), "expired", "replaced" (another manager named, or the application withdrawn),
    "answered" (already confirmed or declined), "closed" (no longer a draft)."""
    max_age = timedelta(days=settings.SUPPORT_ANCHORING_LINK_DAYS)
    try:
        payload = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except signing.BadSignature:
        raise LinkError("invalid") from None
    if not isinstance(payload, dict):
        raise LinkError("invalid")
    anchoring = (
        Anchoring.objects.select_related("participant__organisation", "participant__application")
        .filter(pk=payload.get("a"))
        .first()
    )
    if anchoring is None or not constant_time_compare(
        str(payload.get("s", "")), anchoring.link_secret
    ):
        raise LinkError("invalid")
    if anchoring.status == Anchoring.Status.WITHDRAWN:
        raise LinkError("replaced")
    if anchoring.status != Anchoring.Status.PENDING:
        raise LinkError("answered")
    if not anchoring.participant.application.is_draft:
        raise LinkError("closed")
    return anchoring


def is_verified(request, anchoring):
    """Has the person proved they hold the manager's address: signed in with it verified,
    or with a code in this session (for this very request)?"""
    user = request.user
    if (
        user.is_authenticated
        and EmailAddress.objects.filter(
            user=user, email__iexact=anchoring.manager_email, verified=True
        ).exists()
    ):
        return True
    verified = request.session.get(SESSION_KEY, {})
    return constant_time_compare(verified.get(str(anchoring.pk), ""), anchoring.link_secret)


def _remember(request, anchoring):
    verified = dict(request.session.get(SESSION_KEY, {}))
    verified[str(anchoring.pk)] = anchoring.link_secret
    request.session[SESSION_KEY] = verified


# One-time codes ---------------------------------------------------------------------


def _code_sent_recently(anchoring, now):
    if not anchoring.code_hash or anchoring.code_expires_at is None:
        return False
    sent_at = anchoring.code_expires_at - timedelta(minutes=settings.SUPPORT_ANCHORING_CODE_MINUTES)
    return now - sent_at < timedelta(seconds=settings.SUPPORT_ANCHORING_CODE_RESEND_SECONDS)


@transaction.atomic
def send_code(anchoring):
    """Email a new one-time code to the manager's address; the old code stops working."""
    anchoring = Anchoring.objects.select_for_update().get(pk=anchoring.pk)
    now = timezone.now()
    if _code_sent_recently(anchoring, now):
        raise CodeError(_("En kod skickades alldeles nyss. Vänta en minut innan du ber om en ny."))
    if anchoring.codes_sent >= settings.SUPPORT_ANCHORING_CODE_MAX_SENDS:
        raise CodeError(
            _(
                "Inga fler koder kan skickas för den här förfrågan. Be kommunens kontaktperson "
                "ange dig som chef på nytt, så får du en ny länk."
            )
        )
    code = f"{secrets.randbelow(10**6):06d}"
    anchoring.code_hash = make_password(code)
    anchoring.code_expires_at = now + timedelta(minutes=settings.SUPPORT_ANCHORING_CODE_MINUTES)
    anchoring.code_attempts = 0
    anchoring.codes_sent += 1
    anchoring.save(update_fields=["code_hash", "code_expires_at", "code_attempts", "codes_sent"])
    emails.send(
        "support/emails/anchoring_code",
        [anchoring.manager_email],
        {
            "anchoring": anchoring,
            "code": code,
            "minutes": settings.SUPPORT_ANCHORING_CODE_MINUTES,
        },
    )
    return anchoring


def verify_code(request, anchoring, code):
    """Accept the code once: the session is then trusted for this anchoring."""
    with transaction.atomic():
        anchoring = Anchoring.objects.select_for_update().get(pk=anchoring.pk)
        limit = settings.SUPPORT_ANCHORING_CODE_ATTEMPTS
        if not anchoring.code_hash or anchoring.code_expires_at is None:
            raise CodeError(_("Det finns ingen giltig kod. Be om en ny kod."))
        if anchoring.code_expires_at < timezone.now():
            raise CodeError(_("Koden har gått ut. Be om en ny kod."))
        if anchoring.code_attempts >= limit:
            raise CodeError(_("Du har försökt för många gånger. Be om en ny kod."))
        anchoring.code_attempts += 1
        matches = check_password((code or "").strip(), anchoring.code_hash)
        if matches:
            anchoring.code_hash = ""  # single use
        anchoring.save(update_fields=["code_attempts", "code_hash"])
    if not matches:
        left = limit - anchoring.code_attempts
        if left <= 0:
            raise CodeError(_("Fel kod. Du har inga försök kvar; be om en ny kod."))
        raise CodeError(_("Fel kod. Du har %(left)d försök kvar.") % {"left": left})
    _remember(request, anchoring)
    return anchoring


# The answer -------------------------------------------------------------------------


@transaction.atomic
def respond(request, anchoring, *, confirm, comment=""):
    """The verified manager confirms or declines; the coordinators are told."""
    application = Application.objects.select_for_update().get(
        pk=anchoring.participant.application_id
    )
    anchoring = Anchoring.objects.select_for_update().get(pk=anchoring.pk)
    if anchoring.status == Anchoring.Status.WITHDRAWN:
        raise LinkError("replaced")
    if anchoring.status != Anchoring.Status.PENDING:
        raise LinkError("answered")
    if not application.is_draft:
        raise LinkError("closed")
    if not is_verified(request, anchoring):
        raise PermissionError(_("Bekräfta först din e-postadress."))
    comment = comment.strip()
    anchoring.status = Anchoring.Status.CONFIRMED if confirm else Anchoring.Status.DECLINED
    anchoring.comment = comment
    anchoring.responded_at = timezone.now()
    anchoring.code_hash = ""
    anchoring.save(update_fields=["status", "comment", "responded_at", "code_hash"])
    organisation = anchoring.participant.organisation
    log(
        application,
        "support.anchoring.confirmed" if confirm else "support.anchoring.declined",
        user=request.user if request.user.is_authenticated else None,
        data={
            "organisation": organisation.name,
            "manager": f"{anchoring.manager_name}, {anchoring.manager_title}",
        },
    )
    notify_coordinators(
        "anchoring_answered",
        list(dict.fromkeys([application.lead, organisation])),
        application=application,
        anchoring=anchoring,
        organisation=organisation,
        confirmed=confirm,
        url=application_url(application),
    )
    return anchoring
