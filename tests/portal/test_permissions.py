"""Who may do what: every view that changes something, for every role, from one table.

To cover a new view, add a row to VIEWS: a name, the request it makes (built from the
`world` of people and objects below) and what each role should get back.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from network.models import Meeting, Network, NetworkMembership, Thread
from organisations.models import Municipality
from portal.models import Membership

pytestmark = pytest.mark.django_db

# member_a and coordinator_a act for the municipality Kalmar, coordinator_b for Växjö,
# member_region for Region Kalmar län and coordinator_board for Länsstyrelsen i Kalmar län.
ROLES = [
    "visitor",
    "member_a",
    "coordinator_a",
    "coordinator_b",
    "member_region",
    "coordinator_board",
    "editor",
]

OK = "allowed"
NOT_FOUND = "status 404"
LOGIN = "redirected to login"
FORBIDDEN = "forbidden"


def to(path):
    return f"redirected to {path}"


@dataclass
class View:
    name: str
    method: str
    path: Callable
    data: Callable = lambda world: {}
    expected: dict = None


VIEWS = [
    View(
        "ask to act for a municipality",
        "post",
        lambda w: "/mina-sidor/organisation/",
        lambda w: {"organisation": w["vaxjo"].organisation.slug},
        {
            "visitor": LOGIN,
            "member_a": to("/mina-sidor/"),
            "coordinator_a": to("/mina-sidor/"),
            "coordinator_b": OK,
            "member_region": to("/mina-sidor/"),
            "coordinator_board": to("/mina-sidor/"),
            "editor": to("/mina-sidor/"),
        },
    ),
    View(
        "approve a request to join municipality A",
        "post",
        lambda w: f"/mina-sidor/medlemskap/{w['pending_in_a'].pk}/",
        lambda w: {"action": "approve"},
        {
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": to("/mina-sidor/"),
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": to("/mina-sidor/"),
        },
    ),
    View(
        "decline a request to join municipality A",
        "post",
        lambda w: f"/mina-sidor/medlemskap/{w['pending_in_a'].pk}/",
        lambda w: {"action": "decline", "reason": "Okänd"},
        {
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": to("/mina-sidor/"),
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": to("/mina-sidor/"),
        },
    ),
    View(
        "appoint a coordinator in municipality A",
        "post",
        lambda w: f"/mina-sidor/medlemskap/{w['colleague_in_a'].pk}/",
        lambda w: {"action": "coordinator"},
        {
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": to("/mina-sidor/"),
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": to("/mina-sidor/"),
        },
    ),
    View(
        "leave one's municipality",
        "post",
        lambda w: "/mina-sidor/organisation/lamna/",
        expected={
            "visitor": LOGIN,
            "member_a": to("/mina-sidor/"),
            "coordinator_a": to("/mina-sidor/"),
            "coordinator_b": to("/mina-sidor/"),
            "member_region": to("/mina-sidor/"),
            "coordinator_board": to("/mina-sidor/"),
            "editor": to("/mina-sidor/"),
        },
    ),
    View(
        "submit a good example",
        "post",
        lambda w: "/mina-sidor/goda-exempel/nytt/",
        lambda w: {"title": ""},  # invalid on purpose: the form answers, nothing is created
        {
            "visitor": LOGIN,
            "member_a": OK,
            "coordinator_a": OK,
            "coordinator_b": OK,
            "member_region": OK,
            "coordinator_board": OK,
            "editor": to("/mina-sidor/organisation/"),
        },
    ),
    View(
        "delete one's account (wrong password)",
        "post",
        lambda w: "/mina-sidor/radera-konto/",
        lambda w: {"password": "fel"},
        {
            "visitor": LOGIN,
            "member_a": OK,
            "coordinator_a": OK,
            "coordinator_b": OK,
            "member_region": OK,
            "coordinator_board": OK,
            "editor": OK,
        },
    ),
    View(
        "download one's personal data",
        "get",
        lambda w: "/mina-sidor/mina-uppgifter.json",
        expected={
            "visitor": LOGIN,
            "member_a": OK,
            "coordinator_a": OK,
            "coordinator_b": OK,
            "member_region": OK,
            "coordinator_board": OK,
            "editor": OK,
        },
    ),
    View(
        "edit a municipality's email domains in the admin",
        "get",
        lambda w: f"/admin/snippets/network/municipality/edit/{w['kalmar'].code}/",
        expected={
            "visitor": LOGIN,
            "member_a": LOGIN,
            "coordinator_a": LOGIN,
            "coordinator_b": LOGIN,
            "member_region": LOGIN,
            "coordinator_board": LOGIN,
            "editor": OK,
        },
    ),
    View(
        "change memberships in the admin",
        "get",
        lambda w: f"/admin/snippets/portal/membership/edit/{w['pending_in_a'].pk}/",
        expected={
            "visitor": LOGIN,
            "member_a": LOGIN,
            "coordinator_a": LOGIN,
            "coordinator_b": LOGIN,
            "member_region": LOGIN,
            "coordinator_board": LOGIN,
            "editor": OK,
        },
    ),
    View(
        "see the guidance due for review in the admin",
        "get",
        lambda w: "/admin/vagledning-att-granska/",
        expected={
            "visitor": LOGIN,
            "member_a": LOGIN,
            "coordinator_a": LOGIN,
            "coordinator_b": LOGIN,
            "member_region": LOGIN,
            "coordinator_board": LOGIN,
            "editor": OK,
        },
    ),
    View(
        "edit a guidance page in the admin",
        "get",
        lambda w: f"/admin/pages/{w['guidance'].pk}/edit/",
        expected={
            "visitor": LOGIN,
            "member_a": LOGIN,
            "coordinator_a": LOGIN,
            "coordinator_b": LOGIN,
            "member_region": LOGIN,
            "coordinator_board": LOGIN,
            "editor": OK,
        },
    ),
    View(
        "edit municipality A's profile",
        "get",
        lambda w: f"/kommuner/{w['kalmar'].slug}/profil/",
        expected={
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": OK,
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": OK,
        },
    ),
    View(
        "ask to join a network for one's municipality",
        "post",
        lambda w: f"/kommuner/natverk/{w['other_network'].slug}/ga-med/",
        expected={
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": to("/kommuner/natverk/annat/"),
            "coordinator_b": to("/kommuner/natverk/annat/"),
            "member_region": FORBIDDEN,
            "coordinator_board": to("/kommuner/natverk/annat/"),
            "editor": FORBIDDEN,
        },
    ),
    View(
        "accept a municipality's request to join",
        "post",
        lambda w: f"/kommuner/natverk/{w['network'].slug}/ta-emot/{w['request'].pk}/",
        expected={
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": FORBIDDEN,
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": to("/kommuner/natverk/bup/"),
        },
    ),
    View(
        "leave a network for one's municipality",
        "post",
        lambda w: f"/kommuner/natverk/{w['network'].slug}/lamna/",
        expected={
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": to("/kommuner/natverk/bup/"),
            "coordinator_b": to("/kommuner/natverk/bup/"),
            "member_region": FORBIDDEN,
            "coordinator_board": to("/kommuner/natverk/bup/"),
            "editor": FORBIDDEN,
        },
    ),
    View(
        "see what leaving a network means, before leaving",
        "get",
        lambda w: f"/kommuner/natverk/{w['network'].slug}/lamna/",
        expected={
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": OK,
            "coordinator_b": to("/kommuner/natverk/bup/"),  # Växjö has left already
            "member_region": FORBIDDEN,
            "coordinator_board": to("/kommuner/natverk/bup/"),  # the board is not a member
            "editor": FORBIDDEN,
        },
    ),
    View(
        "start a thread in a network A belongs to",
        "post",
        lambda w: f"/kommuner/natverk/{w['network'].slug}/ny-trad/",
        lambda w: {"title": "", "body": ""},  # invalid: the form answers, nothing is posted
        {
            "visitor": LOGIN,
            "member_a": OK,
            "coordinator_a": OK,
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": OK,
        },
    ),
    View(
        "reply in a thread of a network A belongs to",
        "post",
        lambda w: f"/kommuner/natverk/{w['network'].slug}/trad/{w['thread'].pk}/",
        lambda w: {"body": ""},
        {
            "visitor": LOGIN,
            "member_a": OK,
            "coordinator_a": OK,
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": OK,
        },
    ),
    View(
        "hide a post",
        "post",
        lambda w: f"/kommuner/natverk/{w['network'].slug}/inlagg/{w['post'].pk}/hide/",
        lambda w: {"reason": "Hör inte hit"},
        {
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": FORBIDDEN,
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": lambda w: to(f"/kommuner/natverk/bup/trad/{w['thread'].pk}/"),
        },
    ),
    View(
        "approve a request to join the county board",
        "post",
        lambda w: f"/mina-sidor/medlemskap/{w['pending_in_board'].pk}/",
        lambda w: {"action": "approve"},
        {
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": FORBIDDEN,
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": to("/mina-sidor/"),
            "editor": to("/mina-sidor/"),
        },
    ),
    View(
        "add an organisation in the admin",
        "get",
        lambda w: "/admin/snippets/organisations/organisation/add/",
        expected={
            "visitor": LOGIN,
            "member_a": LOGIN,
            "coordinator_a": LOGIN,
            "coordinator_b": LOGIN,
            "member_region": LOGIN,
            "coordinator_board": LOGIN,
            "editor": OK,
        },
    ),
    # --- discussion ---
    # The post in `world` is member A's, the only one in its thread.
    View(
        "edit one's own post",
        "post",
        lambda w: f"/kommuner/natverk/bup/inlagg/{w['post'].pk}/andra/",
        lambda w: {"title": "Remisser", "body": "Hur gör ni med remisser?"},
        {
            "visitor": LOGIN,
            "member_a": lambda w: to(
                f"/kommuner/natverk/bup/trad/{w['thread'].pk}/#inlagg-{w['post'].pk}"
            ),
            "coordinator_a": FORBIDDEN,  # a colleague, not the author
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": FORBIDDEN,  # editors hide posts; they do not rewrite them
        },
    ),
    View(
        "open the edit form of one's own post",
        "get",
        lambda w: f"/kommuner/natverk/bup/inlagg/{w['post'].pk}/andra/",
        expected={
            "visitor": LOGIN,
            "member_a": OK,
            "coordinator_a": FORBIDDEN,
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": FORBIDDEN,
        },
    ),
    View(
        "delete one's own post (the thread's only one: the thread goes)",
        "post",
        lambda w: f"/kommuner/natverk/bup/inlagg/{w['post'].pk}/ta-bort/",
        expected={
            "visitor": LOGIN,
            "member_a": to("/kommuner/natverk/bup/#discussion-heading"),
            "coordinator_a": FORBIDDEN,
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": FORBIDDEN,
        },
    ),
    View(
        "pin a thread",
        "post",
        lambda w: f"/kommuner/natverk/bup/trad/{w['thread'].pk}/fast/",
        lambda w: {"pinned": "on"},
        {
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": FORBIDDEN,  # Kalmar's coordinator does not coordinate the network
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": lambda w: to(f"/kommuner/natverk/bup/trad/{w['thread'].pk}/"),
        },
    ),
    View(
        "choose what email one gets about a network's discussion",
        "post",
        lambda w: "/kommuner/natverk/bup/epost/",
        lambda w: {"mode": "none"},
        {
            "visitor": LOGIN,
            "member_a": to("/kommuner/natverk/bup/#epost"),
            "coordinator_a": to("/kommuner/natverk/bup/#epost"),
            "coordinator_b": FORBIDDEN,  # Växjö has left
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": to("/kommuner/natverk/bup/#epost"),
        },
    ),
    # --- proposals ---
    View(
        "propose a network for one's organisation",
        "post",
        lambda w: "/kommuner/natverk/foresla/",
        lambda w: {"name": ""},  # invalid on purpose: the form answers, nothing is proposed
        {
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": OK,
            "coordinator_b": OK,
            "member_region": FORBIDDEN,
            "coordinator_board": OK,
            "editor": FORBIDDEN,
        },
    ),
    View(
        "see coordinators' network proposals in the admin",
        "get",
        lambda w: "/admin/natverk-forslag/kontaktpersoner/",
        expected={
            "visitor": LOGIN,
            "member_a": LOGIN,
            "coordinator_a": LOGIN,
            "coordinator_b": LOGIN,
            "member_region": LOGIN,
            "coordinator_board": LOGIN,
            "editor": OK,
        },
    ),
    View(
        "approve a coordinator's network proposal",
        "post",
        lambda w: f"/admin/natverk-forslag/kontaktpersoner/{_pending_proposal(w).pk}/godkann/",
        expected={
            "visitor": LOGIN,
            "member_a": LOGIN,
            "coordinator_a": LOGIN,
            "coordinator_b": LOGIN,
            "member_region": LOGIN,
            "coordinator_board": LOGIN,
            "editor": to("/admin/natverk-forslag/kontaktpersoner/"),
        },
    ),
    View(
        "decline a coordinator's network proposal",
        "post",
        lambda w: f"/admin/natverk-forslag/kontaktpersoner/{_pending_proposal(w).pk}/avsla/",
        expected={
            "visitor": LOGIN,
            "member_a": LOGIN,
            "coordinator_a": LOGIN,
            "coordinator_b": LOGIN,
            "member_region": LOGIN,
            "coordinator_board": LOGIN,
            "editor": to("/admin/natverk-forslag/kontaktpersoner/"),
        },
    ),
    # --- meetings ---
    View(
        "plan a meeting in a network",
        "post",
        lambda w: "/kommuner/natverk/bup/moten/nytt/",
        lambda w: {"title": ""},  # invalid: the form answers, nothing is planned
        {
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": FORBIDDEN,
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": OK,
        },
    ),
    View(
        "change a network meeting",
        "post",
        lambda w: f"/kommuner/natverk/bup/moten/{meeting_of(w).pk}/andra/",
        lambda w: {"title": ""},
        {
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": FORBIDDEN,
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": OK,
        },
    ),
    View(
        "cancel a network meeting",
        "post",
        lambda w: f"/kommuner/natverk/bup/moten/{meeting_of(w).pk}/stall-in/",
        expected={
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": FORBIDDEN,
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": lambda w: to(f"/kommuner/natverk/bup/moten/#mote-{meeting_of(w).pk}"),
        },
    ),
    View(
        "write the minutes of a network meeting",
        "post",
        lambda w: f"/kommuner/natverk/bup/moten/{meeting_of(w).pk}/anteckningar/",
        lambda w: {"minutes": ""},
        {
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": FORBIDDEN,
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": OK,
        },
    ),
    View(
        "see a network's meetings, links and agendas",
        "get",
        lambda w: "/kommuner/natverk/bup/moten/",
        expected={
            "visitor": LOGIN,
            "member_a": OK,
            "coordinator_a": OK,
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": OK,
        },
    ),
    View(
        "download a network meeting's .ics",
        "get",
        lambda w: f"/kommuner/natverk/bup/moten/{meeting_of(w).pk}/mote.ics",
        expected={
            "visitor": LOGIN,
            "member_a": OK,
            "coordinator_a": OK,
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": OK,
        },
    ),
    # --- contact ---
    View(
        "write to municipality B's coordinators",
        "post",
        lambda w: "/kommuner/vaxjo/kontakta/",
        lambda w: {"subject": "Samverkan", "message": "Hur gör ni med remisserna?"},
        {
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": to("/kommuner/vaxjo/"),
            "coordinator_b": FORBIDDEN,  # its own municipality
            "member_region": FORBIDDEN,
            "coordinator_board": to("/kommuner/vaxjo/"),
            "editor": to("/kommuner/vaxjo/"),
        },
    ),
    View(
        "choose the team's contact person for municipality A in the admin",
        "post",
        lambda w: f"/admin/snippets/network/municipality/edit/{w['kalmar'].code}/",
        lambda w: {
            "code": w["kalmar"].code,
            "name": w["kalmar"].name,
            "slug": w["kalmar"].slug,
            "county": w["kalmar"].county_id,
            "population": w["kalmar"].population,
            "population_year": w["kalmar"].population_year,
            "group_code": w["kalmar"].group_code,
            "group_name": w["kalmar"].group_name,
            "pilot_year": w["kalmar"].pilot_year or "",
            "team_contact": w["people"]["editor"].pk,
        },
        {
            "visitor": LOGIN,
            "member_a": LOGIN,
            "coordinator_a": LOGIN,
            "coordinator_b": LOGIN,
            "member_region": LOGIN,
            "coordinator_board": LOGIN,
            "editor": to("/admin/snippets/network/municipality/"),
        },
    ),
    # --- documents ---
    View(
        "upload a document to a network A belongs to",
        "post",
        lambda w: f"/kommuner/natverk/{w['network'].slug}/dokument/ny/",
        lambda w: {"title": "", "file": ""},  # invalid: the form answers, nothing is stored
        {
            "visitor": LOGIN,
            "member_a": OK,
            "coordinator_a": OK,
            "coordinator_b": FORBIDDEN,  # Växjö has left
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": OK,
        },
    ),
    View(
        "add a link to a network A belongs to",
        "post",
        lambda w: f"/kommuner/natverk/{w['network'].slug}/lank/ny/",
        lambda w: {"title": "", "url": "javascript:alert(1)"},
        {
            "visitor": LOGIN,
            "member_a": OK,
            "coordinator_a": OK,
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": OK,
        },
    ),
    View(
        "download a network's document by its address",
        "get",
        lambda w: network_document(w).document.url,
        expected={
            "visitor": LOGIN,
            "member_a": OK,
            "coordinator_a": OK,
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": OK,
        },
    ),
    View(
        "remove a document member A uploaded",
        "post",
        lambda w: (
            f"/kommuner/natverk/{w['network'].slug}/lankar-och-dokument/"
            f"{network_document(w).pk}/ta-bort/"
        ),
        expected={
            "visitor": LOGIN,
            "member_a": to("/kommuner/natverk/bup/#links-heading"),
            "coordinator_a": FORBIDDEN,  # a colleague, neither its author nor a coordinator
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": to("/kommuner/natverk/bup/#links-heading"),  # coordinates the network
        },
    ),
    # --- workshops ---
    View(
        "confirm a seat offered to member A (the emailed link)",
        "post",
        lambda w: offer_of(w)["path"],
        expected={
            "visitor": lambda w: to(offer_of(w)["path"]),  # the signed link is enough
            "member_a": lambda w: to(offer_of(w)["path"]),
            "coordinator_a": FORBIDDEN,  # signed in as someone else
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": FORBIDDEN,
        },
    ),
    View(
        "move one's registration to another date",
        "post",
        lambda w: f"/workshop/{offer_of(w)['workshop'].pk}/byt-tillfalle/",
        lambda w: {"occasion": offer_of(w)["second"].pk},
        {
            "visitor": LOGIN,
            "member_a": lambda w: to(offer_of(w)["workshop"].url),
            "coordinator_a": NOT_FOUND,  # not registered
            "coordinator_b": NOT_FOUND,  # gave up the seat
            "member_region": NOT_FOUND,
            "coordinator_board": NOT_FOUND,
            "editor": NOT_FOUND,
        },
    ),
    # --- end workshops ---
]


def meeting_of(world):
    """A meeting of the network A belongs to, next week (made the first time it is asked for)."""
    if "meeting" not in world:
        starts_at = timezone.now() + timedelta(days=7)
        world["meeting"] = Meeting.objects.create(
            network=world["network"],
            title="Nätverksträff",
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=2),
            meeting_link="https://mote.example.se/j/1",
            agenda="Remisser",
        )
    return world["meeting"]


# --- workshops ---
def offer_of(world):
    """A workshop with two dates of one seat each; B gave up the first date's seat, so it
    is offered to A (made the first time it is asked for)."""
    if "offer" not in world:
        from events import services
        from events.services.offers import offer_path
        from tests.factories import WorkshopIndexPageFactory, WorkshopPageFactory

        soon = timezone.now() + timedelta(days=14)
        workshop = WorkshopPageFactory(
            parent=WorkshopIndexPageFactory(parent=world["home"]),
            capacity=1,
            occasions=[[soon], [soon + timedelta(days=7)]],
        )
        first, second = workshop.occasions.order_by("sort_order")
        people = world["people"]
        leaving = services.register(first, people["coordinator_b"])
        offered = services.register(first, people["member_a"])
        services.cancel(leaving, by=leaving.user)
        offered.refresh_from_db()
        world["offer"] = {"workshop": workshop, "second": second, "path": offer_path(offered)}
    return world["offer"]


# --- end workshops ---


def _pending_proposal(world):
    """Coordinator A's proposal to invite Växjö, made when a row asks for it."""
    from network.services.networks import proposals

    return proposals.propose(
        by=world["people"]["coordinator_a"],
        name="Förslag från Kalmar",
        purpose="Att dela rutiner.",
        invitees=[world["vaxjo"].organisation],
    )


@pytest.fixture
def world(
    home_page,
    guidance_page,
    kalmar,
    vaxjo,
    make_person,
    member_a,
    coordinator_a,
    coordinator_b,
    editor,
    region_kalmar,
    county_board_kalmar,
):
    applicant = make_person("sokande@example.se")
    member_region = make_person("bup@regionkalmar.se", region_kalmar)
    coordinator_board = make_person(
        "samordnare@lansstyrelsen.se", county_board_kalmar, role="coordinator"
    )
    board_applicant = make_person("utvecklare@lansstyrelsen.se")
    colleague = make_person("kollega@kalmar.se", kalmar)
    network = Network.objects.create(name="BUP-nätverket", slug="bup", coordinator_user=editor)
    NetworkMembership.objects.create(
        network=network, organisation=kalmar.organisation, status="active"
    )
    NetworkMembership.objects.create(
        network=network, organisation=vaxjo.organisation, status="active"
    )
    umea = Municipality.objects.get(name="Umeå")
    request = NetworkMembership.objects.create(
        network=network, organisation=umea.organisation, status="requested"
    )
    thread = Thread.objects.create(network=network, title="Remisser", author=member_a)
    post = thread.posts.create(author=member_a, body="Hur gör ni?")
    NetworkMembership.objects.filter(network=network, organisation=vaxjo.organisation).update(
        status="left"
    )
    return {
        "home": home_page,
        "network": network,
        "other_network": Network.objects.create(name="Annat", slug="annat"),
        "request": request,
        "thread": thread,
        "post": post,
        "kalmar": kalmar,
        "vaxjo": vaxjo,
        "guidance": guidance_page,
        "pending_in_a": Membership.objects.create(user=applicant, organisation=kalmar.organisation),
        "pending_in_board": Membership.objects.create(
            user=board_applicant, organisation=county_board_kalmar
        ),
        "colleague_in_a": Membership.objects.get(user=colleague),
        "people": {
            "member_a": member_a,
            "coordinator_a": coordinator_a,
            "coordinator_b": coordinator_b,
            "member_region": member_region,
            "coordinator_board": coordinator_board,
            "editor": editor,
        },
    }


def outcome(response):
    if response.status_code == 403:
        return FORBIDDEN
    if response.status_code == 302:
        location = response["Location"]
        return LOGIN if location.startswith("/konto/login/") else to(location)
    if response.status_code == 200:
        return OK
    return f"status {response.status_code}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", VIEWS, ids=[view.name for view in VIEWS])
def test_permission_matrix(client, world, view, role):
    if role != "visitor":
        client.force_login(world["people"][role])
    response = getattr(client, view.method)(view.path(world), view.data(world))
    expected = view.expected[role]
    assert outcome(response) == (expected(world) if callable(expected) else expected)


def test_every_row_names_every_role():
    for view in VIEWS:
        assert set(view.expected) == set(ROLES), view.name


# --- documents ---


def network_document(world):
    """A document member_a uploaded to the network, made when a row first asks for it."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from network.services.networks import workspace

    if "network_document" not in world:
        world["network_document"] = workspace.add_document(
            world["network"],
            world["people"]["member_a"],
            title="Handlingsplan",
            file=SimpleUploadedFile("plan.pdf", b"%PDF-1.7\n%%EOF\n"),
        )
    return world["network_document"]


@pytest.fixture(autouse=True)
def documents_on_disk(settings, tmp_path):
    """Documents in a folder, as in production: Wagtail's serve view reads a file path."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
