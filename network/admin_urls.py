from django.urls import path

from . import admin_views

app_name = "network_admin"

urlpatterns = [
    path("", admin_views.proposals, name="proposals"),
    path("skapa/", admin_views.create_from_proposal, name="create"),
    path("kontaktpersoner/", admin_views.coordinator_proposals, name="coordinator_proposals"),
    path(
        "kontaktpersoner/<int:pk>/godkann/", admin_views.proposal_approve, name="proposal_approve"
    ),
    path("kontaktpersoner/<int:pk>/avsla/", admin_views.proposal_decline, name="proposal_decline"),
]
