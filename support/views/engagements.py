"""An engagement on the site (/stod/insatser/<pk>/): the timeline both sides see, the
agreement and its versions (confirm, download), marking steps done, the meetings and
the organisation's contact persons. Anyone but the engagement's organisations and the
team gets 404. The rules are in support.services.engagements, .agreements, .next_steps."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.accounts.roles import active_membership, is_editor

from ..forms.engagements import ContactPersonsForm, MeetingForm
from ..services import agreements, engagements, follow_up, next_steps
from ..services.engagements import EngagementError


def _engagement_or_404(user, pk):
    return get_object_or_404(
        engagements.visible_to(user).select_related("team_contact", "application").distinct(),
        pk=pk,
    )


def _context(request, engagement):
    user = request.user
    agreement = agreements.current(engagement)
    timeline = next_steps.timeline(engagement)
    steps = [s for _v, _l, phase_steps in timeline for s in phase_steps]
    return {
        "engagement": engagement,
        "participants": list(engagement.participants.select_related("organisation")),
        "agreement": agreement,
        "agreement_in_force": agreements.in_force(engagement),
        "timeline": timeline,
        "overdue": [s for s in steps if s.is_overdue],
        "can_mark": {s.pk for s in steps if next_steps.can_mark_done(user, s)},
        "nears_limit": engagements.nears_limit(engagement),
        "limit": engagements.limit_of(engagement),
        "is_team": is_editor(user),
    }


@login_required
def engagement_detail(request, pk):
    engagement = _engagement_or_404(request.user, pk)
    context = _context(request, engagement)
    context["meetings"] = list(engagement.meetings.all()[:5])
    context["can_record"] = next_steps.can_record_meeting(request.user, engagement)
    context["follow_ups"] = follow_up.sent_to_member(request.user, engagement)
    membership = active_membership(request.user)
    context["own_participation"] = next(
        (
            p
            for p in context["participants"]
            if membership
            and p.organisation_id == membership.organisation_id
            and engagements.can_name_contacts(request.user, p)
        ),
        None,
    )
    return render(request, "support/engagements/engagement.html", context)


@login_required
@require_POST
def step_done(request, pk, step):
    engagement = _engagement_or_404(request.user, pk)
    step = get_object_or_404(engagement.steps, pk=step)
    try:
        next_steps.mark_done(step, by=request.user)
    except PermissionError as error:
        raise PermissionDenied(str(error)) from error
    messages.success(request, _("Steget ”%(what)s” är markerat som klart.") % {"what": step.what})
    return redirect("support:engagement", pk=engagement.pk)


@login_required
def agreement(request, pk):
    engagement = _engagement_or_404(request.user, pk)
    versions = list(
        engagement.agreements.prefetch_related("activities").select_related(
            "team_confirmed_by", "municipality_confirmed_by"
        )
    )
    latest = versions[0] if versions else None
    if request.method == "POST":
        if latest is None or request.POST.get("version") != str(latest.version):
            messages.error(request, _("Överenskommelsen har ändrats. Läs den nya versionen."))
            return redirect("support:agreement", pk=pk)
        try:
            agreements.confirm(latest, by=request.user, side=request.POST.get("side", ""))
        except PermissionError as error:
            raise PermissionDenied(str(error)) from error
        except EngagementError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Version %(version)s av överenskommelsen är bekräftad.")
                % {"version": latest.version},
            )
        return redirect("support:agreement", pk=pk)
    return render(
        request,
        "support/engagements/agreement.html",
        {
            "engagement": engagement,
            "versions": versions,
            "latest": latest,
            "sides": agreements.sides_for(request.user, latest) if latest else [],
            "lead": engagements.lead_of(engagement),
        },
    )


@login_required
def agreement_download(request, pk, version):
    engagement = _engagement_or_404(request.user, pk)
    found = get_object_or_404(engagement.agreements, version=version)
    response = HttpResponse(agreements.document(found), content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{agreements.filename(found)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def meetings(request, pk):
    engagement = _engagement_or_404(request.user, pk)
    can_record = next_steps.can_record_meeting(request.user, engagement)
    form = MeetingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied(_("Bara teamet och kommunens kontaktpersoner för in möten."))
        if form.is_valid():
            try:
                next_steps.record_meeting(engagement, by=request.user, **form.cleaned_data)
            except EngagementError as error:
                form.add_error(error.field if error.field in form.fields else None, str(error))
            else:
                messages.success(request, _("Mötet är infört."))
                return redirect("support:meetings", pk=pk)
    return render(
        request,
        "support/engagements/meetings.html",
        {
            "engagement": engagement,
            "meetings": engagement.meetings.select_related("recorded_by"),
            "form": form if can_record else None,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def contact_persons(request, pk):
    engagement = _engagement_or_404(request.user, pk)
    membership = active_membership(request.user)
    participation = engagement.participants.filter(
        organisation=membership.organisation_id if membership else None
    ).first()
    if participation is None:
        raise Http404
    if not engagements.can_name_contacts(request.user, participation):
        raise PermissionDenied(_("Bara organisationens samordnare väljer kontaktpersoner."))
    form = ContactPersonsForm(
        request.POST if request.method == "POST" else None,
        organisation=participation.organisation,
        initial={"people": list(participation.contact_persons.all())},
    )
    if request.method == "POST" and form.is_valid():
        engagements.set_contact_persons(
            participation, list(form.cleaned_data["people"]), by=request.user
        )
        messages.success(request, _("Kontaktpersonerna är sparade."))
        return redirect("support:engagement", pk=pk)
    return render(
        request,
        "support/engagements/contact_persons.html",
        {"engagement": engagement, "participation": participation, "form": form},
    )


urlpatterns = [
    path("<int:pk>/", engagement_detail, name="engagement"),
    path("<int:pk>/steg/<int:step>/klart/", step_done, name="step_done"),
    path("<int:pk>/overenskommelse/", agreement, name="agreement"),
    path(
        "<int:pk>/overenskommelse/<int:version>/ladda-ner/",
        agreement_download,
        name="agreement_download",
    ),
    path("<int:pk>/moten/", meetings, name="meetings"),
    path("<int:pk>/kontaktpersoner/", contact_persons, name="contact_persons"),
]
