from django.urls import include, path

from . import urls_meetings, views

app_name = "council"

# One namespace for the deputies' and the meetings' pages: ``council:meeting_detail`` beside
# ``council:deputy_detail``. Django keeps one URLconf per instance namespace, so both prefixes live here.
deputy_patterns = [
    path("", views.deputy_list, name="deputy_list"),
    path("<slug:slug>/", views.deputy_detail, name="deputy_detail"),
]

urlpatterns = [
    path("deputaty/", include(deputy_patterns)),
    path("zasidannia/", include(urls_meetings)),
]
