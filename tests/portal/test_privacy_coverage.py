"""Every form that takes text goes through the privacy guard, Wagtail's admin included.

The walk finds the forms itself: every page type, every registered snippet and setting,
every form class defined in the site's apps, and Wagtail's document, image, user,
comment, moderation-comment and search promotion forms. A new form that forgets the
guard fails here, named.
"""

import importlib
import pkgutil

import pytest
from django import forms
from django.test import RequestFactory
from django.urls import resolve, reverse
from wagtail.admin.panels import get_edit_handler
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form, get_document_multi_form
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form, get_image_multi_form
from wagtail.models import Page, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail.workflows import get_task_types

from portal.privacy import PrivacyGuardMixin

SITE_APPS = ["organisations", "portal", "events", "network", "support", "search"]
NOT_FORM_MODULES = (".settings", ".migrations", ".management")


def free_text_fields(form_class):
    """The fields of a form class where a person types text."""
    return [
        name
        for name, field in form_class.base_fields.items()
        if isinstance(field, forms.CharField)
        and not isinstance(field, (forms.EmailField, forms.URLField, forms.SlugField))
        and not isinstance(field.widget, (forms.PasswordInput, forms.HiddenInput))
    ] + [
        name
        for name, field in form_class.base_fields.items()
        if type(field).__name__ == "BlockField"  # StreamField content
    ]


def unguarded(form_class, name):
    """Names of the form and the forms inside it (formsets) that take text unguarded."""
    missing = []
    if free_text_fields(form_class) and not issubclass(form_class, PrivacyGuardMixin):
        missing.append(f"{name} ({form_class.__module__}.{form_class.__qualname__})")
    for formset_name, formset in getattr(form_class, "formsets", {}).items():
        missing += unguarded(formset.form, f"{name} → {formset_name}")
    return missing


def site_form_classes():
    found = {}
    for app in SITE_APPS:
        package = importlib.import_module(app)
        for module_info in pkgutil.walk_packages(package.__path__, f"{app}."):
            if any(part in module_info.name for part in NOT_FORM_MODULES):
                continue
            module = importlib.import_module(module_info.name)
            for value in vars(module).values():
                if (
                    isinstance(value, type)
                    and issubclass(value, forms.BaseForm)
                    and value.__module__.split(".")[0] in SITE_APPS
                ):
                    found[f"{value.__module__}.{value.__qualname__}"] = value
    return found


def assert_all_guarded(missing, what):
    if missing:
        pytest.fail(f"{what} without the privacy guard:\n" + "\n".join(missing))


def admin_view_form(url_name, *args):
    return resolve(reverse(url_name, args=args)).func.view_initkwargs["form_class"]


def test_the_walk_finds_the_site_forms():
    """Guard against a walk that silently finds nothing."""
    names = set(site_form_classes())
    assert {
        "portal.forms.GoodExampleSubmissionForm",
        "network.forms.PostForm",
        "network.forms.PostEditForm",
        "network.forms.ThreadForm",
        "network.forms.ProposalForm",
        "network.forms.ProposalDeclineForm",
        "network.forms.MeetingForm",
        "network.forms.MinutesForm",
        "network.forms.ContactForm",
        "network.admin_forms.MunicipalityAdminForm",
        "network.forms.DocumentForm",
        "network.forms.LinkForm",
        "events.forms.FeedbackForm",
    } <= names


def test_every_form_class_of_the_site_is_guarded():
    missing = []
    for name, form_class in site_form_classes().items():
        missing += unguarded(form_class, name)
    assert_all_guarded(missing, "Site forms that take text")


def test_every_page_types_edit_form_is_guarded_comments_and_inline_panels_included():
    page_types = [model for model in get_page_models() if model is not Page]
    assert len(page_types) >= 9
    missing = []
    for model in page_types:
        form_class = model.get_edit_handler().get_form_class()
        assert "comments" in form_class.formsets, model  # the comments are walked too
        missing += unguarded(form_class, f"page type {model.__name__}")
    assert_all_guarded(missing, "Page edit forms")


def test_every_snippets_admin_form_is_guarded():
    missing = []
    for model in get_snippet_models():
        viewset = model.snippet_viewset
        for view in ("add", "edit"):
            args = [1] if view == "edit" else []
            form_class = admin_view_form(viewset.get_url_name(view), *args)
            missing += unguarded(form_class, f"snippet {model.__name__} ({view})")
    assert_all_guarded(missing, "Snippet forms")


def test_the_network_snippets_admin_form_is_guarded():
    from network.models import Network

    form_class = Network.snippet_viewset.get_form_class(for_update=True)
    assert issubclass(form_class, PrivacyGuardMixin)


def test_the_contact_form_and_the_municipality_admin_form_are_guarded():
    from network.forms import ContactForm
    from organisations.models import Municipality

    assert free_text_fields(ContactForm) == ["subject", "message"]
    assert unguarded(ContactForm, "contact form") == []
    form_class = Municipality.snippet_viewset.get_form_class(for_update=True)
    assert "team_contact" in form_class.base_fields
    assert issubclass(form_class, PrivacyGuardMixin)


def test_every_settings_form_is_guarded():
    missing = []
    for model in settings_registry:
        missing += unguarded(get_edit_handler(model).get_form_class(), f"setting {model.__name__}")
    assert_all_guarded(missing, "Settings forms")


def test_wagtails_document_image_and_user_forms_are_guarded():
    admin_forms = {
        "document (edit)": get_document_form(get_document_model()),
        "document (upload)": get_document_multi_form(get_document_model()),
        "image (edit)": get_image_form(get_image_model()),
        "image (upload)": get_image_multi_form(get_image_model()),
        "user (create)": admin_view_form("wagtailusers_users:add"),
        "user (edit)": admin_view_form("wagtailusers_users:edit", 1),
    }
    missing = []
    for name, form_class in admin_forms.items():
        assert free_text_fields(form_class), name  # each has text to guard
        missing += unguarded(form_class, name)
    assert_all_guarded(missing, "Wagtail admin forms")


def test_wagtails_search_promotion_forms_are_guarded():
    """Wagtail's views take their forms from its own module; search routes the add and edit
    URLs to views with guarded ones. Read from whatever view the URL reaches."""
    missing = []
    for view_name, args in (("add", []), ("edit", [1])):
        view_class = resolve(
            reverse(f"wagtailsearchpromotions:{view_name}", args=args)
        ).func.view_class
        view = view_class()
        view.setup(RequestFactory().get("/"))
        view.object = None
        admin_forms = {
            f"search promotion query ({view_name})": view_class.form_class,
            f"search promotion ({view_name})": view.searchpicks_formset.form,
        }
        for name, form_class in admin_forms.items():
            assert free_text_fields(form_class), name  # each has text to guard
            missing += unguarded(form_class, name)
    assert_all_guarded(missing, "Search promotion forms")


@pytest.mark.django_db
def test_moderation_comments_are_guarded_for_every_task_type_and_action():
    missing = []
    for task_type in get_task_types():
        task = task_type()
        for action in ("approve", "reject"):
            form_class = task.get_form_for_action(action)
            if form_class is not None:
                missing += unguarded(form_class, f"{task_type.__name__} {action}")
    assert_all_guarded(missing, "Moderation comment forms")
