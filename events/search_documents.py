"""What workshops make searchable (registered with search in wagtail_hooks.py). A
workshop's document names its theme, so renaming the theme re-indexes its workshops."""

from django.utils.translation import gettext_lazy as _

from search.registry import Document, PageKind, page_key, page_keys, page_url, stream_text, text

from .models import Theme, WorkshopPage


def workshop_document(page):
    starts = page.starts_at
    return Document(
        page_key(page),
        "workshop",
        page.title,
        text(
            page.summary,
            page.target_audience,
            page.theme.name,
            page.place,
            stream_text(page.body),
        ),
        page_url(page),
        support_areas=[page.support_area.slug] if page.support_area_id else [],
        county=page.county_id or "",
        year=starts.year if starts else None,
        date=starts or page.last_published_at,
    )


def search_documents():
    return [
        PageKind(
            "workshop",
            _("Workshop"),
            WorkshopPage,
            workshop_document,
            depends_on={Theme: lambda theme: page_keys(theme.workshops.all())},
        )
    ]
