"""The domain's common synonyms and acronyms, as a start for editors (who keep them in
the admin from here on). Reversing removes only the terms seeded here, as seeded."""

from django.db import migrations

# term: (equivalents, both ways)
SEEDS = {
    # acronyms of the field, and what they stand for
    "SSPF": (["skola socialtjänst polis fritid"], True),
    "SIG": (["sociala insatsgrupper"], True),
    "EST": (["effektiv samordning för trygghet"], True),
    "SST": (["skolsociala team"], True),
    "TSI": (["tidiga samordnade insatser"], True),
    "Bob": (["barn och unga i organiserad brottslighet"], True),
    "RBM": (["risk behov mottaglighet"], True),
    "BUP": (["barn- och ungdomspsykiatri", "barnpsykiatri"], True),
    "ISU": (["individbaserad systematisk uppföljning"], True),
    "SoL": (["socialtjänstlagen"], True),
    "LVU": (["lagen om vård av unga"], True),
    "SiS": (["statens institutionsstyrelse"], True),
    "SIP": (["samordnad individuell plan"], True),
    "BBIC": (["barns behov i centrum"], True),
    "MVP": (["mentorer i våldsprevention", "mentors in violence prevention"], True),
    "SKR": (["Sveriges kommuner och regioner"], True),
    "Brå": (["brottsförebyggande rådet"], True),
    "ANDT": (["alkohol narkotika doping tobak"], True),
    "IFO": (["individ- och familjeomsorg"], True),
    # words staff use for the same thing
    "ungdomsbrottslighet": (
        [
            "brottslighet bland unga",
            "kriminalitet bland unga",
            "ungdomskriminalitet",
            "unga lagöverträdare",
            "unga som begår brott",
        ],
        True,
    ),
    "kriminalitet": (["brottslighet"], True),
    "kriminella nätverk": (["gäng", "gängkriminalitet", "organiserad brottslighet"], True),
    "missbruk": (["beroende", "substansbruk", "skadligt bruk"], True),
    "skolnärvaro": (["närvaro i skolan", "skolfrånvaro", "frånvaro i skolan"], True),
    "orosanmälan": (["anmälan om oro"], True),
    "tjejer": (["flickor", "unga kvinnor"], True),
    "killar": (["pojkar", "unga män"], True),
    "ungdomar": (["unga"], True),
    "föräldrar": (["vårdnadshavare", "föräldraskap"], True),
    "samverkan": (["samarbete"], True),
    "förebyggande": (["prevention", "brottsförebyggande"], True),
    "avhoppare": (["lämna kriminella nätverk", "avhopp"], True),
    "rekrytering": (["värvning"], True),
    "radikalisering": (["våldsbejakande extremism"], True),
    "hedersrelaterat våld": (["hedersvåld", "våld i hederns namn"], True),
    "kartläggning": (["lägesbild", "nulägesanalys"], True),
    "uppföljning": (["utvärdering"], True),
    "polisen": (["Polismyndigheten", "polis"], True),
    "handläggare": (["socialsekreterare"], True),
    "barnkonventionen": (["barnrätt", "barnets rättigheter"], True),
    "barnets röst": (["barns delaktighet", "barnets perspektiv", "barnperspektiv"], True),
    "arbetssätt": (["metod", "metoder"], False),
    "familjehem": (
        ["placering", "placerade barn", "behandlingsfamilj", "jourhem", "familjehemsplacering"],
        True,
    ),
    "HVB": (["hem för vård eller boende"], True),
    "placering": (["HVB"], False),
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
    dependencies = [("search", "0002_synonyms_labels_and_parts")]

    operations = [migrations.RunPython(seed, unseed)]
