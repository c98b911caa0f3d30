from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("", views.municipality_list, name="municipality_list"),
    path("sok/", views.municipality_search, name="municipality_search"),
    path("natverk/", views.network_list, name="network_list"),
    path("natverk/<slug:slug>/", views.network_detail, name="network_detail"),
    path("natverk/<slug:slug>/ga-med/", views.network_join, name="network_join"),
    path("natverk/<slug:slug>/lamna/", views.network_leave, name="network_leave"),
    path("natverk/<slug:slug>/ta-emot/<int:pk>/", views.network_accept, name="network_accept"),
    path("natverk/<slug:slug>/sammanfattning/", views.network_digest, name="network_digest"),
    path("natverk/<slug:slug>/ny-trad/", views.thread_new, name="thread_new"),
    path("natverk/<slug:slug>/trad/<int:pk>/", views.thread_detail, name="thread_detail"),
    path(
        "natverk/<slug:slug>/inlagg/<int:pk>/<str:action>/",
        views.post_action,
        name="post_action",
    ),
    path("<slug:slug>/", views.municipality_detail, name="municipality_detail"),
    path("<slug:slug>/profil/", views.profile_edit, name="profile_edit"),
]
