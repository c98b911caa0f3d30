"""Factories for pages, snippets and StreamField content."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.rich_text import RichText

from events.models import Occasion, Theme, WorkshopIndexPage, WorkshopPage, WorkshopSession
from portal import blocks
from portal.models import (
    Challenge,
    CollaborationForm,
    EvidenceStatus,
    GoodExampleIndexPage,
    GoodExamplePage,
    GuidancePage,
    HomePage,
    InformationPage,
    Method,
    MethodKind,
    OtherSupportIndexPage,
    OtherSupportPage,
    SupportAreaIndexPage,
    SupportAreaPage,
    TargetGroup,
)


class MethodFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Metod {n}")
    slug = factory.Sequence(lambda n: f"metod-{n}")
    kind = MethodKind.INTERVENTION
    summary = "En metod som används i det brottsförebyggande arbetet."
    evidence_status = EvidenceStatus.RESEARCH

    class Meta:
        model = Method


class CollaborationFormFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Samverkansform {n}")
    slug = factory.Sequence(lambda n: f"samverkansform-{n}")

    class Meta:
        model = CollaborationForm


class TargetGroupFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Målgrupp {n}")
    slug = factory.Sequence(lambda n: f"malgrupp-{n}")

    class Meta:
        model = TargetGroup


class ChallengeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Utmaning {n}")
    slug = factory.Sequence(lambda n: f"utmaning-{n}")

    class Meta:
        model = Challenge


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    text = factory.Sequence(lambda n: f"Rubrik {n}")
    level = "h2"

    class Meta:
        model = blocks.HeadingBlock


class ParagraphBlockFactory(wagtail_factories.blocks.BlockFactory):
    class Meta:
        model = blocks.ParagraphBlock

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return RichText(kwargs.get("value", "<p>Ett stycke text om arbetet.</p>"))


class CalloutBlockFactory(wagtail_factories.StructBlockFactory):
    title = "Att tänka på"
    text = factory.LazyFunction(lambda: RichText("<p>Följ upp insatsen.</p>"))

    class Meta:
        model = blocks.CalloutBlock


class BodyBlockFactory(wagtail_factories.StreamBlockFactory):
    heading = factory.SubFactory(HeadingBlockFactory)
    paragraph = factory.SubFactory(ParagraphBlockFactory)
    callout = factory.SubFactory(CalloutBlockFactory)

    class Meta:
        model = blocks.BaseStreamBlock


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Kunskapsnätverket"
    slug = "start"
    intro = "Vägledning och goda exempel."

    class Meta:
        model = HomePage


class InformationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Information {n}")
    body = wagtail_factories.StreamFieldFactory(BodyBlockFactory)

    class Meta:
        model = InformationPage


class SupportAreaIndexPageFactory(wagtail_factories.PageFactory):
    title = "Stödområden"
    slug = "stodomraden"

    class Meta:
        model = SupportAreaIndexPage


class SupportAreaPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Stödområde {n}")
    summary = "Vad stödet inom området handlar om."
    support_formats = ["lecture", "workshop"]
    body = wagtail_factories.StreamFieldFactory(BodyBlockFactory)

    class Meta:
        model = SupportAreaPage


class GuidancePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Vägledning {n}")
    summary = "Kort om vägledningen."
    body = wagtail_factories.StreamFieldFactory(BodyBlockFactory)
    prevention_levels = ["selective"]
    last_reviewed = datetime.date(2025, 9, 1)

    class Meta:
        model = GuidancePage


class GoodExampleIndexPageFactory(wagtail_factories.PageFactory):
    title = "Goda exempel"
    slug = "goda-exempel"

    class Meta:
        model = GoodExampleIndexPage


class GoodExamplePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Gott exempel {n}")
    year = 2024
    summary = "Vad kommunen gjorde."
    problem = "<p>Problemet.</p>"
    what_was_done = "<p>Det här gjordes.</p>"
    results = "<p>Resultatet.</p>"
    lessons = "<p>Lärdomen.</p>"
    prevention_levels = ["selective"]

    class Meta:
        model = GoodExamplePage
        skip_postgeneration_save = True

    @factory.post_generation
    def support_areas(self, create, extracted, **kwargs):
        if extracted:
            self.support_areas.set(extracted)
            self.save()

    @factory.post_generation
    def methods(self, create, extracted, **kwargs):
        if extracted:
            self.methods.set(extracted)
            self.save()

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.tags.set(extracted)
            self.save()


class OtherSupportIndexPageFactory(wagtail_factories.PageFactory):
    title = "Annat nationellt stöd"
    slug = "annat-nationellt-stod"

    class Meta:
        model = OtherSupportIndexPage


class OtherSupportPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nationellt stöd {n}")
    actor_name = "Brottsförebyggande rådet (Brå)"
    actor_kind = "agency"
    summary = "Vad stödet är."
    audience = "Kommunernas socialtjänst."
    body = wagtail_factories.StreamFieldFactory(BodyBlockFactory)
    how_to_get = "Sök på myndighetens webbplats."
    source = "Ds 2025:19, avsnitt 6.5.1"
    link = "https://bra.se"

    class Meta:
        model = OtherSupportPage
        skip_postgeneration_save = True

    @factory.post_generation
    def support_areas(self, create, extracted, **kwargs):
        if extracted:
            self.support_areas.set(extracted)
            self.save()

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if extracted:
            self.target_groups.set(extracted)
            self.save()


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")

    class Meta:
        model = Theme


class WorkshopIndexPageFactory(wagtail_factories.PageFactory):
    title = "Workshoppar"
    slug = "workshoppar"

    class Meta:
        model = WorkshopIndexPage


OCCASION_DEFAULTS = {
    "capacity": 10,
    "per_organisation_cap": None,
    "place": "",
    "county": None,
    "meeting_link": "https://mote.example.se/hemligt-rum",
}


class WorkshopPageFactory(wagtail_factories.PageFactory):
    """A published workshop, open for registration, with one occasion starting in two
    weeks. The occasion's fields (capacity, per_organisation_cap, place, county,
    meeting_link) are given as for a page; `sessions` are its start times, and
    `occasions` a list of such lists for a workshop with several dates."""

    title = factory.Sequence(lambda n: f"Workshop {n}")
    theme = factory.SubFactory(ThemeFactory)
    summary = "En workshop om samverkan."
    target_audience = "Socialsekreterare"
    format = "digital"
    registration_opens = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    registration_closes = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))

    class Meta:
        model = WorkshopPage
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        occasion_fields = {
            name: kwargs.pop(name, default) for name, default in OCCASION_DEFAULTS.items()
        }
        page = super()._create(model_class, *args, **kwargs)
        page._occasion_fields = occasion_fields
        return page

    @factory.post_generation
    def occasions(self, create, extracted, **kwargs):
        self._occasion_starts = extracted

    @factory.post_generation
    def sessions(self, create, extracted, **kwargs):
        dates = self._occasion_starts or [
            extracted or [timezone.now() + datetime.timedelta(days=14)]
        ]
        for number, starts in enumerate(dates):
            occasion = Occasion.objects.create(
                workshop=self, sort_order=number, **self._occasion_fields
            )
            for start in starts:
                WorkshopSession.objects.create(
                    occasion=occasion, starts_at=start, ends_at=start + datetime.timedelta(hours=3)
                )
        self.save_revision().publish()  # publishing creates the seat counter
