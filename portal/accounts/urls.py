from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.my_pages, name="my_pages"),
    path("organisation/", views.membership_request, name="membership_request"),
    path("organisation/lamna/", views.membership_leave, name="membership_leave"),
    path("medlemskap/<int:pk>/", views.membership_decide, name="membership_decide"),
    path("beslut/<str:token>/", views.membership_decision, name="membership_decision"),
    path("mina-uppgifter.json", views.personal_data_export, name="personal_data_export"),
    path("radera-konto/", views.account_delete, name="account_delete"),
]
