"""Workshop operations. Views call these and show RegistrationError's message."""

from .registration import (
    RegistrationError,
    cancel,
    move_from_waitlist,
    promote_waitlist,
    register,
    register_team,
    sync_seat_counter,
)

__all__ = [
    "RegistrationError",
    "cancel",
    "move_from_waitlist",
    "promote_waitlist",
    "register",
    "register_team",
    "sync_seat_counter",
]
