"""Wagtail admin forms with the privacy guard, for every page type and snippet."""

from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from .privacy import PrivacyGuardMixin


class PrivacyGuardedPageForm(PrivacyGuardMixin, WagtailAdminPageForm):
    pass


class PrivacyGuardedModelForm(PrivacyGuardMixin, WagtailAdminModelForm):
    pass
