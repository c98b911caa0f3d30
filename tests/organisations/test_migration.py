"""Moving counties, municipalities and email domains from network to organisations keeps
every row and every relation.

A database filled by load_demo, plus memberships, registrations, theme interests,
profiles, network members and posts that point to municipalities, is migrated back to the
nodes before the move (the rows must then sit in network's tables) and forward again;
counts and relations must come out as they went in. Runs on SQLite and PostgreSQL.

The way back and forth also passes through organisations of every kind (issue 13): today
memberships, registrations, interests, network members, coordinators and post authors
point to the municipality's Organisation; going back they point to the municipality again,
and going forward each gets its municipality's organisation.
"""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from events.models import Occasion, Registration, Theme, ThemeInterest, WorkshopPage
from network.models import MunicipalityProfile, Network, NetworkMembership, Post, Thread
from organisations.models import County, Municipality, OrganisationEmailDomain
from portal.models import GoodExamplePage, Membership

# The newest migrations of the apps that held or pointed to the models before the move.
BEFORE_THE_MOVE = [
    ("network", "0004_networks_and_profiles"),
    ("portal", "0004_outgoing_email"),
    ("events", "0002_format_label"),
    ("organisations", None),
]
# The email domains' model is named OrganisationEmailDomain today. `migrate` renames its
# content type in place (keeping its id); the executor this test drives does not, so either
# name counts as the same content type.
MOVED_MODELS = {
    "county": "county",
    "municipality": "municipality",
    "organisationemaildomain": "municipalityemaildomain",
}


def add_rows_that_point_to_municipalities():
    users = get_user_model().objects
    kalmar = Municipality.objects.get(name="Kalmar")
    nybro = Municipality.objects.get(name="Nybro")
    OrganisationEmailDomain.objects.create(organisation=kalmar.organisation, domain="kalmar.se")
    OrganisationEmailDomain.objects.create(organisation=nybro.organisation, domain="nybro.se")
    anna = users.create_user("anna@kalmar.se", "lösenord-för-test")
    bo = users.create_user("bo@nybro.se", "lösenord-för-test")
    Membership.objects.create(
        user=anna,
        organisation=kalmar.organisation,
        role=Membership.Role.COORDINATOR,
        status=Membership.Status.APPROVED,
    )
    Membership.objects.create(
        user=bo,
        organisation=nybro.organisation,
        role=Membership.Role.MEMBER,
        status=Membership.Status.PENDING,
    )
    workshop = WorkshopPage.objects.first()
    Registration.objects.create(
        workshop=workshop,
        user=anna,
        organisation=kalmar.organisation,
        status=Registration.Status.CONFIRMED,
    )
    Registration.objects.create(
        workshop=workshop,
        user=bo,
        organisation=nybro.organisation,
        status=Registration.Status.WAITLISTED,
    )
    ThemeInterest.objects.create(
        user=bo, theme=Theme.objects.first(), organisation=nybro.organisation
    )
    MunicipalityProfile.objects.get_or_create(municipality=nybro)
    network = Network.objects.first()
    NetworkMembership.objects.update_or_create(
        network=network,
        organisation=nybro.organisation,
        defaults={"status": NetworkMembership.Status.ACTIVE},
    )
    thread = Thread.objects.create(network=network, author=anna, title="Samverkan med skolan")
    Post.objects.create(
        thread=thread, author=anna, author_organisation=kalmar.organisation, body="Hej!"
    )


def snapshot():
    """Counts and relations, as a person using the site would meet them."""
    editors = Group.objects.get(name="Editors")
    return {
        "counts": {
            model.__name__: model.objects.count()
            for model in (
                County,
                Municipality,
                OrganisationEmailDomain,
                Membership,
                Registration,
                ThemeInterest,
                MunicipalityProfile,
                NetworkMembership,
                Post,
                GoodExamplePage,
            )
        },
        "municipalities": list(
            Municipality.objects.order_by("code").values_list(
                "code", "name", "slug", "county__name", "population", "pilot_year"
            )
        ),
        "email domains": list(
            OrganisationEmailDomain.objects.order_by("domain").values_list(
                "domain", "organisation__municipality__name"
            )
        ),
        "memberships": list(
            Membership.objects.order_by("pk").values_list(
                "user__email", "organisation__municipality__code"
            )
        ),
        "good examples": list(
            GoodExamplePage.objects.order_by("pk").values_list("title", "municipality__name")
        ),
        "registrations": list(
            Registration.objects.order_by("pk").values_list(
                "user__email", "organisation__municipality__code"
            )
        ),
        "theme interests": list(
            ThemeInterest.objects.values_list("user__email", "organisation__municipality")
        ),
        "profiles": list(
            MunicipalityProfile.objects.order_by("municipality_id").values_list(
                "pk", "municipality__name"
            )
        ),
        "network members": list(
            NetworkMembership.objects.order_by("pk").values_list(
                "network__slug", "organisation__municipality__code", "status"
            )
        ),
        "networks' coordinators": list(
            Network.objects.order_by("pk").values_list(
                "slug", "coordinator_organisation__municipality"
            )
        ),
        "post authors' municipalities": list(
            Post.objects.values_list("pk", "author_organisation__municipality")
        ),
        # Before workshops had several dates (events 0007) a workshop had one county: its
        # first date's, which is what comes back when migrating forward again.
        "workshop counties": list(
            Occasion.objects.filter(sort_order=0)
            .order_by("workshop")
            .values_list("workshop", "county__name")
        ),
        "content types": sorted(
            (MOVED_MODELS.get(model, model), pk)
            for model, pk in ContentType.objects.filter(
                app_label="organisations",
                model__in=[*MOVED_MODELS, *MOVED_MODELS.values()],
            ).values_list("model", "pk")
        ),
        "editors' permissions": sorted(
            editors.permissions.filter(content_type__app_label="organisations").values_list(
                "codename", flat=True
            )
        ),
    }


def rows(sql):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [tuple(row) for row in cursor.fetchall()]


def migrate(targets):
    # The content types keep their ids both ways, so ContentType's cache stays right; it
    # is not cleared, as the serialized rollback after this test relies on it.
    MigrationExecutor(connection).migrate(targets)


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_moving_municipalities_to_organisations_keeps_every_row_and_relation():
    call_command("load_demo", stdout=StringIO())
    add_rows_that_point_to_municipalities()
    before = snapshot()
    assert before["counts"]["Municipality"] == 290
    assert before["counts"]["County"] == 21
    assert before["content types"] and before["editors' permissions"]
    assert any(name for _, name in before["good examples"])
    assert any(code for _, code, _ in before["network members"])

    try:
        migrate(BEFORE_THE_MOVE)

        tables = connection.introspection.table_names()
        assert "network_municipality" in tables
        assert not any(table.startswith("organisations_") for table in tables)
        assert rows("SELECT COUNT(*) FROM network_county") == [(21,)]
        assert rows(
            "SELECT m.code, m.name, m.slug, c.name, m.population, m.pilot_year"
            " FROM network_municipality m JOIN network_county c ON c.code = m.county_id"
            " ORDER BY m.code"
        ) == [tuple(row) for row in before["municipalities"]]
        assert rows(
            "SELECT d.domain, m.name FROM network_municipalityemaildomain d"
            " JOIN network_municipality m ON m.code = d.municipality_id ORDER BY d.domain"
        ) == [tuple(row) for row in before["email domains"]]
        assert rows(
            "SELECT u.email, m.code FROM portal_membership ms"
            " JOIN portal_user u ON u.id = ms.user_id"
            " JOIN network_municipality m ON m.code = ms.municipality_id ORDER BY ms.id"
        ) == [tuple(row) for row in before["memberships"]]
        assert rows(
            "SELECT u.email, m.code FROM events_registration r"
            " JOIN portal_user u ON u.id = r.user_id"
            " JOIN network_municipality m ON m.code = r.municipality_id ORDER BY r.id"
        ) == [tuple(row) for row in before["registrations"]]
        assert rows(
            "SELECT p.id, m.name FROM network_municipalityprofile p"
            " JOIN network_municipality m ON m.code = p.municipality_id ORDER BY p.municipality_id"
        ) == [tuple(row) for row in before["profiles"]]
        assert rows(
            "SELECT model, id FROM django_content_type"
            " WHERE app_label = 'network' AND model IN"
            " ('county', 'municipality', 'municipalityemaildomain') ORDER BY model"
        ) == [tuple(row) for row in before["content types"]]
    finally:
        migrate(latest())

    assert "organisations_municipality" in connection.introspection.table_names()
    assert "network_municipality" not in connection.introspection.table_names()
    assert snapshot() == before
