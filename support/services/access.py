"""Who may do what with the support app's objects: one place for the rules every view and
panel of the app asks.

- A self-assessment is its organisation's: any approved member fills it in, together
  with colleagues, and reads it; no one else does, except the team once it is attached to
  a submitted (or decided) application that has not been withdrawn.
- An application is read by the members of the organisations applying (lead and
  co-applicants, while invited or confirmed); the lead's coordinators write it while it
  is a draft; a co-applicant's coordinators answer its invitation and name its manager.
- Assessments and the team's notes are for editors only, never for applicants.
"""

from organisations.models import Organisation
from portal.accounts.roles import active_membership, is_coordinator_of, is_editor, is_member_of


def organisation_of(user):
    """The organisation the person acts for, or None."""
    membership = active_membership(user)
    return membership.organisation if membership else None


def can_use_self_assessments(user, organisation):
    return organisation is not None and is_member_of(user, organisation)


def can_read_self_assessment(user, assessment):
    if can_use_self_assessments(user, assessment.organisation):
        return True
    # Submitted or decided; not a draft, and not one the applicants withdrew.
    return (
        is_editor(user)
        and assessment.applications.filter(status__in=["submitted", "granted", "declined"]).exists()
    )


def can_apply_for(user, organisation):
    """Coordinators of a municipality apply for it."""
    return (
        organisation is not None
        and organisation.kind == Organisation.Kind.MUNICIPALITY
        and is_coordinator_of(user, organisation)
    )


def participant_for(user, application):
    """The person's organisation's participation in the application, or None."""
    organisation = organisation_of(user)
    if organisation is None:
        return None
    return (
        application.participants.filter(organisation=organisation)
        .exclude(status="declined")
        .first()
    )


def can_read_application(user, application):
    return participant_for(user, application) is not None


def can_edit_application(user, application):
    return application.is_draft and is_coordinator_of(user, application.lead)


def can_answer_for_participant(user, participant):
    """A co-applicant's coordinators confirm taking part and name their manager."""
    return participant.application.is_draft and is_coordinator_of(user, participant.organisation)
