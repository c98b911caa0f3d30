"""The feeds under /floden/, /sitemap.xml and /robots.txt (the API: opendata/api/urls.py)."""

from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
for format in ("rss", "atom"):
    urlpatterns += [
        path(f"floden/<slug:kind>/{format}/", views.feed, {"format": format}, name=f"{format}"),
        path(
            f"floden/<slug:kind>/<slug:support_area_slug>/{format}/",
            views.feed,
            {"format": format},
            name=f"support_area_{format}",
        ),
    ]
