from django.urls import path

from .views import discussion, municipalities, networks, workspace

app_name = "network"

urlpatterns = [
    path("", municipalities.municipality_list, name="municipality_list"),
    path("sok/", municipalities.municipality_search, name="municipality_search"),
    path("natverk/", networks.network_list, name="network_list"),
    path("natverk/<slug:slug>/", networks.network_detail, name="network_detail"),
    path("natverk/<slug:slug>/ga-med/", networks.network_join, name="network_join"),
    path("natverk/<slug:slug>/lamna/", networks.network_leave, name="network_leave"),
    path("natverk/<slug:slug>/ta-emot/<int:pk>/", networks.network_accept, name="network_accept"),
    path("natverk/<slug:slug>/sammanfattning/", networks.network_digest, name="network_digest"),
    path("natverk/<slug:slug>/ny-trad/", discussion.thread_new, name="thread_new"),
    path("natverk/<slug:slug>/trad/<int:pk>/", discussion.thread_detail, name="thread_detail"),
    path(
        "natverk/<slug:slug>/inlagg/<int:pk>/<str:action>/",
        discussion.post_action,
        name="post_action",
    ),
    path("natverk/<slug:slug>/dokument/ny/", workspace.document_new, name="document_new"),
    path("natverk/<slug:slug>/lank/ny/", workspace.link_new, name="link_new"),
    path(
        "natverk/<slug:slug>/lankar-och-dokument/<int:pk>/ta-bort/",
        workspace.item_remove,
        name="workspace_item_remove",
    ),
    path("<slug:slug>/", municipalities.municipality_detail, name="municipality_detail"),
    path("<slug:slug>/profil/", municipalities.profile_edit, name="profile_edit"),
]
