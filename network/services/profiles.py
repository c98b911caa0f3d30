"""Municipality profiles: reading them for the public page, and saving a coordinator's edit."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from network.models import MunicipalityProfile
from organisations.models import Municipality
from portal.accounts.roles import is_coordinator_of, is_editor


def profile_for(municipality):
    return MunicipalityProfile.objects.get_or_create(municipality=municipality)[0]


def can_edit_profile(user, municipality):
    """Editors, and the coordinators (contact persons) of the municipality's organisation."""
    return is_editor(user) or is_coordinator_of(user, municipality.organisation)


@transaction.atomic
def save_profile(form, *, by):
    profile = form.save(commit=False)
    profile.updated_at = timezone.now()
    profile.updated_by = by
    profile.save()
    form.save_m2m()
    log(profile, "wagtail.edit", user=by)
    return profile


def search_municipalities(*, challenge=None, method=None, county=None, looking=False):
    """Municipalities with the given challenge, method (in use or planned) and county."""
    municipalities = Municipality.objects.select_related("county", "profile")
    if challenge is not None:
        municipalities = municipalities.filter(profile__challenges=challenge)
    if method is not None:
        municipalities = municipalities.filter(profile__methods_in_use=method) | (
            municipalities.filter(profile__methods_planned=method)
        )
    if county is not None:
        municipalities = municipalities.filter(county=county)
    if looking:
        municipalities = municipalities.filter(profile__looking_for_peers=True)
    return municipalities.distinct().order_by("name")
