"""Peer networks, by concern: who may do what (permissions), which organisations are in
them (membership), their discussions (discussion), what authors do with their posts and
pinning (posts), each person's choice of email (email_choices), the daily digests (digests) and
the meetings (meetings).

The public names are importable from here, as `networks.join(...)`."""

from .digests import send_digests
from .discussion import hide_post, reply, report_post, require_reader, start_thread
from .email_choices import email_choice, participants, set_digest, set_email_choice
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
from .posts import (
    delete_post,
    edit_post,
    is_opening_post,
    may_change_post,
    may_pin,
    may_retitle,
    pin_thread,
    require_author,
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
    "delete_post",
    "edit_post",
    "email_choice",
    "hide_post",
    "invite_organisation",
    "is_opening_post",
    "join",
    "leave",
    "may_change_post",
    "may_pin",
    "may_retitle",
    "member_organisation",
    "members_by_kind",
    "network_access",
    "network_coordinators",
    "participants",
    "pin_thread",
    "reply",
    "report_post",
    "require_author",
    "require_reader",
    "schedule_meeting",
    "send_digests",
    "send_meeting_reminders",
    "set_digest",
    "set_email_choice",
    "start_thread",
    "write_minutes",
]
