"""Wagtail's search promotion admin with the privacy guard.

Wagtail has no setting for these forms: its add and edit views take `forms.QueryForm`
and `forms.SearchPromotionsFormSet`. search.wagtail_hooks routes the same URLs to the
subclasses below first, so the names Wagtail reverses ("wagtailsearchpromotions:add",
":edit") reach them. The guard is the mixin the project names in SEARCH_ADMIN_FORM_GUARD
(search imports no app).
"""

from django.conf import settings
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from wagtail.contrib.search_promotions import forms
from wagtail.contrib.search_promotions import views as wagtail_views


def guarded(form_class):
    """form_class with the project's privacy guard in front of it (as is, without one)."""
    name = getattr(settings, "SEARCH_ADMIN_FORM_GUARD", None)
    if not name:
        return form_class
    mixin = import_string(name)
    return type(form_class)(
        f"PrivacyGuarded{form_class.__name__}",
        (mixin, form_class),
        {"__module__": __name__, "__qualname__": f"PrivacyGuarded{form_class.__name__}"},
    )


QueryForm = guarded(forms.QueryForm)
SearchPromotionForm = guarded(forms.SearchPromotionForm)


class SearchPromotionsFormSet(forms.SearchPromotionsFormSet):
    form = SearchPromotionForm


class GuardedFormsMixin:
    form_class = QueryForm
    searchpicks_formset_class = SearchPromotionsFormSet

    @cached_property
    def searchpicks_formset(self):
        data = self.request.POST if self.request.method == "POST" else None
        return self.searchpicks_formset_class(data, instance=self.object)


class CreateView(GuardedFormsMixin, wagtail_views.CreateView):
    def get_initial(self):
        # The query report links here with the query that found nothing (?q=...).
        initial = super().get_initial()
        if self.request.GET.get("q"):
            initial["query_string"] = self.request.GET["q"]
        return initial


class EditView(GuardedFormsMixin, wagtail_views.EditView):
    pass
