"""A network's discussion: threads, replies, reports and hiding."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.accounts.roles import is_editor

from ..forms import PostForm, ReasonForm, ThreadForm
from ..models import Network, Post, Thread
from ..services import networks as network_services


@login_required
def thread_new(request, slug):
    network = get_object_or_404(Network, slug=slug)
    if not network_services.can_read_discussion(request.user, network):
        raise PermissionDenied
    form = ThreadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        thread = network_services.start_thread(network, request.user, **form.cleaned_data)
        return redirect("network:thread_detail", slug=slug, pk=thread.pk)
    return render(request, "network/thread_form.html", {"network": network, "form": form})


@login_required
def thread_detail(request, slug, pk):
    thread = get_object_or_404(Thread.objects.select_related("network"), pk=pk, network__slug=slug)
    network = thread.network
    if not network_services.can_read_discussion(request.user, network):
        raise PermissionDenied
    form = PostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        network_services.reply(thread, request.user, body=form.cleaned_data["body"])
        return redirect("network:thread_detail", slug=slug, pk=pk)
    posts = thread.posts.select_related("author", "author_organisation").prefetch_related("reports")
    return render(
        request,
        "network/thread_detail.html",
        {
            "network": network,
            "thread": thread,
            "posts": posts,
            "form": form,
            "reason_form": ReasonForm(),
            "is_editor": is_editor(request.user),
            "can_pin": network_services.may_pin(request.user, network),
        },
    )


@login_required
@require_POST
def post_action(request, slug, pk, action):
    if action not in ("report", "hide"):
        raise Http404
    post = get_object_or_404(Post.objects.select_related("thread__network"), pk=pk)
    if post.thread.network.slug != slug:
        raise Http404
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("reason", [])))
    else:
        try:
            if action == "report":
                network_services.report_post(post, request.user, **form.cleaned_data)
                messages.success(request, _("Tack. Nätverkets samordnare har fått anmälan."))
            else:
                network_services.hide_post(post, request.user, **form.cleaned_data)
                messages.success(request, _("Inlägget är dolt."))
        except PermissionError as error:
            raise PermissionDenied(str(error)) from error
    return redirect("network:thread_detail", slug=slug, pk=post.thread_id)
