"""Suggested networks: groups of 4-8 municipalities that share a challenge and are near
each other, for editors to create with one click.

For each challenge, municipalities that are looking for peers, have the challenge, and
are not already in a network on it are grouped by county; a county with too few is
joined by its neighbouring counties (counties whose municipalities share a border, from
the boundary map) until the group is large enough.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from network.models import MunicipalityProfile, NetworkMembership
from organisations.models import County
from portal.models import Challenge

from .maps import neighbouring_counties

MIN_SIZE = 4
MAX_SIZE = 8


@dataclass
class NetworkProposal:
    challenge: Challenge
    municipalities: list
    reasons: list = field(default_factory=list)

    @property
    def codes(self):
        return [m.code for m in self.municipalities]


def suggest_networks(min_size=MIN_SIZE, max_size=MAX_SIZE):
    county_names = dict(County.objects.values_list("code", "name"))
    neighbours = neighbouring_counties()
    proposals = []
    for challenge in Challenge.objects.order_by("name"):
        already = set(
            NetworkMembership.objects.filter(
                network__challenge=challenge, status__in=["active", "invited", "requested"]
            ).values_list("organisation__municipality", flat=True)
        )
        candidates = [
            profile.municipality
            for profile in MunicipalityProfile.objects.filter(
                looking_for_peers=True, challenges=challenge
            ).select_related("municipality")
            if profile.municipality_id not in already
        ]
        by_county = {}
        for municipality in sorted(candidates, key=lambda m: m.name):
            by_county.setdefault(municipality.county_id, []).append(municipality)
        used = set()
        for county in sorted(by_county, key=lambda c: -len(by_county[c])):
            group = [m for m in by_county[county] if m.pk not in used]
            if not group:
                continue
            joined = []
            for neighbour in sorted(
                neighbours.get(county, ()), key=lambda c: -len(by_county.get(c, []))
            ):
                if len(group) >= min_size:
                    break
                extra = [m for m in by_county.get(neighbour, []) if m.pk not in used]
                if extra:
                    group += extra
                    joined.append(neighbour)
            if len(group) < min_size:
                continue
            group = group[:max_size]
            used.update(m.pk for m in group)
            reasons = [_("alla arbetar med: %(name)s") % {"name": challenge.name}]
            if joined:
                reasons.append(
                    _("%(county)s och grannlän: %(others)s")
                    % {
                        "county": county_names[county],
                        "others": ", ".join(county_names[c] for c in joined),
                    }
                )
            else:
                reasons.append(_("samma län: %(county)s") % {"county": county_names[county]})
            reasons.append(_("alla söker kommuner att utbyta erfarenheter med"))
            proposals.append(NetworkProposal(challenge, group, reasons))
    return proposals
