"""Workshops get occasions (issue 20): each existing workshop becomes one occasion holding
its place, link, capacity, cap, sessions, registrations, seat counter and quotas; drafts
and earlier revisions are rewritten the same way. Registrations can hold an offered seat.

Schema and data in one migration: on PostgreSQL the data step ends with SET CONSTRAINTS
ALL IMMEDIATE, so the tables can be altered after it in the same transaction.
"""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

OCCASION_FIELDS = ["place", "county", "meeting_link", "capacity", "per_organisation_cap"]


def _attname(name):
    return "county_id" if name == "county" else name


def to_occasions(apps, schema_editor):
    WorkshopPage = apps.get_model("events", "WorkshopPage")
    Occasion = apps.get_model("events", "Occasion")
    for page in WorkshopPage.objects.all().order_by("pk"):
        occasion = Occasion.objects.create(
            workshop_id=page.pk,
            sort_order=0,
            place=page.place,
            county_id=page.county_id,
            meeting_link=page.meeting_link,
            capacity=page.capacity,
            per_organisation_cap=page.per_organisation_cap,
        )
        for name in ["WorkshopSession", "SeatCounter", "OrganisationQuota", "Registration"]:
            apps.get_model("events", name).objects.filter(workshop_id=page.pk).update(
                occasion=occasion
            )
        _rewrite_revisions(apps, page, occasion)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def _rewrite_revisions(apps, page, occasion):
    """Each revision's own place, capacity and sessions become its one occasion, so a draft
    or an older revision opened in the editor shows what it had."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    workshop_page = ContentType.objects.filter(app_label="events", model="workshoppage").first()
    if workshop_page is None:
        return
    revisions = Revision.objects.filter(content_type=workshop_page, object_id=str(page.pk))
    for revision in revisions.only("pk", "content"):
        content = revision.content
        if "occasions" in content:
            continue
        fields = {
            name: content.pop(name, getattr(page, _attname(name))) for name in OCCASION_FIELDS
        }
        sessions = content.pop("sessions", [])
        for session in sessions:
            session.pop("workshop", None)
            session["occasion"] = occasion.pk
        content["occasions"] = [
            {"pk": occasion.pk, "workshop": page.pk, "sort_order": 0, "sessions": sessions}
            | fields
        ]
        revision.save(update_fields=["content"])


def to_single_dates(apps, schema_editor):
    """Back to one date per workshop: the first occasion's (later ones' registrations go)."""
    WorkshopPage = apps.get_model("events", "WorkshopPage")
    Occasion = apps.get_model("events", "Occasion")
    for page in WorkshopPage.objects.all():
        occasions = list(Occasion.objects.filter(workshop_id=page.pk).order_by("sort_order", "pk"))
        if not occasions:
            continue
        first = occasions[0]
        for name in OCCASION_FIELDS:
            setattr(page, _attname(name), getattr(first, _attname(name)))
        page.save(update_fields=OCCASION_FIELDS)
        for name in ["WorkshopSession", "SeatCounter", "OrganisationQuota", "Registration"]:
            model = apps.get_model("events", name)
            model.objects.filter(occasion=first).update(workshop_id=page.pk)
            model.objects.filter(occasion__in=occasions[1:]).delete()
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0006_organisations_only"),
        ("organisations", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="Occasion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("place", models.CharField(blank=True, max_length=200, verbose_name="plats")),
                (
                    "meeting_link",
                    models.URLField(
                        blank=True,
                        help_text="Visas bara för bekräftade deltagare.",
                        verbose_name="möteslänk",
                    ),
                ),
                ("capacity", models.PositiveIntegerField(verbose_name="antal platser")),
                (
                    "per_organisation_cap",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text=(
                            "Gäller varje organisation, av alla slag. Lämna tomt för ingen gräns."
                        ),
                        null=True,
                        verbose_name="max platser per organisation",
                    ),
                ),
                (
                    "county",
                    models.ForeignKey(
                        blank=True,
                        help_text="Där tillfället hålls, om det är på plats eller hybrid.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="workshop_occasions",
                        to="organisations.county",
                        verbose_name="län",
                    ),
                ),
                (
                    "workshop",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="occasions",
                        to="events.workshoppage",
                    ),
                ),
            ],
            options={
                "verbose_name": "tillfälle",
                "verbose_name_plural": "tillfällen",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="workshopsession",
            name="occasion",
            field=modelcluster.fields.ParentalKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="sessions",
                to="events.occasion",
            ),
        ),
        migrations.AddField(
            model_name="seatcounter",
            name="occasion",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="seat_counter",
                to="events.occasion",
            ),
        ),
        migrations.AddField(
            model_name="organisationquota",
            name="occasion",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="organisation_quotas",
                to="events.occasion",
            ),
        ),
        migrations.AddField(
            model_name="registration",
            name="occasion",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="registrations",
                to="events.occasion",
                verbose_name="tillfälle",
            ),
        ),
        migrations.AddField(
            model_name="registration",
            name="offer_expires_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="erbjudandet gäller till"
            ),
        ),
        migrations.AlterField(
            model_name="registration",
            name="status",
            field=models.CharField(
                choices=[
                    ("confirmed", "Bekräftad"),
                    ("offered", "Erbjuden plats"),
                    ("waitlisted", "På väntelistan"),
                    ("cancelled", "Avbokad"),
                ],
                max_length=20,
                verbose_name="status",
            ),
        ),
        # The old columns may be empty from here on, so that migrating back can add them
        # again, fill them, and only then require them.
        migrations.AlterField(
            model_name="workshopsession",
            name="workshop",
            field=modelcluster.fields.ParentalKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="sessions",
                to="events.workshoppage",
            ),
        ),
        migrations.AlterField(
            model_name="seatcounter",
            name="workshop",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="seat_counter",
                to="events.workshoppage",
            ),
        ),
        migrations.AlterField(
            model_name="organisationquota",
            name="workshop",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="organisation_quotas",
                to="events.workshoppage",
            ),
        ),
        migrations.AlterField(
            model_name="workshoppage",
            name="capacity",
            field=models.PositiveIntegerField(null=True, verbose_name="antal platser"),
        ),
        migrations.RunPython(to_occasions, to_single_dates),
        migrations.RemoveConstraint(
            model_name="organisationquota", name="one_quota_per_organisation"
        ),
        migrations.RemoveField(model_name="organisationquota", name="workshop"),
        migrations.AlterField(
            model_name="organisationquota",
            name="occasion",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="organisation_quotas",
                to="events.occasion",
            ),
        ),
        migrations.AddConstraint(
            model_name="organisationquota",
            constraint=models.UniqueConstraint(
                fields=("occasion", "organisation"), name="one_quota_per_occasion"
            ),
        ),
        migrations.RemoveField(model_name="seatcounter", name="workshop"),
        migrations.AlterField(
            model_name="seatcounter",
            name="occasion",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="seat_counter",
                to="events.occasion",
            ),
        ),
        migrations.RemoveField(model_name="workshopsession", name="workshop"),
        migrations.AlterField(
            model_name="workshopsession",
            name="occasion",
            field=modelcluster.fields.ParentalKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="sessions",
                to="events.occasion",
            ),
        ),
        migrations.AlterModelOptions(
            name="workshopsession",
            options={"ordering": ["sort_order"], "verbose_name": "pass", "verbose_name_plural": "pass"},
        ),
        migrations.RemoveField(model_name="workshoppage", name="place"),
        migrations.RemoveField(model_name="workshoppage", name="county"),
        migrations.RemoveField(model_name="workshoppage", name="meeting_link"),
        migrations.RemoveField(model_name="workshoppage", name="capacity"),
        migrations.RemoveField(model_name="workshoppage", name="per_organisation_cap"),
        migrations.AddIndex(
            model_name="registration",
            index=models.Index(
                fields=["occasion", "status", "id"], name="registration_occasion_queue"
            ),
        ),
        migrations.AddIndex(
            model_name="registration",
            index=models.Index(
                fields=["status", "offer_expires_at"], name="registration_offer_expiry"
            ),
        ),
        migrations.CreateModel(
            name="SessionAttendance",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "attended",
                    models.BooleanField(blank=True, null=True, verbose_name="närvarade"),
                ),
                ("reminder_sent_at", models.DateTimeField(blank=True, null=True)),
                (
                    "registration",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="session_attendance",
                        to="events.registration",
                    ),
                ),
                (
                    "session",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attendance",
                        to="events.workshopsession",
                    ),
                ),
            ],
            options={
                "verbose_name": "närvaro per pass",
                "verbose_name_plural": "närvaro per pass",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("registration", "session"), name="one_attendance_per_session"
                    )
                ],
            },
        ),
    ]
