from django.urls import path

from . import admin_views

app_name = "network_admin"

urlpatterns = [
    path("", admin_views.proposals, name="proposals"),
    path("skapa/", admin_views.create_from_proposal, name="create"),
]
