"""What a person does with the discussion beyond writing: editing and deleting their own
posts, pinning threads, and choosing what email they get."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..forms import EmailChoiceForm, PostEditForm
from ..models import DigestSubscription, Network, Post, Thread
from ..services import networks as network_services


def _post(slug, pk):
    return get_object_or_404(
        Post.objects.select_related("thread__network", "author_organisation"),
        pk=pk,
        thread__network__slug=slug,
    )


def _post_url(post):
    return f"{post.thread.get_absolute_url()}#inlagg-{post.pk}"


def _author_only(request, post):
    """None if the person may change the post; else where to send them (with a message)."""
    try:
        network_services.require_author(request.user, post)
    except PermissionError as error:
        raise PermissionDenied(str(error)) from error
    except network_services.NetworkError as error:
        messages.error(request, str(error))
        return redirect(_post_url(post))
    return None


@login_required
def post_edit(request, slug, pk):
    post = _post(slug, pk)
    refused = _author_only(request, post)
    if refused:
        return refused
    with_title = network_services.may_retitle(request.user, post)
    form = PostEditForm(
        request.POST or None,
        with_title=with_title,
        initial={"body": post.body, "title": post.thread.title},
    )
    if request.method == "POST" and form.is_valid():
        try:
            network_services.edit_post(post, request.user, **form.cleaned_data)
        except PermissionError as error:
            raise PermissionDenied(str(error)) from error
        messages.success(request, _("Inlägget är ändrat."))
        return redirect(_post_url(post))
    return render(
        request,
        "network/post_form.html",
        {"network": post.thread.network, "thread": post.thread, "post": post, "form": form},
    )


@login_required
def post_delete(request, slug, pk):
    """A confirmation page (GET), then the deletion (POST); no JavaScript needed."""
    post = _post(slug, pk)
    refused = _author_only(request, post)
    if refused:
        return refused
    thread = post.thread
    if request.method == "POST":
        try:
            thread_remains = network_services.delete_post(post, request.user)
        except PermissionError as error:
            raise PermissionDenied(str(error)) from error
        if not thread_remains:
            messages.success(request, _("Inlägget och tråden är borttagna."))
            return redirect(f"{thread.network.get_absolute_url()}#discussion-heading")
        messages.success(request, _("Inlägget är borttaget."))
        return redirect(thread.get_absolute_url())
    return render(
        request,
        "network/post_confirm_delete.html",
        {
            "network": thread.network,
            "thread": thread,
            "post": post,
            "takes_thread": not thread.posts.exclude(pk=post.pk)
            .filter(deleted_at__isnull=True)
            .exists(),
        },
    )


@login_required
@require_POST
def thread_pin(request, slug, pk):
    thread = get_object_or_404(Thread.objects.select_related("network"), pk=pk, network__slug=slug)
    pinned = request.POST.get("pinned") == "on"
    try:
        network_services.pin_thread(thread, request.user, pinned=pinned)
    except PermissionError as error:
        raise PermissionDenied(str(error)) from error
    messages.success(
        request,
        _("Tråden är fäst överst på nätverkets sida.")
        if pinned
        else _("Tråden är inte längre fäst."),
    )
    return redirect(thread.get_absolute_url())


@login_required
@require_POST
def network_email(request, slug):
    network = get_object_or_404(Network, slug=slug)
    form = EmailChoiceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Välj vilka mejl du vill ha."))
        return redirect(f"{network.get_absolute_url()}#epost")
    mode = form.cleaned_data["mode"]
    try:
        network_services.set_email_choice(request.user, network, mode)
    except PermissionError as error:
        raise PermissionDenied(str(error)) from error
    Mode = DigestSubscription.Mode
    messages.success(
        request,
        {
            Mode.INSTANT: _("Du får ett mejl för varje nytt svar i trådar där du skriver."),
            Mode.DIGEST: _("Du får en sammanfattning om dagen när det finns nya inlägg."),
            Mode.NONE: _("Du får inga mejl om diskussionen."),
        }[mode],
    )
    return redirect(f"{network.get_absolute_url()}#epost")
