from django.urls import path

from . import admin_views

app_name = "events_admin"

urlpatterns = [
    path("", admin_views.workshop_list, name="workshops"),
    path("<int:pk>/anmalningar/", admin_views.workshop_registrations, name="registrations"),
    path("<int:pk>/anmalningar.csv", admin_views.registrations_csv, name="registrations_csv"),
    path("utvardering/", admin_views.feedback_report, name="feedback"),
    path("intresse/", admin_views.interest_report, name="interest"),
]
