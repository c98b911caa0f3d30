"""The team's engagement screens in Wagtail's admin under /admin/insatser/: the list (phase,
overdue steps, planned end), a new engagement for support given otherwise, one from a
granted application, and one engagement's page: its details, the agreement, next steps
and the end. The rules are in support.services.engagements, .agreements, .next_steps."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_required

from .forms.engagements import (
    AgreementForm,
    ContactPersonsForm,
    EndForm,
    EngagementForm,
    NewEngagementForm,
    StepForm,
)
from .models import Application, Engagement, EngagementOrganisation
from .services import agreements, engagements, next_steps
from .services.engagements import EngagementError

VIEW = "support.view_engagement"
CHANGE = "support.change_engagement"
ADD = "support.add_engagement"

app_name = "support_engagements_admin"


def _form_error(form, error):
    form.add_error(error.field if error.field in form.fields else None, str(error))


@permission_required(VIEW)
def engagement_list(request):
    today = timezone.localdate()
    rows = (
        Engagement.objects.select_related("team_contact")
        .annotate(
            overdue=Count("steps", filter=Q(steps__done_at__isnull=True, steps__due_on__lt=today)),
            open_steps=Count("steps", filter=Q(steps__done_at__isnull=True)),
        )
        .order_by("ended_on", "ends_on", "pk")
    )
    return TemplateResponse(
        request,
        "support/admin/engagements.html",
        {"rows": [(e, engagements.nears_limit(e, today)) for e in rows]},
    )


@permission_required(ADD)
def engagement_new(request):
    form = NewEngagementForm(
        request.POST or None,
        initial={"starts_on": timezone.localdate(), "team_contact": request.user},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            engagement = engagements.create(
                by=request.user,
                title=data["title"],
                lead=data["lead"],
                organisations=[data["lead"], *data["others"]],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                team_contact=data["team_contact"],
                extension_reason=data["extension_reason"],
            )
        except EngagementError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Insatsen är skapad. Skriv överenskommelsen nedan."))
            return redirect("support_engagements_admin:edit", pk=engagement.pk)
    return TemplateResponse(
        request,
        "support/admin/engagement_new.html",
        {"form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@permission_required(ADD)
@require_POST
def from_application(request, pk):
    application = get_object_or_404(Application, pk=pk, status=Application.Status.GRANTED)
    try:
        engagement = engagements.create_from_application(application, by=request.user)
    except EngagementError as error:
        messages.error(request, str(error))
        return redirect("support_admin:application", pk=pk)
    messages.success(
        request,
        _(
            "Insatsen är skapad med ansökans organisationer, mål och aktiviteter. "
            "Läs utkastet till överenskommelse och bekräfta det för teamet."
        ),
    )
    return redirect("support_engagements_admin:edit", pk=engagement.pk)


def _engagement_form(engagement, data=None):
    return EngagementForm(
        data,
        initial={
            "title": engagement.title,
            "phase": engagement.phase,
            "team_contact": engagement.team_contact,
            "starts_on": engagement.starts_on,
            "ends_on": engagement.ends_on,
            "extension_reason": engagement.extension_reason,
        },
    )


def _agreement_form(engagement, data=None):
    latest = agreements.current(engagement)
    initial = (
        {
            "goals": latest.goals,
            "activities": list(latest.activities.all()),
            "team_commitments": latest.team_commitments,
            "municipality_commitments": latest.municipality_commitments,
            "starts_on": latest.starts_on,
            "ends_on": latest.ends_on,
        }
        if latest
        else {
            "team_commitments": agreements.DEFAULT_TEAM_COMMITMENTS,
            "municipality_commitments": agreements.DEFAULT_MUNICIPALITY_COMMITMENTS,
            "starts_on": engagement.starts_on,
            "ends_on": engagement.ends_on,
        }
    )
    return AgreementForm(data, initial=initial, prefix="agreement")


def _step_form(engagement, data=None):
    latest = agreements.current(engagement)
    return StepForm(
        data,
        prefix="step",
        activities=latest.activities.all() if latest else (),
        initial={"phase": engagement.phase, "owner": "team"},
    )


@permission_required(VIEW)
def engagement_edit(request, pk, **forms):
    engagement = get_object_or_404(Engagement.objects.select_related("application"), pk=pk)
    latest = agreements.current(engagement)
    today = timezone.localdate()
    participants = list(
        engagement.participants.select_related("organisation").prefetch_related("contact_persons")
    )
    context = {
        "engagement": engagement,
        "participants": [(p, _contacts_form(p)) for p in participants],
        "agreement": latest,
        "sides": agreements.sides_for(request.user, latest) if latest else [],
        "timeline": next_steps.timeline(engagement),
        "nears_limit": engagements.nears_limit(engagement, today),
        "limit": engagements.limit_of(engagement),
        "engagement_form": forms.get("engagement_form") or _engagement_form(engagement),
        "agreement_form": forms.get("agreement_form") or _agreement_form(engagement),
        "step_form": forms.get("step_form") or _step_form(engagement),
        "end_form": forms.get("end_form") or EndForm(initial={"ended_on": today}),
        "can_change": request.user.has_perm(CHANGE),
    }
    return TemplateResponse(
        request, "support/admin/engagement.html", context, status=400 if forms else 200
    )


def _contacts_form(participation, data=None):
    return ContactPersonsForm(
        data,
        organisation=participation.organisation,
        prefix=f"kontakter-{participation.pk}",
        initial={"people": list(participation.contact_persons.all())},
    )


@permission_required(CHANGE)
@require_POST
def save_contacts(request, pk, participation):
    participation = get_object_or_404(EngagementOrganisation, pk=participation, engagement=pk)
    form = _contacts_form(participation, request.POST)
    if form.is_valid():
        engagements.set_contact_persons(
            participation, list(form.cleaned_data["people"]), by=request.user
        )
        messages.success(
            request,
            _("Kontaktpersonerna för %(name)s är sparade.")
            % {"name": participation.organisation.name},
        )
    else:
        messages.error(request, _("Välj bland organisationens medlemmar."))
    return redirect("support_engagements_admin:edit", pk=pk)


@permission_required(CHANGE)
@require_POST
def save_engagement(request, pk):
    engagement = get_object_or_404(Engagement, pk=pk)
    form = _engagement_form(engagement, request.POST)
    if form.is_valid():
        try:
            engagements.update(engagement, by=request.user, **form.cleaned_data)
        except EngagementError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Insatsen är sparad."))
            return redirect("support_engagements_admin:edit", pk=pk)
    return engagement_edit(request, pk, engagement_form=form)


@permission_required(CHANGE)
@require_POST
def save_agreement(request, pk):
    engagement = get_object_or_404(Engagement, pk=pk)
    before = agreements.current(engagement)
    form = _agreement_form(engagement, request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        try:
            agreement = agreements.draft(
                engagement, by=request.user, activities=data.pop("activities"), **data
            )
        except EngagementError as error:
            _form_error(form, error)
        else:
            if before is not None and agreement.pk == before.pk:
                messages.info(request, _("Inget ändrades i överenskommelsen."))
            else:
                messages.success(
                    request,
                    _("Version %(version)s är sparad och behöver bekräftas av båda parter.")
                    % {"version": agreement.version},
                )
            return redirect("support_engagements_admin:edit", pk=pk)
    return engagement_edit(request, pk, agreement_form=form)


@permission_required(CHANGE)
@require_POST
def confirm_agreement(request, pk):
    engagement = get_object_or_404(Engagement, pk=pk)
    latest = agreements.current(engagement)
    if latest is None or str(latest.version) != request.POST.get("version"):
        messages.error(request, _("Överenskommelsen har ändrats. Läs den nya versionen."))
        return redirect("support_engagements_admin:edit", pk=pk)
    try:
        agreements.confirm(latest, by=request.user, side="team")
    except EngagementError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Överenskommelsen är bekräftad för teamet."))
    return redirect("support_engagements_admin:edit", pk=pk)


@permission_required(CHANGE)
@require_POST
def add_step(request, pk):
    engagement = get_object_or_404(Engagement, pk=pk)
    form = _step_form(engagement, request.POST)
    if form.is_valid():
        try:
            next_steps.add_step(engagement, by=request.user, **form.cleaned_data)
        except EngagementError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Steget är tillagt."))
            return redirect("support_engagements_admin:edit", pk=pk)
    return engagement_edit(request, pk, step_form=form)


@permission_required(CHANGE)
@require_POST
def end_engagement(request, pk):
    engagement = get_object_or_404(Engagement, pk=pk)
    form = EndForm(request.POST)
    if form.is_valid():
        try:
            engagements.end(engagement, request.user, on=form.cleaned_data["ended_on"])
        except EngagementError as error:
            _form_error(form, error)
        else:
            messages.success(
                request, _("Insatsen är avslutad. Uppföljningen räknas från slutdagen.")
            )
            return redirect("support_engagements_admin:edit", pk=pk)
    return engagement_edit(request, pk, end_form=form)


urlpatterns = [
    path("", engagement_list, name="list"),
    path("ny/", engagement_new, name="new"),
    path("fran-ansokan/<int:pk>/", from_application, name="from_application"),
    path("<int:pk>/", engagement_edit, name="edit"),
    path("<int:pk>/spara/", save_engagement, name="save"),
    path("<int:pk>/overenskommelse/", save_agreement, name="agreement"),
    path("<int:pk>/overenskommelse/bekrafta/", confirm_agreement, name="confirm"),
    path("<int:pk>/steg/", add_step, name="step"),
    path("<int:pk>/kontakter/<int:participation>/", save_contacts, name="contacts"),
    path("<int:pk>/avsluta/", end_engagement, name="end"),
]
