"""The API's endpoints, mounted at /api/v2/ (opendata/urls.py)."""

from wagtail.api.v2.router import WagtailAPIRouter

from .views import (
    GoodExampleViewSet,
    GuidanceViewSet,
    MethodViewSet,
    SupportAreaViewSet,
    WorkshopViewSet,
)

api_router = WagtailAPIRouter("opendata_api")
for endpoint in (
    GuidanceViewSet,
    GoodExampleViewSet,
    MethodViewSet,
    WorkshopViewSet,
    SupportAreaViewSet,
):
    api_router.register_endpoint(endpoint.name, endpoint)
