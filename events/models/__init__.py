from .follow_up import FollowUp, FollowUpAnswer
from .pages import (
    MaterialsFor,
    Occasion,
    WorkshopFormat,
    WorkshopIndexPage,
    WorkshopPage,
    WorkshopSession,
)
from .registrations import (
    CalendarFeed,
    Feedback,
    OrganisationQuota,
    Registration,
    SeatCounter,
    SessionAttendance,
)
from .themes import Theme, ThemeInterest

__all__ = [
    "CalendarFeed",
    "Feedback",
    "FollowUp",
    "FollowUpAnswer",
    "MaterialsFor",
    "Occasion",
    "OrganisationQuota",
    "Registration",
    "SeatCounter",
    "SessionAttendance",
    "Theme",
    "ThemeInterest",
    "WorkshopFormat",
    "WorkshopIndexPage",
    "WorkshopPage",
    "WorkshopSession",
]
