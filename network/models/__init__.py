from .contact import ContactRequest, TeamContact
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

__all__ = [
    "ContactRequest",
    "DigestSubscription",
    "MunicipalityProfile",
    "Network",
    "NetworkLink",
    "NetworkMembership",
    "Post",
    "PostReport",
    "TeamContact",
    "Thread",
]
