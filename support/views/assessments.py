"""Self-assessment (nulägesanalys) under /stod/nulagesanalys/: the organisation's list,
starting one, the answer form of a draft and the result of a completed one.

Someone else's assessment is a 404, never a 403, so that its existence is not told."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.models import Membership

from ..forms.assessments import COMPLETE, AnswersForm
from ..models import Questionnaire, SelfAssessment
from ..services import assessments
from ..services.access import can_read_self_assessment, can_use_self_assessments, organisation_of


def _no_membership(request):
    """A signed-in person who acts for no organisation (yet): why, and what to do."""
    pending = Membership.objects.filter(
        user=request.user, status=Membership.Status.PENDING
    ).select_related("organisation")
    return render(
        request,
        "support/assessments/no_membership.html",
        {"pending": pending.first()},
        status=403,
    )


@login_required
def assessment_list(request):
    organisation = organisation_of(request.user)
    if not can_use_self_assessments(request.user, organisation):
        return _no_membership(request)
    own = list(assessments.assessments_of(organisation))
    drafts = {a.questionnaire_id: a for a in own if a.is_draft}
    questionnaires = [(q, drafts.get(q.pk)) for q in assessments.active_questionnaires()]
    return render(
        request,
        "support/assessments/list.html",
        {
            "organisation": organisation,
            "questionnaires": questionnaires,
            "drafts": [a for a in own if a.is_draft],
            "completed": [a for a in own if not a.is_draft],
        },
    )


@login_required
@require_POST
def assessment_start(request, questionnaire_pk):
    organisation = organisation_of(request.user)
    if not can_use_self_assessments(request.user, organisation):
        return _no_membership(request)
    questionnaire = get_object_or_404(Questionnaire, pk=questionnaire_pk)
    try:
        assessment, created = assessments.start(
            questionnaire, by=request.user, prefill=request.POST.get("prefill") == "1"
        )
    except assessments.AssessmentError as error:
        messages.error(request, str(error))
        return redirect("support:assessment_list")
    if not created:
        messages.info(
            request,
            _("Er organisation har redan ett utkast med formuläret. Här kan du fortsätta på det."),
        )
    return redirect("support:assessment", pk=assessment.pk)


def _readable(request, pk):
    assessment = get_object_or_404(
        SelfAssessment.objects.select_related(
            "organisation", "questionnaire", "started_by", "updated_by", "completed_by"
        ),
        pk=pk,
    )
    if not can_read_self_assessment(request.user, assessment):
        raise Http404
    return assessment


@login_required
def assessment(request, pk):
    """A draft: the answer form, for the organisation's members; completed: the result."""
    assessment = _readable(request, pk)
    if not assessment.is_draft:
        if request.method == "POST":
            messages.error(
                request,
                _(
                    "Analysen blev markerad som klar innan dina ändringar sparades. Den kan "
                    "inte ändras."
                ),
            )
        return _result(request, assessment)
    if not can_use_self_assessments(request.user, assessment.organisation):
        raise Http404  # the team reads completed assessments only
    questions = assessments.questions_of(assessment.questionnaire)
    form = AnswersForm(
        questions,
        request.POST or None,
        answers=assessments.answers_by_question(assessment),
    )
    if request.method == "POST" and form.is_valid():
        try:
            assessments.save_answers(assessment, form.answers(), by=request.user)
            if form.completing:
                assessments.complete(assessment, by=request.user)
        except assessments.AssessmentError as error:
            messages.error(request, str(error))
        else:
            if form.completing:
                messages.success(request, _("Analysen är klar. Här är resultatet."))
            else:
                messages.success(
                    request,
                    _("Utkastet är sparat. Du och dina kolleger kan fortsätta på det när ni vill."),
                )
        return redirect("support:assessment", pk=assessment.pk)
    return render(
        request,
        "support/assessments/form.html",
        {
            "assessment": assessment,
            "form": form,
            "complete_action": COMPLETE,
            "has_scale": any(q.kind == "scale" for q in form.questions),
        },
    )


def _result(request, assessment):
    areas, previous, changes = assessments.result(assessment)
    is_member = can_use_self_assessments(request.user, assessment.organisation)
    return render(
        request,
        "support/assessments/result.html",
        {
            "assessment": assessment,
            "areas": areas,
            "previous": previous,
            "changes": changes,
            "is_member": is_member,
            "can_repeat": is_member and assessment.questionnaire.is_active,
            "open_draft": (
                assessments.draft_of(assessment.organisation, assessment.questionnaire)
                if is_member
                else None
            ),
        },
    )


urlpatterns = [
    path("", assessment_list, name="assessment_list"),
    path("starta/<int:questionnaire_pk>/", assessment_start, name="assessment_start"),
    path("<int:pk>/", assessment, name="assessment"),
]
