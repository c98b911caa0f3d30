from .pages import WorkshopFormat, WorkshopIndexPage, WorkshopPage, WorkshopSession
from .registrations import CalendarFeed, Feedback, OrganisationQuota, Registration, SeatCounter
from .themes import Theme, ThemeInterest

__all__ = [
    "CalendarFeed",
    "Feedback",
    "OrganisationQuota",
    "Registration",
    "SeatCounter",
    "Theme",
    "ThemeInterest",
    "WorkshopFormat",
    "WorkshopIndexPage",
    "WorkshopPage",
    "WorkshopSession",
]
