from .accounts import Membership
from .examples import GoodExampleIndexPage, GoodExamplePage, GoodExamplePageTag
from .identity_providers import IdentityProvider
from .index_pages import FilteredListingMixin, IndexPage
from .knowledge import GuidancePage, GuidancePageTag, SupportAreaIndexPage, SupportAreaPage
from .outbox import OutgoingEmail
from .pages import HomePage, InformationPage
from .settings import PortalSettings
from .snippets import Challenge, CollaborationForm, Method, TargetGroup
from .support import ACTOR_KINDS, OtherSupportIndexPage, OtherSupportPage
from .users import User
from .vocabulary import EvidenceStatus, MethodKind, Partner, PreventionLevel, SupportFormat

__all__ = [
    "ACTOR_KINDS",
    "Challenge",
    "CollaborationForm",
    "EvidenceStatus",
    "FilteredListingMixin",
    "GoodExampleIndexPage",
    "GoodExamplePage",
    "GoodExamplePageTag",
    "GuidancePage",
    "GuidancePageTag",
    "HomePage",
    "IdentityProvider",
    "IndexPage",
    "InformationPage",
    "Membership",
    "Method",
    "MethodKind",
    "OtherSupportIndexPage",
    "OtherSupportPage",
    "OutgoingEmail",
    "Partner",
    "PortalSettings",
    "PreventionLevel",
    "SupportAreaIndexPage",
    "SupportAreaPage",
    "SupportFormat",
    "TargetGroup",
    "User",
]
