"""Each registration, quota and theme interest points to its municipality's organisation;
drafts and earlier revisions of workshop pages keep their cap under its new name and are
open to municipalities, as every workshop was."""

from django.db import migrations

# The models whose rows point to a municipality, and what becomes of a row whose
# organisation is not a municipality when migrating back (the old schema has no place
# for it).
POINTING_TO_MUNICIPALITIES = ["Registration", "OrganisationQuota", "ThemeInterest"]


def to_organisations(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    by_municipality = dict(
        Organisation.objects.filter(municipality__isnull=False).values_list("municipality", "pk")
    )
    for name in POINTING_TO_MUNICIPALITIES:
        model = apps.get_model("events", name)
        for row in model.objects.all().only("pk", "municipality"):
            row.organisation_id = by_municipality[row.municipality_id]
            row.save(update_fields=["organisation"])
    _rewrite_revisions(apps, _revision_to_organisations)


def to_municipalities(apps, schema_editor):
    for name in POINTING_TO_MUNICIPALITIES:
        model = apps.get_model("events", name)
        for row in model.objects.select_related("organisation"):
            if row.organisation.municipality_id is None:
                row.delete()
            else:
                row.municipality_id = row.organisation.municipality_id
                row.save(update_fields=["municipality"])
    _rewrite_revisions(apps, _revision_to_municipalities)


def _revision_to_organisations(content):
    """Drafts and earlier revisions keep their cap, and are open to municipalities."""
    content["per_organisation_cap"] = content.pop("per_municipality_cap", None)
    content.setdefault("open_to", ["municipality"])


def _revision_to_municipalities(content):
    content["per_municipality_cap"] = content.pop("per_organisation_cap", None)
    content.pop("open_to", None)


def _rewrite_revisions(apps, change):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    workshop_page = ContentType.objects.filter(app_label="events", model="workshoppage").first()
    if workshop_page is None:
        return
    for revision in Revision.objects.filter(content_type=workshop_page).only("pk", "content"):
        change(revision.content)
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0004_organisations"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(to_organisations, to_municipalities),
    ]
