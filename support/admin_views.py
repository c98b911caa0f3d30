"""The team's selection screens in Wagtail's admin: the rounds, a round's applications
side by side, one application with its grades and decision, and a round's CSV export.
The rules are in support.services.selection."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_required
from wagtail.log_actions import log

from portal.exports import SafeCsvWriter

from .forms.selection import AssessmentForm, DecisionForm
from .models import Application, ApplicationRound
from .services import selection

VIEW = "support.view_application"
ASSESS = "support.change_applicationassessment"
DECIDE = "support.change_application"
EXPORTED = "support.round.exported"


def _application_or_404(pk):
    try:
        return selection.get_visible_application(pk)
    except Application.DoesNotExist:
        raise Http404 from None


def _capacity(application_round):
    return {
        "granted": selection.granted_municipalities(application_round),
        "capacity": application_round.capacity,
    }


@permission_required(VIEW)
def rounds(request):
    """Every round, newest first, with how many applications wait and how many are granted."""
    rows = [
        {
            "round": r,
            "submitted": r.applications.filter(status=Application.Status.SUBMITTED).count(),
            "decided": r.applications.filter(
                status__in=(Application.Status.GRANTED, Application.Status.DECLINED)
            ).count(),
            **_capacity(r),
        }
        for r in ApplicationRound.objects.all()
    ]
    return TemplateResponse(request, "support/admin/rounds.html", {"rows": rows})


@permission_required(VIEW)
def round_selection(request, pk):
    application_round = get_object_or_404(ApplicationRound, pk=pk)
    facts = selection.facts_for(selection.visible_applications(application_round))
    return TemplateResponse(
        request,
        "support/admin/selection.html",
        {
            "round": application_round,
            "criteria": list(application_round.criteria.all()),
            "rows": facts,
            **_capacity(application_round),
        },
    )


def _assessment_forms(facts, data=None):
    return [
        AssessmentForm(
            data,
            criterion=criterion,
            initial={"grade": assessment.grade, "note": assessment.note} if assessment else None,
        )
        for criterion, assessment in facts.grades
    ]


def _decision_form(application, data=None):
    seen = application.status
    initial = {"seen_status": seen}
    if application.is_decided:
        initial["outcome"] = (
            DecisionForm.GRANT
            if application.status == Application.Status.GRANTED
            else DecisionForm.DECLINE
        )
    return DecisionForm(data, initial=initial)


@permission_required(VIEW)
def application_detail(request, pk, assessment_forms=None, decision_form=None):
    application = _application_or_404(pk)
    facts = selection.application_facts(application)
    invalid = assessment_forms is not None or decision_form is not None
    return TemplateResponse(
        request,
        "support/admin/application.html",
        {
            "application": application,
            "round": application.round,
            "facts": facts,
            "areas": selection.self_assessment_summary(application.self_assessment),
            "free_text_answers": (
                application.self_assessment.answers.exclude(text="").order_by("pk")
                if application.self_assessment
                else []
            ),
            "assessment_forms": assessment_forms or _assessment_forms(facts),
            "decision_form": decision_form or _decision_form(application),
            "would_exceed": application.status != Application.Status.GRANTED
            and selection.would_exceed_capacity(application),
            "can_assess": request.user.has_perm(ASSESS),
            "can_decide": request.user.has_perm(DECIDE),
            **_capacity(application.round),
        },
        status=400 if invalid else 200,
    )


@permission_required(ASSESS)
@require_POST
def assess(request, pk):
    """Save every criterion's grade and note at once; if one is refused, none is saved and
    the page shows everything as it was typed."""
    application = _application_or_404(pk)
    facts = selection.application_facts(application)
    forms = _assessment_forms(facts, request.POST)
    if not all(form.is_valid() for form in forms):
        return application_detail(request, pk, assessment_forms=forms)
    try:
        with transaction.atomic():
            saved = [
                selection.save_assessment(
                    application,
                    form.criterion,
                    grade=form.cleaned_data["grade"],
                    note=form.cleaned_data["note"],
                    by=request.user,
                )
                for form in forms
            ]
    except selection.SelectionError as error:
        messages.error(request, str(error))
        return redirect("support_admin:application", pk=pk)
    if any(saved):
        messages.success(request, _("Bedömningen är sparad."))
    return redirect("support_admin:application", pk=pk)


@permission_required(DECIDE)
@require_POST
def decide(request, pk):
    application = _application_or_404(pk)
    form = _decision_form(application, request.POST)
    if not form.is_valid():
        return application_detail(request, pk, decision_form=form)
    exceeds = form.granted and selection.would_exceed_capacity(application)
    try:
        application = selection.decide(
            application,
            granted=form.granted,
            reasons=form.cleaned_data["reasons"],
            by=request.user,
            seen_status=form.cleaned_data["seen_status"],
        )
    except selection.SelectionError as error:
        if error.field:
            form.add_error(error.field, str(error))
            return application_detail(request, pk, decision_form=form)
        messages.error(request, str(error))
        return redirect("support_admin:application", pk=pk)
    messages.success(
        request,
        _("Ansökan från %(lead)s är %(status)s. De sökande har fått besked med skälen.")
        % {"lead": application.lead.name, "status": application.get_status_display().lower()},
    )
    if exceeds:
        messages.warning(
            request,
            _(
                "Omgången har nu fler beviljade kommuner (%(granted)s) än den har plats "
                "för (%(capacity)s)."
            )
            % _capacity(application.round),
        )
    return redirect("support_admin:round", pk=application.round_id)


def _yes_no(value):
    return _("Ja") if value else _("Nej")


@permission_required(VIEW)
def export_csv(request, pk):
    """The round's applications for the team's own work: organisations, facts, grades and
    decisions; no names of people."""
    application_round = get_object_or_404(ApplicationRound, pk=pk)
    criteria = list(application_round.criteria.all())
    rows = selection.facts_for(selection.visible_applications(application_round))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ansokningar-omgang-{pk}.csv"'
    response.write("\ufeff")  # so that Excel reads the file as UTF-8
    writer = SafeCsvWriter(response, delimiter=";")
    writer.writerow(
        [
            _("Ansökan"),
            _("Sökande (kontakt)"),
            _("Medsökande"),
            _("Nätverk"),
            _("Kommuner"),
            _("Län"),
            _("Folkmängd"),
            _("Utsatta områden"),
            _("Tidigare stöd"),
            _("Önskade aktiviteter"),
            *[criterion.title for criterion in criteria],
            _("Summa"),
            _("Medel"),
            _("Status"),
            _("Beslutat"),
            _("Skäl för beslutet"),
        ]
    )
    for facts in rows:
        application = facts.application
        grades = {c.pk: a.grade for c, a in facts.grades if a is not None}
        earlier = [
            f"{p.organisation.name}: {support}"
            for p in facts.participants
            for support in p.earlier_support
        ]
        writer.writerow(
            [
                application.pk,
                facts.lead.organisation.name if facts.lead else "",
                ", ".join(p.organisation.name for p in facts.co_applicants),
                application.network.name if application.network else "",
                len(facts.municipalities),
                ", ".join(facts.counties),
                facts.population,
                _yes_no(facts.has_vulnerable_areas),
                "; ".join(earlier),
                ", ".join(a.title for a in facts.activities),
                *[grades.get(c.pk) or "" for c in criteria],
                facts.grade_sum,
                str(facts.grade_average).replace(".", ",") if facts.grade_average else "",
                application.get_status_display(),
                timezone.localtime(application.decided_at).date().isoformat()
                if application.decided_at
                else "",
                application.decision_reasons if application.is_decided else "",
            ]
        )
    log(application_round, EXPORTED, user=request.user)
    return response
