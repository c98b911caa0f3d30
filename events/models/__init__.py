from .pages import WorkshopFormat, WorkshopIndexPage, WorkshopPage, WorkshopSession
from .registrations import CalendarFeed, Feedback, MunicipalityQuota, Registration, SeatCounter
from .themes import Theme, ThemeInterest

__all__ = [
    "CalendarFeed",
    "Feedback",
    "MunicipalityQuota",
    "Registration",
    "SeatCounter",
    "Theme",
    "ThemeInterest",
    "WorkshopFormat",
    "WorkshopIndexPage",
    "WorkshopPage",
    "WorkshopSession",
]
