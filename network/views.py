from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations.models import County, Municipality, organisations_serving
from portal.accounts.roles import active_membership, is_editor
from portal.models import GoodExamplePage

from .forms import MunicipalitySearchForm, PostForm, ProfileForm, ReasonForm, ThreadForm
from .models import Network, NetworkMembership, Post, Thread
from .services import networks as network_services
from .services.maps import sweden_map
from .services.matching import suggest_matches
from .services.profiles import can_edit_profile, profile_for, save_profile, search_municipalities


def municipality_list(request):
    counties = County.objects.prefetch_related("municipalities")
    return render(request, "network/municipality_list.html", {"counties": counties})


def municipality_detail(request, slug):
    municipality = get_object_or_404(Municipality.objects.select_related("county"), slug=slug)
    profile = profile_for(municipality)
    suggestions = suggest_matches(municipality, limit=5) if profile.looking_for_peers else []
    codes = [s.organisation.key for s in suggestions]
    names = [s.organisation.name for s in suggestions]
    context = {
        "municipality": municipality,
        "profile": profile,
        "examples": GoodExamplePage.objects.for_listing().filter(municipality=municipality),
        "suggestions": suggestions,
        "serving": organisations_serving(municipality),
        "networks": Network.objects.filter(
            memberships__organisation__municipality=municipality, memberships__status="active"
        ),
        "can_edit": request.user.is_authenticated and can_edit_profile(request.user, municipality),
        "map": sweden_map(
            codes,
            primary=municipality.pk,
            title=_("Karta: %(name)s och liknande kommuner") % {"name": municipality.name},
            label=_("%(name)s och liknande kommuner: %(others)s")
            % {"name": municipality.name, "others": ", ".join(names) or _("inga")},
        ),
    }
    return render(request, "network/municipality_detail.html", context)


@login_required
def profile_edit(request, slug):
    municipality = get_object_or_404(Municipality, slug=slug)
    if not can_edit_profile(request.user, municipality):
        raise PermissionDenied
    form = ProfileForm(request.POST or None, instance=profile_for(municipality))
    if request.method == "POST" and form.is_valid():
        save_profile(form, by=request.user)
        messages.success(request, _("Profilen för %(name)s är sparad.") % {"name": municipality})
        return redirect(municipality.get_absolute_url())
    return render(
        request, "network/profile_form.html", {"form": form, "municipality": municipality}
    )


def municipality_search(request):
    form = MunicipalitySearchForm(request.GET or None)
    results = Municipality.objects.none()
    if form.is_bound and form.is_valid() and form.active_filters():
        results = search_municipalities(**form.active_filters())
    results = list(results)
    names = ", ".join(m.name for m in results)
    return render(
        request,
        "network/municipality_search.html",
        {
            "form": form,
            "results": results,
            "searched": bool(form.is_bound and form.active_filters()),
            "map": sweden_map(
                [m.pk for m in results],
                title=_("Karta över kommunerna i resultatet"),
                label=_("Kommuner i resultatet: %(names)s") % {"names": names or _("inga")},
            ),
        },
    )


def network_list(request):
    networks = Network.objects.select_related("challenge").order_by("name")
    return render(request, "network/network_list.html", {"networks": networks})


def network_detail(request, slug):
    network = get_object_or_404(Network.objects.select_related("challenge"), slug=slug)
    access = network_services.network_access(request.user, network)
    members_by_kind = network_services.members_by_kind(network)
    # The map shows municipalities; the other members are in the list beside it.
    municipalities = [
        m.organisation.municipality
        for _label, group in members_by_kind
        for m in group
        if m.organisation.municipality_id
    ]
    context = {
        "network": network,
        "members_by_kind": members_by_kind,
        "map": sweden_map(
            [m.pk for m in municipalities],
            title=_("Karta över nätverkets kommuner"),
            label=_("Nätverkets kommuner: %(names)s")
            % {"names": ", ".join(m.name for m in municipalities) or _("inga ännu")},
        ),
        "meetings": network.meetings.live()
        .filter(sessions__ends_at__gte=timezone.now())
        .prefetch_related("sessions")
        .distinct()
        .order_by("registration_closes"),
        "links": network.links.select_related("document"),
        "readable": access.reads_discussion,
        "threads": network.threads.select_related("author") if access.reads_discussion else [],
        "thread_form": ThreadForm(),
        "own_membership": access.own_membership,
        "acts_for": access.acts_for,
        "coordinates": access.coordinates,
        "requests": network.memberships.filter(status="requested").select_related("organisation"),
        "digest": access.gets_digest,
    }
    return render(request, "network/network_detail.html", context)


def _network_action(request, slug, action):
    network = get_object_or_404(Network, slug=slug)
    try:
        action(network)
    except network_services.NetworkError as error:
        messages.error(request, str(error))
    except PermissionError as error:
        raise PermissionDenied(str(error)) from error
    return redirect(network.get_absolute_url())


def _acting_organisation(request):
    membership = active_membership(request.user)
    if membership is None:
        raise PermissionDenied
    return membership.organisation


@login_required
@require_POST
def network_join(request, slug):
    def act(network):
        membership = network_services.join(network, _acting_organisation(request), by=request.user)
        if membership.status == NetworkMembership.Status.ACTIVE:
            messages.success(request, _("Välkomna till nätverket!"))
        else:
            messages.success(request, _("Ansökan är skickad till nätverkets samordnare."))

    return _network_action(request, slug, act)


@login_required
@require_POST
def network_leave(request, slug):
    def act(network):
        network_services.leave(network, _acting_organisation(request), by=request.user)
        messages.success(request, _("Er organisation har lämnat nätverket."))

    return _network_action(request, slug, act)


@login_required
@require_POST
def network_accept(request, slug, pk):
    def act(network):
        membership = get_object_or_404(NetworkMembership, pk=pk, network=network)
        network_services.accept_request(membership, by=request.user)
        messages.success(
            request, _("%(name)s är med i nätverket.") % {"name": membership.organisation}
        )

    return _network_action(request, slug, act)


@login_required
@require_POST
def network_digest(request, slug):
    def act(network):
        wanted = request.POST.get("digest") == "on"
        network_services.set_digest(request.user, network, wanted)
        messages.success(
            request,
            _("Du får en sammanfattning om dagen när det finns nya inlägg.")
            if wanted
            else _("Du får inte längre sammanfattningar."),
        )

    return _network_action(request, slug, act)


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
