"""Workshop operations. Views call these and show RegistrationError's message."""

from .registration import (
    RegistrationError,
    cancel,
    cancel_for_deleted_account,
    move_from_waitlist,
    promote_waitlist,
    register,
    register_team,
    sync_seat_counter,
)

__all__ = [
    "RegistrationError",
    "cancel",
    "cancel_for_deleted_account",
    "move_from_waitlist",
    "promote_waitlist",
    "register",
    "register_team",
    "sync_seat_counter",
]
