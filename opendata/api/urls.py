"""Mounted at /api/v2/ by config/urls.py. The namespace is the router's own: Wagtail's
router reverses its names as "opendata_api:<endpoint>:detail"."""

from .router import api_router

app_name = api_router.url_namespace
urlpatterns = api_router.get_urlpatterns()
