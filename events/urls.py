from django.urls import path

from . import open_data_views, views

app_name = "events"

urlpatterns = [
    path("teman/", views.themes, name="themes"),
    path("teman/<slug:slug>/intresse/", views.theme_interest, name="theme_interest"),
    path("<int:pk>/anmal/", views.register, name="register"),
    path("<int:pk>/avboka/", views.cancel, name="cancel"),
    path("<int:pk>/byt-tillfalle/", views.move, name="move"),
    path("erbjudande/<str:token>/", views.offer, name="offer"),
    path("<int:pk>/anmal-kollegor/", views.register_team, name="register_team"),
    path("kalender/ny-adress/", views.new_calendar_address, name="new_calendar_address"),
    path("kalender/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("utvardering/<str:token>/", views.feedback, name="feedback"),
    path("uppfoljning/<str:token>/", views.follow_up, name="follow_up"),
    path("oppna-data/<str:level>.<str:fmt>", open_data_views.export, name="open_data"),
]
