"""Good examples submitted by members from the site.

A submission becomes a draft GoodExamplePage for the member's municipality and enters
Wagtail's moderation workflow, where editors are notified by Wagtail. The member follows
its status on "Mina sidor" and is emailed when it is published or sent back.
"""

import re
from html import unescape

from django.db import transaction
from django.urls import reverse
from django.utils.html import linebreaks, strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.models import TaskState
from wagtail.users.models import UserProfile

from portal import emails
from portal.accounts.roles import active_membership, is_editor
from portal.models import GoodExampleIndexPage, GoodExamplePage

TEXT_FIELDS = ["summary", "partners_description"]
RICH_TEXT_FIELDS = ["problem", "what_was_done", "results", "lessons"]
CHOICE_FIELDS = ["partners", "prevention_levels", "year"]
RELATION_FIELDS = ["support_areas", "target_groups", "methods", "collaboration_forms"]


class SubmissionError(Exception):
    """A submission that cannot be made; the message is for the person."""


def as_html(text):
    """Plain text as typed in a form, as escaped paragraphs for a rich-text field."""
    return linebreaks(text.strip(), autoescape=True)


def as_text(html):
    """The reverse, for showing a returned submission in the form again: the text as the
    member typed it. Entities are decoded after the tags are gone, so that the form (which
    escapes what it shows) and `as_html` each escape once, not once more on every round."""
    text = re.sub(r"<br\s*/?>", "\n", html)
    text = re.sub(r"</p>\s*", "\n\n", text)
    return unescape(strip_tags(text)).strip()


def form_initial(page):
    """What the submission form shows when a member revises a returned example."""
    draft = page.get_latest_revision_as_object()
    initial = {"title": draft.title}
    initial.update({name: getattr(draft, name) for name in TEXT_FIELDS + CHOICE_FIELDS})
    initial.update({name: as_text(getattr(draft, name)) for name in RICH_TEXT_FIELDS})
    initial.update({name: list(getattr(draft, name).all()) for name in RELATION_FIELDS})
    return initial


def _fill(page, data):
    page.title = data["title"]
    for name in TEXT_FIELDS + CHOICE_FIELDS:
        setattr(page, name, data[name])
    for name in RICH_TEXT_FIELDS:
        setattr(page, name, as_html(data[name]))
    for name in RELATION_FIELDS:
        setattr(page, name, list(data[name]))


def _quiet_wagtail_emails(user):
    """Members cannot open the admin links in Wagtail's own emails; they get ours."""
    if is_editor(user):
        return
    profile = UserProfile.get_for_user(user)
    profile.approved_notifications = False
    profile.rejected_notifications = False
    profile.save(update_fields=["approved_notifications", "rejected_notifications"])


@transaction.atomic
def submit_good_example(user, data, page=None):
    """Create (or, for a returned example, revise) a draft and send it for review."""
    membership = active_membership(user)
    if membership is None:
        raise SubmissionError(
            _("Du behöver vara medlem för en organisation för att skicka in exempel.")
        )
    if page is None:
        index = GoodExampleIndexPage.objects.first()
        if index is None:
            raise SubmissionError(_("Portalen har ingen sida för goda exempel ännu."))
        page = GoodExamplePage(
            owner=user,
            live=False,
            municipality=membership.organisation.municipality,
            slug=find_available_slug(index, slugify(data["title"]) or "exempel"),
        )
        _fill(page, data)
        index.add_child(instance=page)
    else:
        if page.owner_id != user.pk or submission_status(page)[0] != "returned":
            raise SubmissionError(_("Exemplet kan inte ändras just nu."))
        page = page.get_latest_revision_as_object()
        _fill(page, data)

    page.save_revision(user=user, log_action=True)
    _quiet_wagtail_emails(user)
    workflow_state = page.current_workflow_state
    if workflow_state is not None and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
        workflow_state.resume(user)
    elif (workflow := page.get_workflow()) is not None:
        workflow.start(page, user)
    return page


STATUS_LABELS = {
    "published": _("Publicerat"),
    "in_review": _("Väntar på granskning"),
    "returned": _("Återskickat för ändring"),
    "draft": _("Utkast"),
}


def submission_status(page):
    """(code, comment) for a member's example: published, in_review, returned or draft."""
    if page.live:
        return "published", ""
    workflow_state = page.current_workflow_state
    if workflow_state is None:
        return "draft", ""
    if workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
        rejected = (
            TaskState.objects.filter(workflow_state=workflow_state, status="rejected")
            .order_by("-finished_at")
            .first()
        )
        return "returned", rejected.comment if rejected else ""
    return "in_review", ""


def submissions_of(user):
    pages = GoodExamplePage.objects.filter(owner=user).order_by("-latest_revision_created_at")
    return [
        {"page": page, "code": code, "label": STATUS_LABELS[code], "comment": comment}
        for page in pages
        for code, comment in [submission_status(page)]
    ]


def notify_published(page):
    owner = page.owner
    if owner is None or is_editor(owner) or page.first_published_at != page.last_published_at:
        return
    emails.send(
        "portal/emails/example_published",
        [owner.email],
        {"page": page, "url": emails.absolute_url(page.url or "/")},
    )


def notify_returned(workflow_state, user=None):
    page = getattr(workflow_state.content_object, "specific", None)
    if not isinstance(page, GoodExamplePage):
        return
    requester = workflow_state.requested_by
    if requester is None or is_editor(requester):
        return
    _code, comment = submission_status(page)
    emails.send(
        "portal/emails/example_returned",
        [requester.email],
        {
            "page": page,
            "comment": comment,
            "edit_url": emails.absolute_url(reverse("portal:submission_edit", args=[page.pk])),
        },
    )
