from .contact import ContactRequest, TeamContact
from .meetings import Meeting
from .networks import (
    DigestSubscription,
    Network,
    NetworkLink,
    NetworkMembership,
    Post,
    PostReport,
    Thread,
)
from .profiles import MunicipalityProfile
from .proposals import NetworkProposal

__all__ = [
    "ContactRequest",
    "DigestSubscription",
    "Meeting",
    "MunicipalityProfile",
    "Network",
    "NetworkLink",
    "NetworkMembership",
    "NetworkProposal",
    "Post",
    "PostReport",
    "TeamContact",
    "Thread",
]
