"""Demo profiles, only where the source documents support them.

- All pilot municipalities said they wanted to meet municipalities with the same
  challenges and that local systematic follow-up is hard (Ds 2025:19, 5.5-5.6): they are
  looking for peers, with the challenge "Systematisk uppföljning". The six from 2024
  described long-standing difficulties in working with BUP (5.4.2).
- The 26 municipalities that received the state grant for social measures in vulnerable
  areas in 2021 (Socialstyrelsen's report, appendix 1) have areas the police classify as
  vulnerable: only municipalities in the police's situation report could claim the grant.
  That is a condition they share (has_vulnerable_areas), which matching counts; it is not
  also given to them as a challenge, which would count the same fact twice. The report
  gives methods only as totals (16 of the 26 used SSPF), never per municipality, so no
  named municipality gets a method or collaboration form here.
- Göteborg started "En blind fläck" for girls in gang-criminal environments (Ds 2025:19).
- The pilot municipalities met in joint meetings with the team (4.3): that is the demo
  network.
Every other profile starts empty, and the site says so.
"""

from django.db.models import Q

from network.models import MunicipalityProfile, Network, NetworkMembership
from organisations.models import Municipality
from organisations.services import PILOT_MUNICIPALITIES
from portal.models import Challenge

ORIGINAL_PILOTS = [name for name, year in PILOT_MUNICIPALITIES.items() if year == 2024]
# Socialstyrelsen, "Redovisning av 2021 års uppdrag om sociala insatser i utsatta områden"
# (A2020/02651, A2021/01981), bilaga 1, tabell 1: the 26 recipients of the grant ("Borlänge
# kommun", "Borås Stad", ... "Örebro kommun"), here by the municipality's name. Only
# municipalities in the police's situation report on vulnerable areas could claim it.
STATE_GRANT_2021 = [
    "Borlänge",
    "Borås",
    "Botkyrka",
    "Eskilstuna",
    "Göteborg",
    "Halmstad",
    "Haninge",
    "Helsingborg",
    "Huddinge",
    "Järfälla",
    "Jönköping",
    "Kristianstad",
    "Landskrona",
    "Linköping",
    "Malmö",
    "Norrköping",
    "Sollentuna",
    "Stockholm",
    "Sundbyberg",
    "Södertälje",
    "Trollhättan",
    "Upplands-Bro",
    "Uppsala",
    "Västerås",
    "Växjö",
    "Örebro",
]


def _profile(name):
    municipality = Municipality.objects.get(name=name)
    return MunicipalityProfile.objects.get_or_create(municipality=municipality)[0]


def build(home):
    challenges = {c.slug: c for c in Challenge.objects.all()}
    for name in PILOT_MUNICIPALITIES:
        profile = _profile(name)
        profile.looking_for_peers = True
        profile.save(update_fields=["looking_for_peers"])
        profile.challenges.add(challenges["systematisk-uppfoljning"])
        if name in ORIGINAL_PILOTS:
            profile.challenges.add(challenges["samverkan-bup"])
    for name in STATE_GRANT_2021:
        profile = _profile(name)
        profile.has_vulnerable_areas = True
        # A demo assumption, not a source's: that they would like to meet municipalities
        # in the same situation (the pilots said so of themselves, Ds 2025:19, 5.5).
        profile.looking_for_peers = True
        profile.save(update_fields=["has_vulnerable_areas", "looking_for_peers"])
        # Earlier demos also gave them the challenge "Utsatta områden": the condition says it.
        profile.challenges.remove(challenges["utsatta-omraden"])
    _profile("Göteborg").challenges.add(challenges["flickor"])

    network, _created = Network.objects.update_or_create(
        slug="pilotkommunernas-erfarenhetsutbyte",
        defaults={
            "name": "Pilotkommunernas erfarenhetsutbyte",
            "challenge": challenges["systematisk-uppfoljning"],
            "purpose": (
                "Kommunerna i pilotverksamheten med förstärkningsteam delar erfarenheter "
                "mellan de gemensamma träffarna: tips om arbetssätt, uppföljning och "
                "samverkan."
            ),
            "description": (
                "Under 2024 och 2025 bjöd Socialstyrelsen och delegationen in "
                "pilotkommunerna till fyra gemensamma möten, tre digitala och ett fysiskt. "
                "Kommunerna beskrev att träffarna gjorde att de kände sig mindre ensamma."
            ),
        },
    )
    for name in PILOT_MUNICIPALITIES:
        NetworkMembership.objects.update_or_create(
            network=network,
            organisation=Municipality.objects.get(name=name).organisation,
            defaults={"status": NetworkMembership.Status.ACTIVE},
        )


def counts():
    return {
        "kommunprofiler med innehåll": MunicipalityProfile.objects.filter(
            Q(challenges__isnull=False) | Q(has_vulnerable_areas=True) | Q(looking_for_peers=True)
        )
        .distinct()
        .count(),
        "nätverk": Network.objects.count(),
    }
