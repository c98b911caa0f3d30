"""Workshop themes, and members' interest in themes that have no workshop yet."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from portal.admin_forms import PrivacyGuardedModelForm


class Theme(index.Indexed, models.Model):
    base_form_class = PrivacyGuardedModelForm

    name = models.CharField(_("namn"), max_length=150, unique=True)
    slug = models.SlugField(_("kortnamn i adresser"), max_length=150, unique=True)
    description = models.TextField(_("beskrivning"), blank=True)
    support_area = models.ForeignKey(
        "portal.SupportAreaPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="themes",
        verbose_name=_("stödområde"),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("support_area"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("tema")
        verbose_name_plural = _("teman")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ThemeInterest(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="theme_interests"
    )
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="interests")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("intresseanmälan")
        verbose_name_plural = _("intresseanmälningar")
        constraints = [
            models.UniqueConstraint(fields=["user", "theme"], name="one_interest_per_theme")
        ]

    def __str__(self):
        return f"{self.user} – {self.theme}"
