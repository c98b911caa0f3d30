"""Peer networks, by concern: who may do what (permissions), which organisations are in
them (membership), their discussions (discussion) and the daily digests (digests).

The public names are importable from here, as `networks.join(...)`."""

from .digests import send_digests, set_digest
from .discussion import hide_post, reply, report_post, require_reader, start_thread
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
    "NetworkAccess",
    "NetworkError",
    "accept_request",
    "can_coordinate",
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
    "send_digests",
    "set_digest",
    "start_thread",
]
