from django.urls import path

from .views import (
    contact,
    discussion,
    meetings,
    municipalities,
    networks,
    posts,
    proposals,
    workspace,
)

app_name = "network"

urlpatterns = [
    path("", municipalities.municipality_list, name="municipality_list"),
    path("sok/", municipalities.municipality_search, name="municipality_search"),
    path("natverk/", networks.network_list, name="network_list"),
    # Before the network's own addresses, which would take "foresla" for a network's slug.
    path("natverk/foresla/", proposals.proposal_new, name="proposal_new"),
    path("natverk/<slug:slug>/", networks.network_detail, name="network_detail"),
    path("natverk/<slug:slug>/ga-med/", networks.network_join, name="network_join"),
    path("natverk/<slug:slug>/lamna/", networks.network_leave, name="network_leave"),
    path("natverk/<slug:slug>/ta-emot/<int:pk>/", networks.network_accept, name="network_accept"),
    path("natverk/<slug:slug>/epost/", posts.network_email, name="network_email"),
    path("natverk/<slug:slug>/ny-trad/", discussion.thread_new, name="thread_new"),
    path("natverk/<slug:slug>/trad/<int:pk>/", discussion.thread_detail, name="thread_detail"),
    path("natverk/<slug:slug>/trad/<int:pk>/fast/", posts.thread_pin, name="thread_pin"),
    # Before the report/hide route, which takes any word after the post.
    path("natverk/<slug:slug>/inlagg/<int:pk>/andra/", posts.post_edit, name="post_edit"),
    path("natverk/<slug:slug>/inlagg/<int:pk>/ta-bort/", posts.post_delete, name="post_delete"),
    path(
        "natverk/<slug:slug>/inlagg/<int:pk>/<str:action>/",
        discussion.post_action,
        name="post_action",
    ),
    path("natverk/<slug:slug>/moten/", meetings.meeting_list, name="meeting_list"),
    path("natverk/<slug:slug>/moten/nytt/", meetings.meeting_new, name="meeting_new"),
    path("natverk/<slug:slug>/moten/<int:pk>/andra/", meetings.meeting_edit, name="meeting_edit"),
    path(
        "natverk/<slug:slug>/moten/<int:pk>/stall-in/",
        meetings.meeting_cancel,
        name="meeting_cancel",
    ),
    path(
        "natverk/<slug:slug>/moten/<int:pk>/anteckningar/",
        meetings.meeting_minutes,
        name="meeting_minutes",
    ),
    path("natverk/<slug:slug>/moten/<int:pk>/mote.ics", meetings.meeting_ics, name="meeting_ics"),
    path("natverk/<slug:slug>/dokument/ny/", workspace.document_new, name="document_new"),
    path("natverk/<slug:slug>/lank/ny/", workspace.link_new, name="link_new"),
    path(
        "natverk/<slug:slug>/lankar-och-dokument/<int:pk>/ta-bort/",
        workspace.item_remove,
        name="workspace_item_remove",
    ),
    path("<slug:slug>/", municipalities.municipality_detail, name="municipality_detail"),
    path("<slug:slug>/profil/", municipalities.profile_edit, name="profile_edit"),
    path("<slug:slug>/kontakta/", contact.contact, name="contact"),
]
