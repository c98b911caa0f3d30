"""What network makes searchable: municipalities with their profiles, and networks'
public descriptions (never their discussions). Registered with search in
wagtail_hooks.py. Counties and municipalities (reference data) are named for search here
only: their documents, the county facet's labels and the reference data loader's signal."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.models import County, Municipality
from organisations.signals import municipalities_changed
from portal.models import Challenge, Method
from search.registry import Document, DocumentKind, FacetLabels, text

from .models import MunicipalityProfile, Network


def municipality_document(code):
    municipality = Municipality.objects.select_related("county", "profile").filter(pk=code).first()
    if municipality is None:
        return None
    profile = getattr(municipality, "profile", None)
    parts = [municipality.county.name, municipality.group_name]
    if profile is not None:
        parts += [profile.ongoing_work, " ".join(c.name for c in profile.challenges.all())]
        parts += [m.name for m in profile.methods_in_use.all()]
        parts += [m.name for m in profile.methods_planned.all()]
    return Document(
        f"municipality:{municipality.pk}",
        "municipality",
        municipality.name,
        text(*parts),
        municipality.get_absolute_url(),
        county=municipality.county_id,
    )


def network_document(identifier):
    network = Network.objects.select_related("challenge").filter(pk=identifier).first()
    if network is None:
        return None
    return Document(
        f"network:{network.pk}",
        "network",
        network.name,
        text(
            network.purpose,
            network.description,
            network.challenge.name if network.challenge_id else "",
        ),
        network.get_absolute_url(),
        date=network.created_at,
    )


def _municipality_keys(codes):
    return [f"municipality:{code}" for code in codes]


def _profiles_showing(**lookups):
    """Keys of the municipalities whose profile matches any of the lookups."""
    condition = Q()
    for name, value in lookups.items():
        condition |= Q(**{name: value})
    codes = MunicipalityProfile.objects.filter(condition).values_list("municipality_id", flat=True)
    return _municipality_keys(codes.distinct())


def search_documents():
    return [
        DocumentKind(
            "municipality",
            _("Kommun"),
            keys=lambda: _municipality_keys(Municipality.objects.values_list("pk", flat=True)),
            build=municipality_document,
            models={
                Municipality: lambda municipality: [f"municipality:{municipality.pk}"],
                MunicipalityProfile: lambda profile: [f"municipality:{profile.municipality_id}"],
            },
            depends_on={
                Challenge: lambda challenge: _profiles_showing(challenges=challenge),
                Method: lambda method: _profiles_showing(
                    methods_in_use=method, methods_planned=method
                ),
            },
            # The reference data loader writes in bulk, without post_save.
            signals=[(municipalities_changed, lambda codes, **kwargs: _municipality_keys(codes))],
        ),
        DocumentKind(
            "network",
            _("Nätverk"),
            keys=lambda: (f"network:{pk}" for pk in Network.objects.values_list("pk", flat=True)),
            build=network_document,
            models={Network: lambda network: [f"network:{network.pk}"]},
            depends_on={
                Challenge: lambda challenge: [
                    f"network:{pk}" for pk in challenge.networks.values_list("pk", flat=True)
                ]
            },
        ),
        FacetLabels("county", lambda: dict(County.objects.values_list("code", "name"))),
    ]
