from .municipalities import (
    County,
    Municipality,
    MunicipalityEmailDomain,
    domain_validator,
    municipality_for_email,
)
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
    "County",
    "DigestSubscription",
    "Municipality",
    "MunicipalityEmailDomain",
    "MunicipalityProfile",
    "Network",
    "NetworkLink",
    "NetworkMembership",
    "Post",
    "PostReport",
    "Thread",
    "domain_validator",
    "municipality_for_email",
]
