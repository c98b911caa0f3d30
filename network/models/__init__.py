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
    "DigestSubscription",
    "MunicipalityProfile",
    "Network",
    "NetworkLink",
    "NetworkMembership",
    "Post",
    "PostReport",
    "Thread",
]
