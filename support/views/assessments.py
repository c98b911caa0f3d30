"""assessments views."""

urlpatterns = []
