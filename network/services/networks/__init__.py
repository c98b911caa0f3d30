"""Peer networks, by concern: who may do what (permissions), which organisations are in
them (membership), their discussions (discussion), the daily digests (digests) and their
meetings (meetings).

The public names are importable from here, as `networks.join(...)`."""

from .digests import send_digests, set_digest
from .discussion import hide_post, reply, report_post, require_reader, start_thread
from .meetings import (
    MeetingError,
    can_see_meetings,
    cancel_meeting,
    change_meeting,
    schedule_meeting,
    send_meeting_reminders,
    write_minutes,
)
from .membership import (
    NetworkError,
    accept_request,
    create_network,
    invite_organisation,
    join,
    leave,
    members_by_kind,
)
from .permissions import (
    NetworkAccess,
    can_coordinate,
    can_read_discussion,
    member_organisation,
    network_access,
    network_coordinators,
)

__all__ = [
    "MeetingError",
    "NetworkAccess",
    "NetworkError",
    "accept_request",
    "can_coordinate",
    "can_see_meetings",
    "cancel_meeting",
    "change_meeting",
    "can_read_discussion",
    "create_network",
    "hide_post",
    "invite_organisation",
    "join",
    "leave",
    "member_organisation",
    "members_by_kind",
    "network_access",
    "network_coordinators",
    "reply",
    "report_post",
    "require_reader",
    "schedule_meeting",
    "send_digests",
    "send_meeting_reminders",
    "set_digest",
    "start_thread",
    "write_minutes",
]
