"""The team's screens for questions in Wagtail's admin (/admin/fragor/): the questions to
take, one's own, the rest; one question with take, answer and publish; the figures per
support area and month, as CSV too.

A waiting question is shown only to the answerers of its support area (or to every
editor when the area has none); other editors get 404 for it until it is taken."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import require_admin_access

from portal.exports import SafeCsvWriter

from .forms.questions import AnswerForm, PublishForm
from .models import TeamQuestion
from .services import questions as services

Status = TeamQuestion.Status


def _row(question, goal, now):
    days = services.waiting_days(question, now)
    return {
        "question": question,
        "days": days,
        "overdue": not question.is_answered and days > goal,
    }


@require_admin_access
def question_list(request):
    goal, now = services.answer_goal(), timezone.now()
    related = ("organisation", "support_area", "assigned_to")
    to_take = services.to_take_for(request.user).select_related(*related)
    mine = TeamQuestion.objects.filter(status=Status.TAKEN, assigned_to=request.user)
    others = TeamQuestion.objects.filter(status=Status.TAKEN).exclude(assigned_to=request.user)
    answered = TeamQuestion.objects.filter(status=Status.ANSWERED).order_by("-answered_at")
    return TemplateResponse(
        request,
        "support/questions/admin/list.html",
        {
            "goal": goal,
            "to_take": [_row(q, goal, now) for q in to_take],
            "mine": [_row(q, goal, now) for q in mine.select_related(*related)],
            "others": [_row(q, goal, now) for q in others.select_related(*related)],
            "answered": [_row(q, goal, now) for q in answered.select_related(*related)[:30]],
        },
    )


def _visible_question(request, pk):
    question = get_object_or_404(
        TeamQuestion.objects.select_related(
            "organisation", "support_area", "method", "target_group", "asked_by", "assigned_to"
        ),
        pk=pk,
    )
    if not services.can_see_in_admin(request.user, question):
        raise Http404
    return question


def _detail(request, question, *, answer_form=None, publish_form=None, status=200):
    goal = services.answer_goal()
    may_answer = question.status == Status.TAKEN and question.assigned_to_id == request.user.pk
    may_publish = services.can_publish(question)
    if may_answer and answer_form is None:
        answer_form = AnswerForm()
    if may_publish and publish_form is None:
        publish_form = PublishForm(
            initial={
                "title": question.subject,
                "question_text": question.text,
                "answer_text": question.answer,
            }
        )
    return TemplateResponse(
        request,
        "support/questions/admin/detail.html",
        {
            "question": question,
            "row": _row(question, goal, timezone.now()),
            "goal": goal,
            "may_take": question.status == Status.WAITING,
            "answer_form": answer_form if may_answer else None,
            "publish_form": publish_form if may_publish else None,
        },
        status=status,
    )


@require_admin_access
def question_detail(request, pk):
    return _detail(request, _visible_question(request, pk))


@require_admin_access
@require_POST
def question_take(request, pk):
    question = _visible_question(request, pk)
    try:
        services.take(question, by=request.user)
    except (services.QuestionError, PermissionError) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Du har tagit frågan. Skriv svaret nedan."))
    return redirect("support_questions_admin:detail", pk=question.pk)


@require_admin_access
@require_POST
def question_answer(request, pk):
    question = _visible_question(request, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _detail(request, question, answer_form=form, status=400)
    try:
        services.answer(question, by=request.user, text=form.cleaned_data["answer"])
    except services.QuestionError as error:
        if error.field:
            form.add_error("answer", str(error))
            return _detail(request, question, answer_form=form, status=400)
        messages.error(request, str(error))
    else:
        messages.success(request, _("Svaret är skickat till frågeställaren."))
    return redirect("support_questions_admin:detail", pk=question.pk)


@require_admin_access
@require_POST
def question_publish(request, pk):
    question = _visible_question(request, pk)
    form = PublishForm(request.POST)
    if not form.is_valid():
        return _detail(request, question, publish_form=form, status=400)
    try:
        page = services.publish(question, by=request.user, **form.cleaned_data)
    except services.QuestionError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Frågan och svaret är publicerade: %(url)s") % {"url": page.full_url}
        )
    return redirect("support_questions_admin:detail", pk=question.pk)


CSV_HEADER = [
    "Månad",
    "Stödområde",
    "Frågor",
    "Besvarade",
    "Genomsnittlig svarstid (arbetsdagar)",
    "Över målet",
]


@require_admin_access
def statistics(request):
    rows = services.statistics()
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="fragor-till-teamet.csv"'
        response.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8
        writer = SafeCsvWriter(response, delimiter=";")
        writer.writerow(CSV_HEADER)
        for row in rows:
            writer.writerow(
                [
                    row["month"],
                    row["area"],
                    row["asked"],
                    row["answered"],
                    "" if row["average_days"] is None else row["average_days"],
                    row["overdue"],
                ]
            )
        return response
    return TemplateResponse(
        request,
        "support/questions/admin/statistics.html",
        {"rows": rows, "goal": services.answer_goal()},
    )


app_name = "support_questions_admin"

urlpatterns = [
    path("", question_list, name="list"),
    path("statistik/", statistics, name="statistics"),
    path("<int:pk>/", question_detail, name="detail"),
    path("<int:pk>/ta/", question_take, name="take"),
    path("<int:pk>/svara/", question_answer, name="answer"),
    path("<int:pk>/publicera/", question_publish, name="publish"),
]
