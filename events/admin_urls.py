from django.urls import path

from . import admin_views

app_name = "events_admin"

urlpatterns = [
    path("", admin_views.workshop_list, name="workshops"),
    path("<int:pk>/anmalningar/", admin_views.workshop_registrations, name="registrations"),
    path("<int:pk>/anmalningar.csv", admin_views.registrations_csv, name="registrations_csv"),
    path("<int:pk>/kopiera/", admin_views.copy_workshop, name="copy"),
    path(
        "<int:pk>/tillfalle/<int:occasion_pk>/meddelande/",
        admin_views.message_occasion,
        name="message",
    ),
    path("utvardering/", admin_views.feedback_report, name="feedback"),
    path("uppfoljning/", admin_views.follow_up_report, name="follow_up"),
    path("intresse/", admin_views.interest_report, name="interest"),
]
