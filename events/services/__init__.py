"""Workshop operations. Views call these and show RegistrationError's message."""

from .registration import (
    RegistrationError,
    RegistrationOutlook,
    cancel,
    cancel_for_deleted_account,
    move_from_waitlist,
    move_to_occasion,
    occasion_of,
    promote_waitlist,
    register,
    register_team,
    registration_outlook,
    registration_state,
    registrations_in_arrival_order,
    sync_seat_counter,
)

__all__ = [
    "RegistrationError",
    "RegistrationOutlook",
    "cancel",
    "cancel_for_deleted_account",
    "move_from_waitlist",
    "move_to_occasion",
    "occasion_of",
    "promote_waitlist",
    "register",
    "register_team",
    "registration_outlook",
    "registration_state",
    "registrations_in_arrival_order",
    "sync_seat_counter",
]
