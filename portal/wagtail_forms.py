"""Wagtail's own admin forms with the privacy guard: documents, images, users and the
comment that goes with a moderation decision.

Documents and images get theirs through WAGTAILDOCS_DOCUMENT_FORM_BASE and
WAGTAILIMAGES_IMAGE_FORM_BASE, users through `PortalUsersAppConfig.user_viewset`, and
moderation comments through `guard_workflow_comments` (called from `PortalConfig.ready`).
Imported only once the app registry is ready: Wagtail's form modules query permissions.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.forms import TaskStateCommentForm
from wagtail.images.forms import BaseImageForm
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet

from .privacy import PrivacyGuardMixin

FILE_NAME_MESSAGE = _(
    "Filens namn innehåller något som ser ut som ett personnummer eller samordningsnummer. "
    "Byt namn på filen och ladda upp den igen."
)


class FileNameGuardMixin(PrivacyGuardMixin):
    """Refuses the file itself when its name, used as the title, holds a personal number.

    Wagtail's multiple upload takes the title from the file name and rejects an upload at
    once only for errors on the file; for other errors it keeps the file aside and asks
    for the details later, in a view that cannot validate a document without its file.
    """

    def clean(self):
        cleaned_data = super().clean()
        upload = self.files.get(self.add_prefix("file"))
        title = self.data.get(self.add_prefix("title"))
        if (
            upload is not None
            and self.has_error("title", "personal_number")
            and title == upload.name
        ):
            self.add_error("file", FILE_NAME_MESSAGE)
        return cleaned_data


class PrivacyGuardedDocumentForm(FileNameGuardMixin, BaseDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE: titles and tags of documents, uploads included."""


class PrivacyGuardedImageForm(FileNameGuardMixin, BaseImageForm):
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
