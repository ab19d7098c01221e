"""The meeting pages' addresses, included by ``council.urls`` under ``zasidannia/``."""

from django.urls import path

from . import meetings_views as views

urlpatterns = [
    path("", views.meeting_list, name="meeting_list"),
    path("calendar.ics", views.calendar_ics, name="meeting_calendar"),
    path("<int:pk>/", views.meeting_detail, name="meeting_detail"),
]
