from django.urls import path
from django.views.generic import TemplateView

from portal import views

app_name = "portal"

urlpatterns = [
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
]
