"""Wagtail admin forms with the privacy guard for every page type and snippet.

Pages and snippets name their form with `base_form_class`. The forms Wagtail builds
inside them (inline panels, page comments and their replies) are guarded by the
metaclass below. Wagtail's other admin forms (documents, images, users, moderation
comments) are in `portal.wagtail_forms`. `tests/test_privacy_coverage.py` walks them all
and fails when one is not guarded.
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.forms.models import WagtailAdminModelFormMetaclass

from .privacy import PrivacyGuardMixin

COMMENT_REFUSED_MESSAGE = _("Kommentaren kunde inte sparas: %(reason)s")


class PrivacyGuardedFormMetaclass(WagtailAdminModelFormMetaclass):
    """Guards the child forms Wagtail builds into an admin form, not only the form itself.

    Inline panels and page comments arrive as formsets inside the page or snippet form;
    each formset's form (and its own formsets, such as a comment's replies) gets the guard.
    """

    def __new__(cls, name, bases, attrs):
        new_class = super().__new__(cls, name, bases, attrs)
        for formset in getattr(new_class, "formsets", {}).values():
            if not issubclass(formset.form, PrivacyGuardMixin):
                formset.form = PrivacyGuardedFormMetaclass(
                    f"PrivacyGuarded{formset.form.__name__}", (PrivacyGuardMixin, formset.form), {}
                )
        return new_class

    @classmethod
    def child_form(cls):
        return PrivacyGuardedModelForm


class PrivacyGuardedModelForm(
    PrivacyGuardMixin, WagtailAdminModelForm, metaclass=PrivacyGuardedFormMetaclass
):
    pass


class PrivacyGuardedPageForm(
    PrivacyGuardMixin, WagtailAdminPageForm, metaclass=PrivacyGuardedFormMetaclass
):
    def is_valid(self):
        valid = super().is_valid()
        # Wagtail shows no errors inside the comments side panel, so a refused comment or
        # reply is named at the top of the page, where the editor looks after saving.
        for error in _comment_errors(self.formsets.get("comments")):
            self.add_error(None, COMMENT_REFUSED_MESSAGE % {"reason": error})
        return valid


def _comment_errors(formset):
    if formset is None or not formset.is_bound:
        return
    for form in formset.forms:
        if formset.can_delete and formset._should_delete_form(form):
            continue  # a comment that is being deleted may hold anything
        for name, errors in form.errors.items():
            if name != NON_FIELD_ERRORS:
                yield from errors
        for replies in getattr(form, "formsets", {}).values():
            for reply in replies.forms:
                for name, errors in reply.errors.items():
                    if name != NON_FIELD_ERRORS:
                        yield from errors
