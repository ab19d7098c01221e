"""The site's URLs plus one view that fails, to see the 500 page as a visitor would."""

from django.urls import path

from cms.urls import handler404, handler500  # noqa: F401
from cms.urls import urlpatterns as site_urlpatterns


def failing_view(request):
    raise RuntimeError("deliberate failure for the 500 page test")


urlpatterns = [path("fail/", failing_view), *site_urlpatterns]
