import django.core.validators
from dateutil.relativedelta import relativedelta
from django.db import migrations, models


def fill_review_due(apps, schema_editor):
    """Existing guidance falls due twelve months after it was last reviewed."""
    GuidancePage = apps.get_model("portal", "GuidancePage")
    for page in GuidancePage.objects.only("pk", "last_reviewed", "review_interval_months"):
        due = page.last_reviewed + relativedelta(months=page.review_interval_months)
        GuidancePage.objects.filter(pk=page.pk).update(review_due=due)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0009_good_example_other_organisations"),
    ]

    operations = [
        migrations.AddField(
            model_name="guidancepage",
            name="review_due",
            field=models.DateField(editable=False, null=True, verbose_name="ska granskas senast"),
        ),
        migrations.AddField(
            model_name="guidancepage",
            name="review_interval_months",
            field=models.PositiveSmallIntegerField(
                default=12,
                help_text="Antal månader mellan granskningarna.",
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(60),
                ],
                verbose_name="granskas var (månader)",
            ),
        ),
        migrations.RunPython(fill_review_due, migrations.RunPython.noop),
    ]
