"""The team's selection screens under /admin/stod-urval/ (namespace support_admin)."""

from django.urls import path

from . import admin_views

app_name = "support_admin"

urlpatterns = [
    path("", admin_views.rounds, name="rounds"),
    path("omgang/<int:pk>/", admin_views.round_selection, name="round"),
    path("omgang/<int:pk>/ansokningar.csv", admin_views.export_csv, name="export"),
    path("ansokan/<int:pk>/", admin_views.application_detail, name="application"),
    path("ansokan/<int:pk>/bedomning/", admin_views.assess, name="assess"),
    path("ansokan/<int:pk>/beslut/", admin_views.decide, name="decide"),
]
