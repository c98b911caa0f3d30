"""Wagtail's own admin forms with the privacy guard: documents, images, users and the
comment that goes with a moderation decision.

Documents and images get theirs through WAGTAILDOCS_DOCUMENT_FORM_BASE and
WAGTAILIMAGES_IMAGE_FORM_BASE, users through `PortalUsersAppConfig.user_viewset`, and
moderation comments through `guard_workflow_comments` (called from `PortalConfig.ready`).
Imported only once the app registry is ready: Wagtail's form modules query permissions.
"""

from wagtail.documents.forms import BaseDocumentForm
from wagtail.forms import TaskStateCommentForm
from wagtail.images.forms import BaseImageForm
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet

from .privacy import PrivacyGuardMixin


class PrivacyGuardedDocumentForm(PrivacyGuardMixin, BaseDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE: titles and tags of documents, uploads included."""


class PrivacyGuardedImageForm(PrivacyGuardMixin, BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: titles, tags and alt texts of images."""


class PrivacyGuardedUserCreationForm(PrivacyGuardMixin, UserCreationForm):
    pass


class PrivacyGuardedUserEditForm(PrivacyGuardMixin, UserEditForm):
    pass


class PrivacyGuardedTaskStateCommentForm(PrivacyGuardMixin, TaskStateCommentForm):
    """The comment an editor writes when approving or returning a page for changes."""


def guard_workflow_comments():
    """Make Wagtail's workflow tasks ask for their comment with the guarded form.

    `Task.get_form_for_action` returns the module-level `TaskStateCommentForm` of
    wagtail.models.workflows; a custom task model would need a migration, so the name is
    pointed at the guarded form instead (from `PortalConfig.ready`).
    """
    from wagtail.models import workflows

    workflows.TaskStateCommentForm = PrivacyGuardedTaskStateCommentForm


class PrivacyGuardedUserViewSet(UserViewSet):
    def get_form_class(self, for_update=False):
        return PrivacyGuardedUserEditForm if for_update else PrivacyGuardedUserCreationForm
