"""More of the domain's common words for the same thing, for editors to keep from here on
(as search/0003). Reversing removes only the terms seeded here, as seeded."""

from django.db import migrations

# term: (equivalents, both ways)
SEEDS = {
    "webbsändning": (["webbinarium", "webbinar"], True),
    "funktionsnedsättning": (["funktionshinder", "funktionsvariation"], True),
    "socialtjänsten": (["soc", "socialförvaltningen"], True),
    "fältare": (["fältassistenter", "fältarbetare", "fältverksamhet"], True),
}


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for term, (equivalents, both_ways) in SEEDS.items():
        Synonym.objects.get_or_create(
            term=term,
            defaults={"equivalents": "\n".join(equivalents), "both_ways": both_ways},
        )


def unseed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for term, (equivalents, both_ways) in SEEDS.items():
        Synonym.objects.filter(
            term=term, equivalents="\n".join(equivalents), both_ways=both_ways
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0009_search_vector")]

    operations = [migrations.RunPython(seed, unseed)]
