from django.urls import path

from . import admin_views

app_name = "portal_admin"

urlpatterns = [
    path("", admin_views.failed_emails, name="failed_emails"),
]
