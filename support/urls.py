"""The support app's URLs under /stod/: self-assessment, applications, anchoring.

The offer itself is a Wagtail page (SupportOfferPage) at /stod/; these paths are more
specific, so they are matched before Wagtail's page tree."""

from django.urls import include, path

app_name = "support"

urlpatterns = [
    path("nulagesanalys/", include("support.views.assessments")),
    path("ansokan/", include("support.views.applications")),
    path("fragor/", include("support.views.questions")),
    path("insatser/", include("support.views.engagements")),
    path("uppfoljning/", include("support.views.follow_up")),
]
