"""Emails about networks, queued in the caller's transaction."""

from portal import emails


def notify(template, people, *, attachments=(), reply_to="", **context):
    """Queue network/emails/<template> to each person; returns how many were queued."""
    addresses = [person.email for person in people]
    return emails.send(
        f"network/emails/{template}",
        addresses,
        context,
        attachments=attachments,
        reply_to=reply_to,
    )
