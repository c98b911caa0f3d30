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


# --- support selection ---
ADMIN_ONLY = dict.fromkeys(ROLES, LOGIN) | {"editor": OK}
# --- end support selection ---
# --- engagements ---
# Kalmar's engagement: its members and the team read it; every other organisation gets 404.
ENGAGEMENT_READERS = dict.fromkeys(ROLES, NOT_FOUND) | {
    "visitor": LOGIN,
    "member_a": OK,
    "coordinator_a": OK,
    "editor": OK,
}
# --- end engagements ---


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
    # --- self-assessment and offer ---
    View(
        "list the organisation's self-assessments",
        "get",
        lambda w: "/stod/nulagesanalys/",
        expected={
            "visitor": LOGIN,
            "member_a": OK,
            "coordinator_a": OK,
            "coordinator_b": OK,
            "member_region": OK,
            "coordinator_board": OK,
            "editor": FORBIDDEN,  # acts for no organisation: told why
        },
    ),
    View(
        "start a self-assessment (or open the organisation's draft)",
        "post",
        lambda w: f"/stod/nulagesanalys/starta/{assessment_questionnaire(w).pk}/",
        expected={
            "visitor": LOGIN,
            "member_a": lambda w: to(assessment_url(draft_of(w, "kalmar"))),
            "coordinator_a": lambda w: to(assessment_url(draft_of(w, "kalmar"))),
            "coordinator_b": lambda w: to(assessment_url(draft_of(w, "vaxjo"))),
            "member_region": lambda w: to(assessment_url(draft_of(w, "region"))),
            "coordinator_board": lambda w: to(assessment_url(draft_of(w, "board"))),
            "editor": FORBIDDEN,
        },
    ),
    View(
        "open A's self-assessment draft",
        "get",
        lambda w: assessment_url(draft_of(w, "kalmar")),
        expected={
            "visitor": LOGIN,
            "member_a": OK,
            "coordinator_a": OK,
            "coordinator_b": "status 404",
            "member_region": "status 404",
            "coordinator_board": "status 404",
            "editor": "status 404",
        },
    ),
    View(
        "save A's self-assessment draft",
        "post",
        lambda w: assessment_url(draft_of(w, "kalmar")),
        lambda w: {"action": "save"},
        {
            "visitor": LOGIN,
            "member_a": lambda w: to(assessment_url(draft_of(w, "kalmar"))),
            "coordinator_a": lambda w: to(assessment_url(draft_of(w, "kalmar"))),
            "coordinator_b": "status 404",
            "member_region": "status 404",
            "coordinator_board": "status 404",
            "editor": "status 404",  # not attached to a submitted application
        },
    ),
    View(
        "read the result of A's completed self-assessment",
        "get",
        lambda w: assessment_url(completed_of(w)),
        expected={
            "visitor": LOGIN,
            "member_a": OK,
            "coordinator_a": OK,
            "coordinator_b": "status 404",
            "member_region": "status 404",
            "coordinator_board": "status 404",
            "editor": "status 404",
        },
    ),
    View(
        "read the offer",
        "get",
        lambda w: offer_page_url(w),
        expected=dict.fromkeys(ROLES, OK),
    ),
    # --- end self-assessment and offer ---
    # --- support selection ---
    # The team's selection screens are in the admin: everyone but editors is sent to sign
    # in there (no applicant sees any assessment, not even of their own application).
    View(
        "list the application rounds for selection in the admin",
        "get",
        lambda w: "/admin/stod-urval/",
        expected=ADMIN_ONLY,
    ),
    View(
        "see a round's applications side by side in the admin",
        "get",
        lambda w: f"/admin/stod-urval/omgang/{submitted_support_application(w).round_id}/",
        expected=ADMIN_ONLY,
    ),
    View(
        "see an application and its grades in the admin",
        "get",
        lambda w: f"/admin/stod-urval/ansokan/{submitted_support_application(w).pk}/",
        expected=ADMIN_ONLY,
    ),
    View(
        "grade an application",
        "post",
        lambda w: f"/admin/stod-urval/ansokan/{submitted_support_application(w).pk}/bedomning/",
        lambda w: {f"grund-{w['support_criterion'].pk}-grade": "4"},
        {
            **ADMIN_ONLY,
            "editor": lambda w: to(
                f"/admin/stod-urval/ansokan/{submitted_support_application(w).pk}/"
            ),
        },
    ),
    View(
        "decide an application",
        "post",
        lambda w: f"/admin/stod-urval/ansokan/{submitted_support_application(w).pk}/beslut/",
        lambda w: {"outcome": "granted", "reasons": "Väl förankrad.", "seen_status": "submitted"},
        {
            **ADMIN_ONLY,
            "editor": lambda w: to(
                f"/admin/stod-urval/omgang/{submitted_support_application(w).round_id}/"
            ),
        },
    ),
    View(
        "export a round's applications",
        "get",
        lambda w: (
            f"/admin/stod-urval/omgang/{submitted_support_application(w).round_id}/ansokningar.csv"
        ),
        expected=ADMIN_ONLY,
    ),
    # --- end support selection ---
    # --- applications and anchoring ---
    View(
        "start an application for support",
        "post",
        lambda w: support_round(w) and "/stod/ansokan/",
        expected={
            "visitor": LOGIN,
            "member_a": OK,  # told that the coordinator applies, and who that is
            "coordinator_a": lambda w: to(support_page(support_draft_of(w, "kalmar"))),
            "coordinator_b": lambda w: to(support_page(support_draft_of(w, "vaxjo"))),
            "member_region": OK,  # told that municipalities apply
            "coordinator_board": OK,
            "editor": OK,  # told to act for a municipality
        },
    ),
    View(
        "read an application for support (A leads, B invited)",
        "get",
        lambda w: support_page(support_application(w)),
        expected={
            "visitor": LOGIN,
            "member_a": OK,
            "coordinator_a": OK,
            "coordinator_b": OK,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": FORBIDDEN,  # the team reads submitted ones in the admin
        },
    ),
    View(
        "save the draft of an application for support",
        "post",
        lambda w: support_page(support_application(w)),
        lambda w: {"goals": "Tidig upptäckt", "integration": "", "collaboration": ""},
        {
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": lambda w: to(support_page(support_application(w))),
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": FORBIDDEN,
        },
    ),
    View(
        "invite a co-applicant to an application for support",
        "post",
        lambda w: support_page(support_application(w)) + "medsokande/",
        lambda w: {"organisations": [Municipality.objects.get(name="Umeå").organisation.pk]},
        {
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": lambda w: to(support_page(support_application(w)) + "#medsokande"),
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": FORBIDDEN,
        },
    ),
    View(
        "remove a co-applicant from an application for support",
        "post",
        lambda w: (
            support_page(support_application(w))
            + f"medsokande/{support_participant(w, 'vaxjo').pk}/ta-bort/"
        ),
        expected={
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": lambda w: to(support_page(support_application(w)) + "#medsokande"),
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": FORBIDDEN,
        },
    ),
    View(
        "confirm taking part in an application for support",
        "post",
        lambda w: support_page(support_application(w)) + "svar/",
        lambda w: {"answer": "confirm"},
        {
            "visitor": LOGIN,
            "member_a": FORBIDDEN,  # the lead does not answer its own invitation
            "coordinator_a": FORBIDDEN,
            "coordinator_b": lambda w: to(support_page(support_application(w)) + "#forankring"),
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": FORBIDDEN,
        },
    ),
    View(
        "name the manager who anchors an application for support",
        "post",
        lambda w: support_page(support_application(w)) + "chef/",
        lambda w: {
            "manager_name": "Anna Chef",
            "manager_title": "Socialchef",
            "manager_email": "chef@example.se",
        },
        {
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": lambda w: to(support_page(support_application(w)) + "#forankring"),
            "coordinator_b": OK,  # told to confirm taking part first
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": FORBIDDEN,
        },
    ),
    View(
        "submit an application for support (not anchored yet)",
        "post",
        lambda w: support_page(support_application(w)) + "skicka-in/",
        expected={
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": OK,  # the list of what is missing
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": FORBIDDEN,
        },
    ),
    View(
        "withdraw an application for support",
        "post",
        lambda w: support_page(support_application(w)) + "ta-tillbaka/",
        expected={
            "visitor": LOGIN,
            "member_a": FORBIDDEN,
            "coordinator_a": lambda w: to(support_page(support_application(w))),
            "coordinator_b": FORBIDDEN,
            "member_region": FORBIDDEN,
            "coordinator_board": FORBIDDEN,
            "editor": FORBIDDEN,
        },
    ),
    View(
        "open a manager's anchoring link (shows nothing before the address is proved)",
        "get",
        lambda w: support_anchoring_link(w),
        expected=dict.fromkeys(ROLES, OK),
    ),
    View(
        "open a forged anchoring link",
        "get",
        lambda w: "/stod/ansokan/forankring/eyJhIjoxfQ:forged/",
        expected=dict.fromkeys(ROLES, "status 404"),
    ),
    # --- end applications and anchoring ---
    # --- questions ---
    View(
        "ask the team a question (invalid on purpose)",
        "post",
        lambda w: "/stod/fragor/ny/",
        lambda w: {"subject": "", "steg": "fortsatt"},  # the form answers, nothing is sent
        {
            "visitor": LOGIN,
            "member_a": OK,
            "coordinator_a": OK,
            "coordinator_b": OK,
            "member_region": OK,
            "coordinator_board": OK,
            "editor": FORBIDDEN,  # the team answers questions; it asks for no organisation
        },
    ),
    View(
        "read member A's question and its answer",
        "get",
        lambda w: f"/stod/fragor/{team_question(w).pk}/",
        expected={
            "visitor": LOGIN,
            "member_a": OK,
            "coordinator_a": "status 404",  # a colleague: questions are the asker's own
            "coordinator_b": "status 404",
            "member_region": "status 404",
            "coordinator_board": "status 404",
            "editor": "status 404",  # the team reads it in the admin
        },
    ),
    View(
        "take a waiting question of the area the editor answers for",
        "post",
        lambda w: f"/admin/fragor/{team_question(w, answerer=w['people']['editor']).pk}/ta/",
        expected={
            "visitor": LOGIN,
            "member_a": LOGIN,
            "coordinator_a": LOGIN,
            "coordinator_b": LOGIN,
            "member_region": LOGIN,
            "coordinator_board": LOGIN,
            "editor": lambda w: to(f"/admin/fragor/{w['team_question'].pk}/"),
        },
    ),
    View(
        "read a waiting question of an area another editor answers for",
        "get",
        lambda w: f"/admin/fragor/{team_question(w, answerer=other_answerer(w)).pk}/",
        expected={
            "visitor": LOGIN,
            "member_a": LOGIN,
            "coordinator_a": LOGIN,
            "coordinator_b": LOGIN,
            "member_region": LOGIN,
            "coordinator_board": LOGIN,
            "editor": "status 404",  # until it is taken
        },
    ),
    View(
        "download the questions' figures as CSV",
        "get",
        lambda w: "/admin/fragor/statistik/?format=csv",
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
    # --- end questions ---
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
    # --- single sign-on ---
    View(
        "register an identity provider (invalid on purpose: nothing is created)",
        "post",
        lambda w: "/admin/snippets/portal/identityprovider/add/",
        lambda w: {"organisation": w["kalmar"].organisation.pk, "server_url": "http://x"},
        ADMIN_ONLY,
    ),
    View(
        "change municipality A's identity provider",
        "get",
        lambda w: f"/admin/snippets/portal/identityprovider/edit/{identity_provider(w).pk}/",
        expected=ADMIN_ONLY,
    ),
    View(
        "delete municipality A's identity provider",
        "post",
        lambda w: f"/admin/snippets/portal/identityprovider/delete/{identity_provider(w).pk}/",
        expected=ADMIN_ONLY | {"editor": to("/admin/snippets/portal/identityprovider/")},
    ),
    # --- end single sign-on ---
    # --- reach ---
    # The team's reach and its exports are in the admin: everyone but editors is sent to
    # sign in there.
    View(
        "see the team's reach in the admin",
        "get",
        lambda w: "/admin/stod-rackvidd/",
        expected=ADMIN_ONLY,
    ),
    View(
        "download the reach per county and quarter as CSV",
        "get",
        lambda w: "/admin/stod-rackvidd/rackvidd.csv",
        expected=ADMIN_ONLY,
    ),
    View(
        "download the reach per municipality as CSV",
        "get",
        lambda w: "/admin/stod-rackvidd/rackvidd-kommuner.csv",
        expected=ADMIN_ONLY,
    ),
    View(
        "download the reach as JSON",
        "get",
        lambda w: "/admin/stod-rackvidd/rackvidd.json",
        expected=ADMIN_ONLY,
    ),
    # --- end reach ---
    # --- engagement follow-up ---
    View(
        "read Kalmar's follow-up of an engagement Kalmar and Växjö took part in",
        "get",
        lambda w: follow_up_url(w),
        expected={
            "visitor": LOGIN,
            "member_a": OK,  # the organisation's members answer together
            "coordinator_a": OK,
            "coordinator_b": NOT_FOUND,  # in the same engagement, but this is Kalmar's
            "member_region": NOT_FOUND,
            "coordinator_board": NOT_FOUND,
            "editor": NOT_FOUND,  # the team reads follow-ups in the admin
        },
    ),
    View(
        "save answers to Kalmar's follow-up",
        "post",
        lambda w: follow_up_url(w),
        lambda w: {"kept": "Samverkansrådet finns kvar.", "action": "save"},
        {
            "visitor": LOGIN,
            "member_a": lambda w: to(follow_up_url(w)),
            "coordinator_a": lambda w: to(follow_up_url(w)),
            "coordinator_b": NOT_FOUND,
            "member_region": NOT_FOUND,
            "coordinator_board": NOT_FOUND,
            "editor": NOT_FOUND,
        },
    ),
    View(
        "the team's follow-ups of ended engagements",
        "get",
        lambda w: "/admin/uppfoljning/",
        expected=ADMIN_ONLY,
    ),
    View(
        "the team's page of Kalmar's follow-up",
        "get",
        lambda w: f"/admin/uppfoljning/{follow_up_of(w).pk}/",
        expected=ADMIN_ONLY,
    ),
    # --- end engagement follow-up ---
    # --- engagements ---
    View(
        "read Kalmar's engagement timeline",
        "get",
        lambda w: engagement_path(w),
        expected=ENGAGEMENT_READERS,
    ),
    View(
        "download Kalmar's agreement",
        "get",
        lambda w: engagement_path(w, "overenskommelse/1/ladda-ner/"),
        expected=ENGAGEMENT_READERS,
    ),
    View(
        "read Kalmar's agreement and its versions",
        "get",
        lambda w: engagement_path(w, "overenskommelse/"),
        expected=ENGAGEMENT_READERS,
    ),
    View(
        "read Kalmar's meetings and their notes",
        "get",
        lambda w: engagement_path(w, "moten/"),
        expected=ENGAGEMENT_READERS,
    ),
    View(
        "confirm Kalmar's agreement for the municipality",
        "post",
        lambda w: engagement_path(w, "overenskommelse/"),
        lambda w: {"version": 1, "side": "municipality"},
        ENGAGEMENT_READERS
        | {
            "member_a": FORBIDDEN,  # a plain member reads it; a coordinator confirms
            "coordinator_a": lambda w: to(engagement_path(w, "overenskommelse/")),
            "editor": FORBIDDEN,  # the team confirms for its own side only
        },
    ),
    View(
        "mark Kalmar's step done",
        "post",
        lambda w: engagement_path(w, f"steg/{engagement_step(w).pk}/klart/"),
        expected=ENGAGEMENT_READERS
        | {
            "member_a": FORBIDDEN,
            "coordinator_a": lambda w: to(engagement_path(w)),
            "editor": lambda w: to(engagement_path(w)),
        },
    ),
    View(
        "record a meeting in Kalmar's engagement",
        "post",
        lambda w: engagement_path(w, "moten/"),
        lambda w: {"held_on": "2027-01-15", "kind": "digital", "roles": "socialchef"},
        ENGAGEMENT_READERS
        | {
            "member_a": FORBIDDEN,
            "coordinator_a": lambda w: to(engagement_path(w, "moten/")),
            "editor": lambda w: to(engagement_path(w, "moten/")),
        },
    ),
    View(
        "choose Kalmar's contact persons for the engagement",
        "get",
        lambda w: engagement_path(w, "kontaktpersoner/"),
        expected=ENGAGEMENT_READERS | {"member_a": FORBIDDEN, "editor": NOT_FOUND},
    ),
    View(
        "the team's list of engagements", "get", lambda w: "/admin/insatser/", expected=ADMIN_ONLY
    ),
    View(
        "the team's page of Kalmar's engagement",
        "get",
        lambda w: f"/admin/insatser/{support_engagement(w).pk}/",
        expected=ADMIN_ONLY,
    ),
    # --- end engagements ---
    # --- workshops follow-up ---
    View(
        "download a workshop's material for participants only (member A took part)",
        "get",
        lambda w: workshop_after(w)["document"].url,
        expected={
            "visitor": LOGIN,
            "member_a": OK,
            "coordinator_a": NOT_FOUND,  # same organisation, did not take part
            "coordinator_b": NOT_FOUND,
            "member_region": NOT_FOUND,
            "coordinator_board": NOT_FOUND,
            "editor": OK,
        },
    ),
    View(
        "answer Kalmar's follow-up (the emailed link)",
        "post",
        lambda w: workshop_after(w)["follow_up_path"],
        lambda w: {"in_practice": "yes", "what": "En gemensam rutin"},
        dict.fromkeys(ROLES, OK),  # the signed link is enough, for that follow-up only
    ),
    View(
        "follow-up results in the admin",
        "get",
        lambda w: "/admin/workshoppar/uppfoljning/",
        expected=dict.fromkeys(ROLES, LOGIN) | {"editor": OK},
    ),
    View(
        "send a message to everyone registered for an occasion",
        "post",
        lambda w: occasion_message_path(w),
        lambda w: {"subject": "Ny lokal", "body": "Vi ses i sal B."},
        dict.fromkeys(ROLES, LOGIN)
        | {
            "editor": lambda w: to(
                f"/admin/workshoppar/{workshop_after(w)['workshop'].pk}/anmalningar/"
            )
        },
    ),
    View(
        "copy a workshop to new dates",
        "post",
        lambda w: f"/admin/workshoppar/{workshop_after(w)['workshop'].pk}/kopiera/",
        lambda w: {"first_day": (timezone.now() + timedelta(days=60)).date().isoformat()},
        dict.fromkeys(ROLES, LOGIN)
        | {"editor": lambda w: to(f"/admin/pages/{latest_workshop_copy(w).pk}/edit/")},
    ),
    View(
        "open data of feedback and follow-up",
        "get",
        lambda w: "/workshop/oppna-data/workshoppar.json",
        expected=dict.fromkeys(ROLES, OK),
    ),
    # --- end workshops follow-up ---
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


# --- self-assessment and offer ---


def assessment_questionnaire(world):
    """A questionnaire in the guidance's support area, made the first time it is asked for."""
    from support.models import Question, Questionnaire

    if "questionnaire" not in world:
        questionnaire = Questionnaire.objects.create(
            title="Nulägesanalys", support_area=world["guidance"].get_parent().specific
        )
        Question.objects.create(questionnaire=questionnaire, text="Finns en rutin?")
        world["questionnaire"] = questionnaire
    return world["questionnaire"]


def assessment_url(assessment):
    return f"/stod/nulagesanalys/{assessment.pk}/"


def draft_of(world, who):
    """The organisation's draft: the one a row's request made, else one started now."""
    from support.models import SelfAssessment
    from support.services import assessments

    person = {
        "kalmar": "member_a",
        "vaxjo": "coordinator_b",
        "region": "member_region",
        "board": "coordinator_board",
    }[who]
    user = world["people"][person]
    organisation = Membership.objects.get(user=user).organisation
    questionnaire = assessment_questionnaire(world)
    draft = SelfAssessment.objects.filter(
        organisation=organisation, questionnaire=questionnaire, status="draft"
    ).first()
    return draft or assessments.start(questionnaire, by=user)[0]


def completed_of(world):
    """A completed self-assessment of A's municipality."""
    from support.services import assessments

    if "completed_assessment" not in world:
        member = world["people"]["member_a"]
        draft = draft_of(world, "kalmar")
        question = draft.questionnaire.questions.get()
        assessments.save_answers(draft, {question: (3, False, "")}, by=member)
        world["completed_assessment"] = assessments.complete(draft, by=member)
    return world["completed_assessment"]


def offer_page_url(world):
    from support.models import SupportOfferPage

    if "offer_page" not in world:
        page = SupportOfferPage(title="Stöd från förstärkningsteamet", slug="stod")
        world["guidance"].get_parent().get_parent().get_parent().add_child(instance=page)
        page.save_revision().publish()
        world["offer_page"] = page
    return world["offer_page"].url


# --- end self-assessment and offer ---
# --- support selection ---


def submitted_support_application(world):
    """Kalmar's and Växjö's submitted application in an open round with one criterion,
    both anchorings confirmed (made the first time a row asks for it)."""
    if "submitted_support_application" not in world:
        from support.models import (
            Anchoring,
            Application,
            ApplicationParticipant,
            ApplicationRound,
            AssessmentCriterion,
        )

        now = timezone.now()
        application_round = ApplicationRound.objects.create(
            title="Omgång 2027", opens_at=now - timedelta(days=1), deadline=now + timedelta(days=60)
        )
        world["support_criterion"] = AssessmentCriterion.objects.create(
            round=application_round, title="Behov och förutsättningar"
        )
        application = Application.objects.create(
            round=application_round,
            lead=world["kalmar"].organisation,
            status="submitted",
            submitted_at=now,
            created_by=world["people"]["coordinator_a"],
        )
        for municipality in (world["kalmar"], world["vaxjo"]):
            participant = ApplicationParticipant.objects.create(
                application=application,
                organisation=municipality.organisation,
                is_lead=municipality == world["kalmar"],
                status="confirmed",
            )
            Anchoring.objects.create(
                participant=participant,
                manager_name="Sara Chef",
                manager_title="Socialchef",
                manager_email=f"chef@{municipality.slug}.se",
                status="confirmed",
                link_secret=f"hemlighet-{municipality.slug}",
            )
        world["submitted_support_application"] = application
    return world["submitted_support_application"]


# --- end support selection ---

# --- applications and anchoring ---


def support_round(world):
    """An open application round, made the first time a row asks for it."""
    from support.models import ApplicationRound

    if "support_round" not in world:
        now = timezone.now()
        world["support_round"] = ApplicationRound.objects.create(
            title="Omgång 2027", opens_at=now - timedelta(days=1), deadline=now + timedelta(days=30)
        )
    return world["support_round"]


def support_page(application):
    return f"/stod/ansokan/{application.pk}/"


def support_draft_of(world, municipality):
    from support.models import Application

    return Application.objects.get(lead=world[municipality].organisation, status="draft")


def support_application(world):
    """Kalmar's draft in the open round, with Växjö invited to apply together."""
    from support.services import applications

    if "support_application" not in world:
        support_round(world)
        coordinator = world["people"]["coordinator_a"]
        application, _created = applications.start(by=coordinator)
        applications.invite(
            application, by=coordinator, organisations=[world["vaxjo"].organisation]
        )
        world["support_application"] = application
    return world["support_application"]


def support_participant(world, municipality):
    return support_application(world).participants.get(
        organisation=world[municipality].organisation
    )


def support_anchoring_link(world):
    """The link Kalmar's manager is emailed."""
    from support.services import anchoring

    if "support_anchoring" not in world:
        world["support_anchoring"] = anchoring.request_anchoring(
            support_participant(world, "kalmar"),
            by=world["people"]["coordinator_a"],
            manager_name="Anna Chef",
            manager_title="Socialchef",
            manager_email="chef@example.se",
        )
    return "/stod/ansokan/forankring/" + anchoring.make_token(world["support_anchoring"]) + "/"


# --- end applications and anchoring ---


# --- questions ---


def other_answerer(world):
    """An editor who is not the world's editor."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    person = get_user_model().objects.create_user(email="svarare@socialstyrelsen.se")
    person.groups.add(Group.objects.get(name="Editors"))
    return person


def team_question(world, answerer=None):
    """Member A's question in the guidance page's support area, whose answerer is
    `answerer` (made the first time a row asks for it)."""
    from support.models import SupportAreaAnswerers
    from support.services import questions

    if "team_question" not in world:
        area = world["guidance"].get_parent().specific
        if answerer is not None:
            row, _ = SupportAreaAnswerers.objects.get_or_create(support_area=area)
            row.answerers.add(answerer)
        world["team_question"] = questions.ask(
            by=world["people"]["member_a"],
            subject="Uppföljning",
            text="Hur följer vi upp insatserna?",
            support_area=area,
        )
    return world["team_question"]


# --- end questions ---


# --- single sign-on ---


def identity_provider(world):
    """Kalmar's identity provider, registered the first time a row asks for it."""
    from portal.models import IdentityProvider
    from portal.services import sso

    if "identity_provider" not in world:
        world["identity_provider"] = sso.save_identity_provider(
            IdentityProvider(
                organisation=world["kalmar"].organisation,
                server_url="https://login.kalmar.example",
                client_id="kunskapsnatverket",
            ),
            secret="hemligt",
        )
    return world["identity_provider"]


# --- end single sign-on ---
# --- engagement follow-up ---


def follow_up_of(world):
    """Kalmar's follow-up at the end of an engagement Kalmar and Växjö took part in, which
    ended yesterday (sent the first time a row asks for it)."""
    if "follow_up" not in world:
        from support.models import Engagement, EngagementOrganisation
        from support.services import follow_up

        yesterday = timezone.localdate() - timedelta(days=1)
        engagement = Engagement.objects.create(
            title="Insats i Kalmar län",
            starts_on=yesterday - timedelta(days=300),
            ends_on=yesterday,
            ended_on=yesterday,
        )
        for municipality in (world["kalmar"], world["vaxjo"]):
            EngagementOrganisation.objects.create(
                engagement=engagement,
                organisation=municipality.organisation,
                is_lead=municipality == world["kalmar"],
            )
        follow_up.send_due()
        world["follow_up"] = engagement.follow_ups.get(
            organisation=world["kalmar"].organisation, round="end"
        )
    return world["follow_up"]


def follow_up_url(world):
    return f"/stod/uppfoljning/{follow_up_of(world).pk}/"


# --- end engagement follow-up ---


# --- engagements ---


def support_engagement(world):
    """Kalmar's engagement with an agreement (version 1) and a meeting with notes (made the
    first time a row asks for it)."""
    if "support_engagement" not in world:
        import datetime

        from support.services import agreements, engagements, next_steps

        editor = world["people"]["editor"]
        kalmar = world["kalmar"].organisation
        today = timezone.localdate()
        engagement = engagements.create(
            by=editor,
            title="Stöd till Kalmar",
            organisations=[kalmar],
            lead=kalmar,
            starts_on=today,
            ends_on=today + datetime.timedelta(days=365),
            team_contact=editor,
        )
        agreements.draft(
            engagement,
            by=editor,
            activities=[],
            goals="Ett gemensamt arbetssätt.",
            team_commitments="Processtöd.",
            municipality_commitments="En arbetsgrupp.",
            starts_on=engagement.starts_on,
            ends_on=engagement.ends_on,
        )
        next_steps.record_meeting(
            engagement,
            by=editor,
            held_on=today,
            kind="digital",
            roles="socialchef",
            notes="Anteckning för deltagarna.",
        )
        world["support_engagement"] = engagement
    return world["support_engagement"]


def engagement_path(world, suffix=""):
    return f"/stod/insatser/{support_engagement(world).pk}/{suffix}"


def engagement_step(world):
    """A step of Kalmar's, due in a week."""
    from support.services import next_steps

    if "engagement_step" not in world:
        world["engagement_step"] = next_steps.add_step(
            support_engagement(world),
            by=world["people"]["editor"],
            phase="dialogue",
            what="Utse en arbetsgrupp",
            owner="municipality",
            owner_role="socialchef",
            due_on=timezone.localdate() + timedelta(days=7),
        )
    return world["engagement_step"]


# --- end engagements ---
# --- workshops follow-up ---


def workshop_after(world):
    """A workshop member A took part in, three months ago: its materials (a document) for
    participants only, and the follow-up Kalmar was sent (made when a row first asks)."""
    if "workshop_after" not in world:
        from django.core.files.base import ContentFile
        from wagtail.documents import get_document_model

        from events import services
        from events.models import FollowUp
        from events.services.follow_up import answer_path, send_follow_ups
        from tests.factories import WorkshopIndexPageFactory, WorkshopPageFactory

        workshop = WorkshopPageFactory(
            parent=WorkshopIndexPageFactory(parent=world["home"], slug="workshoppar-efter")
        )
        (occasion,) = workshop.occasions.all()
        services.register(occasion, world["people"]["member_a"])
        ended = timezone.now() - timedelta(days=92)
        occasion.sessions.update(starts_at=ended - timedelta(hours=3), ends_at=ended)
        document = get_document_model().objects.create(
            title="Bildspel", file=ContentFile(b"%PDF-1.7\n%%EOF\n", name="bildspel.pdf")
        )
        workshop.materials = [("document", {"title": "Bildspelet", "document": document})]
        workshop.save_revision().publish()
        send_follow_ups()
        world["workshop_after"] = {
            "workshop": workshop,
            "occasion": occasion,
            "document": document,
            "follow_up_path": answer_path(FollowUp.objects.get(workshop=workshop)),
        }
    return world["workshop_after"]


def occasion_message_path(world):
    made = workshop_after(world)
    return f"/admin/workshoppar/{made['workshop'].pk}/tillfalle/{made['occasion'].pk}/meddelande/"


def latest_workshop_copy(world):
    from events.models import WorkshopPage

    return WorkshopPage.objects.exclude(pk=workshop_after(world)["workshop"].pk).latest("pk")


# --- end workshops follow-up ---
