"""Emails about networks, queued in the caller's transaction."""

from portal import emails


def notify(template, people, **context):
    addresses = [person.email for person in people]
    emails.send(f"network/emails/{template}", addresses, context)
