"""What network makes searchable: municipalities with their profiles, and networks'
public descriptions and members (never their discussions). Registered with search in
wagtail_hooks.py. Counties and municipalities (reference data) are named for search here
only: their documents, the county facet's labels and the reference data loader's signal."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.models import County, Municipality, Organisation
from organisations.signals import municipalities_changed
from portal.models import Challenge, CollaborationForm, Method, SupportAreaPage
from search.registry import Document, DocumentKind, FacetLabels, text

from .models import MunicipalityProfile, Network, NetworkMembership

ACTIVE = NetworkMembership.Status.ACTIVE


def _names(items):
    return ", ".join(str(item) for item in items)


def _profile_parts(profile):
    """What the municipality page shows of its profile, in its order."""
    parts = [_names(profile.challenges.all()), profile.ongoing_work]
    parts += [_names(profile.methods_in_use.all()), _names(profile.methods_planned.all())]
    parts += [
        _names(profile.collaboration_forms_in_use.all()),
        _names(profile.collaboration_forms_planned.all()),
        _names(profile.wants_to_learn.live().public()),
    ]
    if profile.has_vulnerable_areas:
        parts.append(_("Har områden som polisen klassar som utsatta"))
    return parts


def municipality_document(code):
    municipality = Municipality.objects.select_related("county", "profile").filter(pk=code).first()
    if municipality is None:
        return None
    profile = getattr(municipality, "profile", None)
    parts = [municipality.county.name]
    if municipality.group_name:
        parts.append(f"{municipality.group_code} {municipality.group_name}")
    if municipality.is_pilot:
        parts.append(_("Pilotkommun sedan %(year)s") % {"year": municipality.pilot_year})
    if profile is not None:
        parts += _profile_parts(profile)
    networks = Network.objects.filter(
        memberships__organisation__municipality=municipality, memberships__status=ACTIVE
    )
    parts.append(_names(networks))
    return Document(
        f"municipality:{municipality.pk}",
        "municipality",
        municipality.name,
        text(*parts),
        municipality.get_absolute_url(),
        county=municipality.county_id,
    )


def network_document(identifier):
    network = (
        Network.objects.select_related("challenge", "coordinator_organisation")
        .filter(pk=identifier)
        .first()
    )
    if network is None:
        return None
    members = Organisation.objects.filter(
        network_memberships__network=network, network_memberships__status=ACTIVE
    ).order_by("name")
    return Document(
        f"network:{network.pk}",
        "network",
        network.name,
        text(
            # The page names the coordinator beside the shared challenge.
            f"{network.challenge.name}, {network.coordinator_label}"
            if network.challenge_id
            else "",
            network.purpose,
            network.description,
            _names(members),
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


def _networks_of(organisation):
    """Keys of the networks whose page names an organisation (member or coordinator)."""
    pks = Network.objects.filter(
        Q(memberships__organisation=organisation, memberships__status=ACTIVE)
        | Q(coordinator_organisation=organisation)
    ).values_list("pk", flat=True)
    return [f"network:{pk}" for pk in pks.distinct()]


def _members_of(network):
    """Keys of the municipalities whose page lists a network (as an active member)."""
    codes = network.memberships.filter(
        status=ACTIVE, organisation__municipality__isnull=False
    ).values_list("organisation__municipality_id", flat=True)
    return _municipality_keys(codes)


def _municipality_of(membership):
    code = membership.organisation.municipality_id
    return _municipality_keys([code] if code else [])


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
                CollaborationForm: lambda form: _profiles_showing(
                    collaboration_forms_in_use=form, collaboration_forms_planned=form
                ),
                SupportAreaPage: lambda area: _profiles_showing(wants_to_learn=area),
                Network: _members_of,
                NetworkMembership: _municipality_of,
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
                ],
                NetworkMembership: lambda membership: [f"network:{membership.network_id}"],
                Organisation: _networks_of,
            },
        ),
        FacetLabels("county", lambda: dict(County.objects.values_list("code", "name"))),
    ]
