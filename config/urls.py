"""The site's root URLs: each app's own URLs, Wagtail's admin and documents, allauth, and
Wagtail's page tree last. Apps are included by name, so this module imports none of them."""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("konto/", include("allauth.urls")),
    path("mina-sidor/", include("portal.accounts.urls")),
    path("kommuner/", include("network.urls")),
    path("workshop/", include("events.urls")),
    path("stod/", include("support.urls")),
    path("sok/", include("search.urls")),
    path("api/v2/", include("opendata.api.urls")),
    path("", include("opendata.urls")),
    path("", include("portal.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Images only: documents are served by /documents/<id>/<name>/, which checks who may
    # download them; their files under MEDIA_ROOT/documents/ are never served directly.
    for folder in ("images/", "original_images/"):
        urlpatterns += static(
            settings.MEDIA_URL + folder, document_root=settings.MEDIA_ROOT / folder
        )

# Everything else is a Wagtail page; this must come last.
urlpatterns += [path("", include(wagtail_urls))]
