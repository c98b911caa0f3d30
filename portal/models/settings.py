from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="cog")
class PortalSettings(BaseGenericSetting):
    show_demo_notice = models.BooleanField(
        _("visa att innehållet är demoinnehåll"),
        default=False,
        help_text=_("Slås på av kommandot load_demo. Stäng av när riktigt innehåll publiceras."),
    )
    contact_email = models.EmailField(_("kontaktadress"), blank=True)

    panels = [FieldPanel("show_demo_notice"), FieldPanel("contact_email")]

    class Meta:
        verbose_name = _("portalens inställningar")
