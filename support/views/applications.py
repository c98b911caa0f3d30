"""applications views."""

urlpatterns = []
