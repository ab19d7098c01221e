"""A URL configuration with a meeting page, as the meetings' views will add, for ``council.act_sections``."""

from django.http import HttpResponse
from django.urls import include, path


def meeting_detail(request, pk):
    return HttpResponse(str(pk))


council = ([path("<int:pk>/", meeting_detail, name="meeting_detail")], "council")
urlpatterns = [path("zasidannia/", include(council))]
