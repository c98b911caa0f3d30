"""What the search index holds: one document per public page, method, municipality and
network, built from the current database state. Never drafts, private pages or
members-only text (network discussions are not indexed at all)."""

from dataclasses import dataclass, field
from datetime import datetime, time

from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page

KIND_LABELS = {
    "support_area": "Stödområde",
    "guidance": "Vägledning",
    "example": "Gott exempel",
    "workshop": "Workshop",
    "page": "Sida",
    "method": "Metod",
    "municipality": "Kommun",
    "network": "Nätverk",
}


@dataclass
class Document:
    key: str
    kind: str
    title: str
    body: str
    url: str
    support_areas: list = field(default_factory=list)
    prevention_levels: list = field(default_factory=list)
    county: str = ""
    year: int | None = None
    date: datetime | None = None


def _text(*parts):
    return "\n".join(strip_tags(str(part)) for part in parts if part)


def _stream_text(stream):
    return _text(*stream.stream_block.get_searchable_content(stream)) if stream else ""


def _page_document(page):
    from events.models import WorkshopPage
    from portal.models import (
        GoodExamplePage,
        GuidancePage,
        InformationPage,
        SupportAreaPage,
    )

    url = page.get_url() or page.url_path
    date = page.last_published_at
    if isinstance(page, GuidancePage):
        area = page.get_parent().specific
        return Document(
            f"page:{page.pk}",
            "guidance",
            page.title,
            _text(
                page.summary,
                _stream_text(page.body),
                " ".join(t.name for t in page.tags.all()),
                " ".join(m.name for m in page.methods.all()),
                " ".join(f.label for f in page.collaboration_forms.all()),
                " ".join(g.name for g in page.target_groups.all()),
            ),
            url,
            support_areas=[area.slug],
            prevention_levels=list(page.prevention_levels or []),
            year=page.last_reviewed.year,
            date=timezone.make_aware(datetime.combine(page.last_reviewed, time(12))),
        )
    if isinstance(page, GoodExamplePage):
        municipality = page.municipality
        return Document(
            f"page:{page.pk}",
            "example",
            page.title,
            _text(
                page.summary,
                page.municipality_label,
                page.problem,
                page.what_was_done,
                page.partners_description,
                page.results,
                page.lessons,
                " ".join(t.name for t in page.tags.all()),
                " ".join(m.name for m in page.methods.all()),
                " ".join(f.label for f in page.collaboration_forms.all()),
            ),
            url,
            support_areas=[a.slug for a in page.support_areas.all()],
            prevention_levels=list(page.prevention_levels or []),
            county=municipality.county_id if municipality else "",
            year=page.year,
            date=date,
        )
    if isinstance(page, SupportAreaPage):
        return Document(
            f"page:{page.pk}",
            "support_area",
            page.title,
            _text(page.summary, _stream_text(page.body)),
            url,
            support_areas=[page.slug],
            date=date,
        )
    if isinstance(page, WorkshopPage):
        starts = page.starts_at
        return Document(
            f"page:{page.pk}",
            "workshop",
            page.title,
            _text(
                page.summary,
                page.target_audience,
                page.theme.name,
                page.place,
                _stream_text(page.body),
            ),
            url,
            support_areas=[page.support_area.slug] if page.support_area_id else [],
            county=page.county_id or "",
            year=starts.year if starts else None,
            date=starts or date,
        )
    if isinstance(page, InformationPage):
        return Document(
            f"page:{page.pk}",
            "page",
            page.title,
            _text(page.intro, _stream_text(page.body)),
            url,
            date=date,
        )
    return None


def document_for(key):
    """The document for a key as the database has it now, or None if it must not be found."""
    kind, _, identifier = key.partition(":")
    if kind == "page":
        page = Page.objects.live().public().filter(pk=identifier).first()
        return _page_document(page.specific) if page else None
    if kind == "method":
        from portal.models import Method

        method = Method.objects.filter(pk=identifier).first()
        if method is None:
            return None
        return Document(
            key,
            "method",
            method.name,
            _text(
                method.abbreviation,
                method.summary,
                method.body,
                method.training_and_licences,
                method.get_kind_display(),
                method.get_evidence_status_display(),
            ),
            method.get_absolute_url(),
        )
    if kind == "municipality":
        from organisations.models import Municipality

        municipality = (
            Municipality.objects.select_related("county", "profile").filter(pk=identifier).first()
        )
        if municipality is None:
            return None
        profile = getattr(municipality, "profile", None)
        parts = [municipality.county.name, municipality.group_name]
        if profile is not None:
            parts += [profile.ongoing_work, " ".join(c.name for c in profile.challenges.all())]
            parts += [m.name for m in profile.methods_in_use.all()]
            parts += [m.name for m in profile.methods_planned.all()]
        return Document(
            key,
            "municipality",
            municipality.name,
            _text(*parts),
            municipality.get_absolute_url(),
            county=municipality.county_id,
        )
    if kind == "network":
        from network.models import Network

        network = Network.objects.select_related("challenge").filter(pk=identifier).first()
        if network is None:
            return None
        return Document(
            key,
            "network",
            network.name,
            _text(
                network.purpose,
                network.description,
                network.challenge.name if network.challenge_id else "",
            ),
            network.get_absolute_url(),
            date=network.created_at,
        )
    return None


def all_keys():
    """Every key that may have a document: what a rebuild indexes."""
    from events.models import WorkshopPage
    from network.models import Network
    from organisations.models import Municipality
    from portal.models import (
        GoodExamplePage,
        GuidancePage,
        InformationPage,
        Method,
        SupportAreaPage,
    )

    for model in (SupportAreaPage, GuidancePage, GoodExamplePage, WorkshopPage, InformationPage):
        for pk in model.objects.live().public().values_list("pk", flat=True):
            yield f"page:{pk}"
    for pk in Method.objects.values_list("pk", flat=True):
        yield f"method:{pk}"
    for code in Municipality.objects.values_list("pk", flat=True):
        yield f"municipality:{code}"
    for pk in Network.objects.values_list("pk", flat=True):
        yield f"network:{pk}"
