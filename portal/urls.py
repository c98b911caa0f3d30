from django.conf import settings
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import views

portal_patterns = (
    [
        path(
            "tillganglighet/",
            TemplateView.as_view(template_name="portal/accessibility_statement.html"),
            name="accessibility_statement",
        ),
        path("metoder/", views.method_list, name="method_list"),
        path("metoder/<slug:slug>/", views.method_detail, name="method_detail"),
        path("mina-sidor/goda-exempel/nytt/", views.submission_new, name="submission_new"),
        path(
            "mina-sidor/goda-exempel/<int:pk>/andra/",
            views.submission_edit,
            name="submission_edit",
        ),
    ],
    "portal",
)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("konto/", include("allauth.urls")),
    path("mina-sidor/", include("portal.accounts.urls")),
    path("kommuner/", include("network.urls")),
    path("workshop/", include("events.urls")),
    path("sok/", include("search.urls")),
    path("", include(portal_patterns)),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Everything else is a Wagtail page; this must come last.
urlpatterns += [path("", include(wagtail_urls))]
