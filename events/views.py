from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.accounts.roles import active_membership, is_coordinator_of
from portal.calendar import build_calendar

from . import services
from .forms import FeedbackForm, FollowUpAnswerForm, TeamRegistrationForm
from .models import Occasion, Registration, Theme, WorkshopPage
from .services.calendar import (
    ICS_MIMETYPE,
    entries_in_feed,
    issue_new_calendar_address,
)
from .services.feedback import (
    FeedbackClosed,
    attended_occasion,
    feedback_closes_at,
    feedback_status,
    give_feedback,
    read_feedback_token,
)
from .services.follow_up import FollowUpClosed, give_answer, is_answered, read_answer_token
from .services.interest import (
    InterestError,
    register_interest,
    themes_of_interest,
    themes_with_workshops,
)
from .services.offers import OfferError, check_person, confirm_offer, offer_state, read_offer_token


def _back(request, workshop):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(workshop.url)


def _workshop(pk):
    return get_object_or_404(WorkshopPage.objects.live().public(), pk=pk)


def _occasion(workshop, value):
    """The occasion a form chose (by id), or the workshop's only one when none was chosen."""
    if not value:
        return services.occasion_of(workshop)
    try:
        return workshop.occasions.get(pk=int(value))
    except (ValueError, Occasion.DoesNotExist):
        raise services.RegistrationError(_("Välj ett av workshoppens tillfällen.")) from None


@login_required
@require_POST
def register(request, pk):
    workshop = _workshop(pk)
    try:
        occasion = _occasion(workshop, request.POST.get("occasion"))
        registration = services.register(occasion, request.user)
    except services.RegistrationError as error:
        messages.error(request, str(error))
    else:
        if registration.status == Registration.Status.CONFIRMED:
            messages.success(request, _("Du har en plats. Bekräftelsen med kalenderfil är mejlad."))
        else:
            messages.info(
                request,
                _("Tillfället är fullbokat. Du står som nummer %(position)s på väntelistan.")
                % {"position": registration.waitlist_position},
            )
    return _back(request, workshop)


@login_required
@require_POST
def move(request, pk):
    """Move one's registration to another occasion of the workshop."""
    workshop = _workshop(pk)
    registration = get_object_or_404(
        Registration.objects.exclude(status=Registration.Status.CANCELLED),
        workshop=workshop,
        user=request.user,
    )
    try:
        occasion = _occasion(workshop, request.POST.get("occasion") or "none")
        moved = services.move_to_occasion(
            registration,
            occasion,
            by=request.user,
            join_waitlist=request.POST.get("waitlist") == "ja",
        )
    except services.RegistrationError as error:
        messages.error(request, str(error))
    else:
        if moved.status == Registration.Status.CONFIRMED:
            messages.success(
                request,
                _("Du har bytt tillfälle och har en plats %(when)s. Bekräftelsen är mejlad.")
                % {"when": date_format(timezone.localtime(occasion.starts_at), "j F Y")},
            )
        else:
            messages.info(
                request,
                _("Du står som nummer %(position)s på väntelistan till det nya tillfället.")
                % {"position": moved.waitlist_position},
            )
    return _back(request, workshop)


def offer(request, token):
    """The link in an offer email: GET shows the offer with one button, POST takes the
    seat (a GET never changes anything, so mail scanners that follow links do no harm)."""
    try:
        registration, expires = read_offer_token(token)
    except signing.BadSignature:
        return render(request, "events/offer.html", {"invalid": True}, status=400)
    context = {"registration": registration, "workshop": registration.workshop}
    try:
        check_person(registration, request.user)
    except OfferError as error:
        return render(request, "events/offer.html", {**context, "refusal": error}, status=403)
    if request.method == "POST":
        try:
            confirm_offer(token, request.user)
        except OfferError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Platsen är din. Bekräftelsen med kalenderfil är mejlad."))
        return redirect(request.path)
    context["state"] = offer_state(registration, expires)
    return render(request, "events/offer.html", context)


@login_required
@require_POST
def cancel(request, pk):
    workshop = _workshop(pk)
    registration = get_object_or_404(Registration, workshop=workshop, user=request.user)
    try:
        services.cancel(registration, by=request.user)
    except services.RegistrationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Din anmälan är avbokad."))
    return _back(request, workshop)


def _colleagues_to_register(coordinator, workshop):
    membership = active_membership(coordinator)
    already = Registration.objects.filter(workshop=workshop).exclude(
        status=Registration.Status.CANCELLED
    )
    return (
        get_user_model()
        .objects.filter(
            memberships__organisation=membership.organisation, memberships__status="approved"
        )
        .exclude(pk__in=already.values("user"))
        .order_by("first_name", "last_name", "email")
    )


@login_required
def register_team(request, pk):
    workshop = _workshop(pk)
    membership = active_membership(request.user)
    if membership is None or not is_coordinator_of(request.user, membership.organisation):
        raise PermissionDenied
    form = TeamRegistrationForm(
        _colleagues_to_register(request.user, workshop),
        workshop.occasion_times,
        request.POST or None,
        initial={"occasion": request.GET["tillfalle"]} if "tillfalle" in request.GET else None,
    )
    if request.method == "POST" and form.is_valid():
        registered, problems = services.register_team(
            form.cleaned_data["occasion"], request.user, form.cleaned_data["colleagues"]
        )
        for registration in registered:
            messages.success(
                request,
                _("%(name)s: %(status)s")
                % {"name": registration.user, "status": registration.get_status_display()},
            )
        for colleague, reason in problems:
            messages.error(request, f"{colleague}: {reason}")
        return redirect(workshop.url)
    return render(
        request,
        "events/team_registration.html",
        {"workshop": workshop, "form": form, "organisation": membership.organisation},
    )


def calendar_feed(request, token):
    entries = entries_in_feed(token)
    if entries is None:
        raise Http404
    content = build_calendar(entries, _("Kunskapsnätverket: mina workshoppar och möten"))
    response = HttpResponse(content, content_type=f"{ICS_MIMETYPE}; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    return response


@login_required
@require_POST
def new_calendar_address(request):
    issue_new_calendar_address(request.user)
    messages.success(
        request,
        _(
            "Du har fått en ny kalenderadress. Den gamla fungerar inte längre: lägg in den "
            "nya i din kalender."
        ),
    )
    return redirect("accounts:my_pages")


def feedback(request, token):
    try:
        registration = read_feedback_token(token)
    except signing.BadSignature:
        return render(request, "events/feedback_invalid.html", status=400)
    workshop = registration.workshop
    status = feedback_status(registration)
    if status == "given":
        return render(request, "events/feedback_thanks.html", {"workshop": workshop})
    if status != "open":
        return _feedback_closed(request, registration, status)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            give_feedback(registration, form)
        except FeedbackClosed as closed:
            return _feedback_closed(request, registration, closed.state)
        return render(request, "events/feedback_thanks.html", {"workshop": workshop})
    return render(request, "events/feedback_form.html", {"form": form, "workshop": workshop})


def _feedback_closed(request, registration, state):
    """Not yet open (200), or closed for good (410 Gone): either way, nothing is stored."""
    context = {
        "workshop": registration.workshop,
        state: True,
        "closed_at": feedback_closes_at(attended_occasion(registration)),
    }
    status = 410 if state == "closed" else 200
    return render(request, "events/feedback_invalid.html", context, status=status)


def themes(request):
    return render(
        request,
        "events/theme_list.html",
        {"themes": themes_with_workshops(), "interested": themes_of_interest(request.user)},
    )


@login_required
@require_POST
def theme_interest(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    try:
        _interest, created = register_interest(request.user, theme)
    except InterestError as error:
        messages.error(request, str(error))
        return redirect("events:themes")
    if created:
        messages.success(
            request,
            _("Tack! Vi mejlar dig när det finns en workshop om ”%(theme)s”.") % {"theme": theme},
        )
    else:
        messages.info(
            request, _("Du har redan anmält intresse för ”%(theme)s”.") % {"theme": theme}
        )
    return redirect("events:themes")


def follow_up(request, token):
    """The link in a follow-up email: one answer for the organisation, no sign-in needed;
    the link opens this follow-up only, and closes after ANSWER_OPEN_FOR."""
    template = "events/follow_up_done.html"
    try:
        follow_up = read_answer_token(token)
    except signing.BadSignature:
        return render(request, template, {"invalid": True}, status=400)
    except FollowUpClosed:
        return render(request, template, {"expired": True}, status=410)
    if is_answered(follow_up):
        return render(request, template, {"answered_before": True})
    form = FollowUpAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            give_answer(follow_up, form)
        except FollowUpClosed:
            return render(request, template, {"answered_before": True})
        return render(request, template, {})
    return render(
        request,
        "events/follow_up_form.html",
        {"form": form, "follow_up": follow_up, "workshop": follow_up.workshop},
    )
