"""Thematic workshops as Wagtail pages."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import QueryDict
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from events.admin_forms import (
    NEEDS_CAPACITY,
    NEEDS_LINK,
    NEEDS_PLACE,
    NO_KIND_CHOSEN,
    WorkshopPageForm,
)
from events.blocks import MaterialsBlock
from organisations.models import KIND_PLURALS, Organisation
from portal.blocks import BaseStreamBlock
from portal.models import FilteredListingMixin, IndexPage


def default_open_to():
    return [Organisation.Kind.MUNICIPALITY.value]


def join_in_swedish(words):
    """'kommuner', 'kommuner och regioner', 'kommuner, regioner och länsstyrelser'."""
    words = [str(word) for word in words]
    if len(words) <= 1:
        return "".join(words)
    return _("%(first)s och %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


class WorkshopFormat(models.TextChoices):
    ON_SITE = "on_site", _("På plats")
    DIGITAL = "digital", _("Digitalt")
    HYBRID = "hybrid", _("Hybrid")


class MaterialsFor(models.TextChoices):
    PARTICIPANTS = "participants", _("Bara deltagare")
    EVERYONE = "everyone", _("Alla")


class WorkshopIndexPage(FilteredListingMixin, IndexPage):
    subpage_types = ["events.WorkshopPage"]
    listing_context_name = "workshops"

    class Meta:
        verbose_name = _("workshoppar (lista)")

    @staticmethod
    def showing_past(request):
        """Whether the listing shows past workshops (?visa=tidigare) rather than upcoming."""
        return request.GET.get("visa") == "tidigare"

    def get_filter_form_class(self):
        from events.forms import WorkshopFilterForm

        return WorkshopFilterForm

    def get_listing(self, request, filters):
        from events.services.listing import filter_workshops

        return filter_workshops(
            WorkshopPage.objects.child_of(self), past=self.showing_past(request), **filters
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        past = self.showing_past(request)
        context["showing_past"] = past
        # Not a filter, but kept when filters are set or cleared.
        context["listing_parameters"] = QueryDict("visa=tidigare" if past else "")
        return context


class WorkshopPage(Page):
    """A thematic workshop that members of the kinds of organisation it is open to (or of
    one network's members) can sign up for."""

    base_form_class = WorkshopPageForm

    theme = models.ForeignKey(
        "events.Theme", on_delete=models.PROTECT, related_name="workshops", verbose_name=_("tema")
    )
    support_area = models.ForeignKey(
        "portal.SupportAreaPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshops",
        verbose_name=_("stödområde"),
    )
    methods = ParentalManyToManyField(
        "portal.Method", blank=True, related_name="workshops", verbose_name=_("metoder")
    )
    summary = models.TextField(_("sammanfattning"), help_text=_("Visas i listor."))
    target_audience = models.CharField(
        _("för vem"), max_length=250, help_text=_("T.ex. ”Socialsekreterare och enhetschefer”.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("innehåll"), blank=True)
    format = models.CharField(_("genomförande"), max_length=10, choices=WorkshopFormat.choices)
    open_to = models.JSONField(
        _("öppen för"),
        default=default_open_to,
        help_text=_("Vilka slags organisationer som får anmäla sig."),
    )
    registration_opens = models.DateTimeField(_("anmälan öppnar"))
    registration_closes = models.DateTimeField(_("anmälan stänger"))
    open_format = models.BooleanField(
        _("öppet format"),
        default=False,
        help_text=_(
            "En webbsändning eller ett stort digitalt möte: inget tak för antalet deltagare, "
            "ingen väntelista och ingen gräns per organisation. Anmälan är frivillig och ger "
            "länken och påminnelser."
        ),
    )
    materials = StreamField(
        MaterialsBlock(),
        verbose_name=_("material och inspelning"),
        blank=True,
        help_text=_("Dokument, länkar och inspelningar efter workshoppen."),
    )
    materials_for = models.CharField(
        _("materialet visas för"),
        max_length=20,
        choices=MaterialsFor.choices,
        default=MaterialsFor.PARTICIPANTS,
        help_text=_(
            "Bara deltagare: de som hade en bekräftad plats (och redaktörer). Dokumenten går "
            "då inte heller att hämta för andra."
        ),
    )
    network = models.ForeignKey(
        "network.Network",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
        verbose_name=_("bara för nätverk"),
        help_text=_("Bara medlemmar i nätverkets organisationer kan anmäla sig."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("theme"), FieldPanel("support_area"), FieldPanel("methods")],
            heading=_("Tema"),
        ),
        FieldPanel("summary"),
        FieldPanel("target_audience"),
        FieldPanel("body"),
        FieldPanel("format"),
        FieldPanel("open_format"),
        MultiFieldPanel(
            [
                FieldPanel("open_to"),
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                ),
                FieldPanel("network"),
            ],
            heading=_("Anmälan"),
        ),
        InlinePanel(
            "occasions",
            label=_("Tillfälle"),
            heading=_("Tillfällen"),
            help_text=_(
                "Varje tillfälle har egna pass, platser, plats eller möteslänk och väntelista."
            ),
            min_num=1,
        ),
        MultiFieldPanel(
            [FieldPanel("materials"), FieldPanel("materials_for")],
            heading=_("Material efter workshoppen"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("target_audience"),
        index.SearchField("body"),
    ]

    parent_page_types = ["events.WorkshopIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshoppar")

    def clean(self):
        super().clean()
        errors = {}
        opens, closes = self.registration_opens, self.registration_closes
        if opens and closes and closes <= opens:
            errors["registration_closes"] = _("Anmälan måste stänga efter att den öppnar.")
        if not self.open_to or not set(self.open_to) <= set(Organisation.Kind.values):
            errors["open_to"] = NO_KIND_CHOSEN
        if errors:
            raise ValidationError(errors)
        # Each occasion's rules (a place or link as the format needs, seats not below
        # those taken) are checked by Occasion.clean, on its own form in the admin.

    def admits(self, organisation):
        """Whether members of this kind of organisation may sign up."""
        return organisation.kind in self.open_to

    @property
    def open_to_label(self):
        """'kommuner och regioner', in the order of Organisation.Kind."""
        return join_in_swedish(
            KIND_PLURALS[kind] for kind in Organisation.Kind if kind in (self.open_to or [])
        )

    @cached_property
    def occasion_times(self):
        """The occasions soonest first (sorted here, so prefetched occasions are used), with
        their sessions: one query for all of them, however many dates the workshop has."""
        occasions = self.occasions.all()
        prefetched = "occasions" in getattr(self, "_prefetched_objects_cache", {})
        if isinstance(occasions, models.QuerySet) and not prefetched:  # a preview's are in memory
            occasions = occasions.prefetch_related("sessions")
        return sorted(occasions, key=lambda o: (o.starts_at is None, o.starts_at, o.pk or 0))

    @property
    def session_times(self):
        return [session for occasion in self.occasion_times for session in occasion.session_times]

    @property
    def starts_at(self):
        starts = [o.starts_at for o in self.occasion_times if o.starts_at]
        return min(starts) if starts else None

    @property
    def ends_at(self):
        ends = [o.ends_at for o in self.occasion_times if o.ends_at]
        return max(ends) if ends else None

    def get_context(self, request, *args, **kwargs):
        from events.services.materials import shows_materials
        from events.services.registration import registration_outlook

        context = super().get_context(request, *args, **kwargs)
        context.update(vars(registration_outlook(self, request.user)))
        context["shows_materials"] = shows_materials(self, request.user)
        return context


class Occasion(Orderable, ClusterableModel):
    """One date of a workshop: its own sessions, seats, place or link, cap per
    organisation and waitlist. People sign up for an occasion."""

    workshop = ParentalKey(WorkshopPage, on_delete=models.CASCADE, related_name="occasions")
    place = models.CharField(_("plats"), max_length=200, blank=True)
    county = models.ForeignKey(
        "organisations.County",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshop_occasions",
        verbose_name=_("län"),
        help_text=_("Där tillfället hålls, om det är på plats eller hybrid."),
    )
    meeting_link = models.URLField(
        _("möteslänk"),
        blank=True,
        help_text=_("Visas bara för bekräftade deltagare."),
    )
    capacity = models.PositiveIntegerField(
        _("antal platser"),
        null=True,
        blank=True,
        help_text=_("Lämnas tomt när workshoppen har öppet format."),
    )
    per_organisation_cap = models.PositiveIntegerField(
        _("max platser per organisation"),
        null=True,
        blank=True,
        help_text=_("Gäller varje organisation, av alla slag. Lämna tomt för ingen gräns."),
    )

    panels = [
        InlinePanel("sessions", label=_("Pass"), heading=_("Pass"), min_num=1),
        FieldRowPanel([FieldPanel("place"), FieldPanel("county")]),
        FieldPanel("meeting_link"),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("per_organisation_cap")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("tillfälle")
        verbose_name_plural = _("tillfällen")

    def __str__(self):
        starts = self.starts_at
        when = date_format(timezone.localtime(starts), "j F Y") if starts else "–"
        return f"{self.workshop.title}, {when}" if self.workshop_id else when

    @cached_property
    def session_times(self):
        return sorted(self.sessions.all(), key=lambda session: session.starts_at)

    @property
    def starts_at(self):
        return self.session_times[0].starts_at if self.session_times else None

    @property
    def ends_at(self):
        return self.session_times[-1].ends_at if self.session_times else None

    def clean(self):
        super().clean()
        errors = {}
        workshop = getattr(self, "workshop", None)  # unset on a form not yet tied to a page
        workshop_format = workshop.format if workshop is not None else None
        if workshop_format in (WorkshopFormat.DIGITAL, WorkshopFormat.HYBRID) and not (
            self.meeting_link
        ):
            errors["meeting_link"] = NEEDS_LINK
        if workshop_format in (WorkshopFormat.ON_SITE, WorkshopFormat.HYBRID) and not self.place:
            errors["place"] = NEEDS_PLACE
        if workshop is not None and not workshop.open_format and self.capacity is None:
            errors["capacity"] = NEEDS_CAPACITY
        if self.pk and not (workshop is not None and workshop.open_format):
            errors.update(self._errors_against_confirmed_seats())
        if errors:
            raise ValidationError(errors)

    def _errors_against_confirmed_seats(self):
        from django.db.models import Count

        from .registrations import Registration

        holding = Registration.objects.filter(occasion_id=self.pk, status__in=Registration.HOLDING)
        errors = {}
        count = holding.count()
        if self.capacity is not None and self.capacity < count:
            errors["capacity"] = _(
                "%(count)s personer har redan bekräftade platser; antalet platser kan inte "
                "vara färre."
            ) % {"count": count}
        if self.per_organisation_cap:
            largest = holding.values("organisation").annotate(n=Count("id")).order_by("-n").first()
            if largest and largest["n"] > self.per_organisation_cap:
                errors["per_organisation_cap"] = _(
                    "En organisation har redan %(count)s bekräftade platser; gränsen kan inte "
                    "vara lägre."
                ) % {"count": largest["n"]}
        return errors


class WorkshopSession(Orderable):
    """One sitting of an occasion (an occasion may run over several days)."""

    occasion = ParentalKey(Occasion, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("börjar"))
    ends_at = models.DateTimeField(_("slutar"))

    panels = [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])]

    class Meta(Orderable.Meta):
        verbose_name = _("pass")
        verbose_name_plural = _("pass")

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Passet måste sluta efter att det börjar.")})
