"""Network members, coordinators and post authors get their municipality's organisation
(and back). Data only, in a transaction of its own."""

from django.db import migrations


def to_organisations(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    Network = apps.get_model("network", "Network")
    NetworkMembership = apps.get_model("network", "NetworkMembership")
    Post = apps.get_model("network", "Post")
    by_municipality = dict(
        Organisation.objects.filter(municipality__isnull=False).values_list("municipality", "pk")
    )
    for membership in NetworkMembership.objects.only("pk", "municipality"):
        membership.organisation_id = by_municipality[membership.municipality_id]
        membership.save(update_fields=["organisation"])
    for network in Network.objects.filter(coordinator_municipality__isnull=False):
        network.coordinator_organisation_id = by_municipality[network.coordinator_municipality_id]
        network.save(update_fields=["coordinator_organisation"])
    for post in Post.objects.filter(author_municipality__isnull=False).only(
        "pk", "author_municipality"
    ):
        post.author_organisation_id = by_municipality[post.author_municipality_id]
        post.save(update_fields=["author_organisation"])


def to_municipalities(apps, schema_editor):
    Network = apps.get_model("network", "Network")
    NetworkMembership = apps.get_model("network", "NetworkMembership")
    Post = apps.get_model("network", "Post")
    for membership in NetworkMembership.objects.select_related("organisation"):
        if membership.organisation.municipality_id is None:
            membership.delete()  # the old schema has no place for another kind's members
        else:
            membership.municipality_id = membership.organisation.municipality_id
            membership.save(update_fields=["municipality"])
    # Another kind's coordination or authorship is left empty, as SET_NULL would leave it.
    for network in Network.objects.filter(coordinator_organisation__isnull=False).select_related(
        "coordinator_organisation"
    ):
        network.coordinator_municipality_id = network.coordinator_organisation.municipality_id
        network.save(update_fields=["coordinator_municipality"])
    for post in Post.objects.filter(author_organisation__isnull=False).select_related(
        "author_organisation"
    ):
        post.author_municipality_id = post.author_organisation.municipality_id
        post.save(update_fields=["author_municipality"])


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0006_organisations"),
    ]

    operations = [
        migrations.RunPython(to_organisations, to_municipalities),
    ]
