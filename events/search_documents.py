"""What workshops make searchable (registered with search in wagtail_hooks.py). A
workshop's document holds what its page shows: its theme, support area, methods, format,
who it is open to and the network it is for, so renaming one of those re-indexes it."""

from django.utils.translation import gettext_lazy as _

from portal.models import Method, SupportAreaPage
from search.registry import Document, PageKind, page_key, page_keys, page_url, stream_text, text

from .models import Theme, WorkshopPage


def workshop_document(page):
    starts = page.starts_at
    area = page.support_area
    occasions = page.occasion_times
    counties = [o.county_id for o in occasions if o.county_id]
    return Document(
        page_key(page),
        "workshop",
        page.title,
        text(
            page.summary,
            page.theme.name,
            area.title if area and area.live else "",
            page.target_audience,
            page.get_format_display(),
            *(occasion.place for occasion in occasions),
            page.open_to_label,
            page.network.name if page.network_id else "",
            ", ".join(method.name for method in page.methods.all()),
            stream_text(page.body),
        ),
        page_url(page),
        support_areas=[page.support_area.slug] if page.support_area_id else [],
        county=counties[0] if counties else "",  # the first date's, for the facet
        year=starts.year if starts else None,
        date=starts or page.last_published_at,
    )


def search_documents():
    # Network lives in a sibling layer that events may not import; the field knows it.
    network_model = WorkshopPage._meta.get_field("network").related_model
    return [
        PageKind(
            "workshop",
            _("Workshop"),
            WorkshopPage,
            workshop_document,
            depends_on={
                Theme: lambda theme: page_keys(theme.workshops.all()),
                SupportAreaPage: lambda area: page_keys(area.workshops.all()),
                Method: lambda method: page_keys(method.workshops.all()),
                network_model: lambda network: page_keys(network.meetings.all()),
            },
            # A workshop is a dated occasion to learn what a guidance page says for
            # good: where both answer the same words, the guidance comes first.
            weight=0.8,
        )
    ]
