from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap as PagesSitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from council.api import DeputiesAPIViewSet, MeetingsAPIViewSet
from council.sitemaps import SITEMAPS as COUNCIL_SITEMAPS
from reports.sitemaps import SITEMAPS as OPENDATA_SITEMAPS
from search.api import api_router

from . import views

# The council's read-only endpoints beside the pages: registered here, as search may not import the council.
api_router.register_endpoint("deputies", DeputiesAPIViewSet)
api_router.register_endpoint("meetings", MeetingsAPIViewSet)

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The tree's pages (Wagtail's), then the council's and the open data page, which are views of their own.
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": PagesSitemap, **COUNCIL_SITEMAPS, **OPENDATA_SITEMAPS}},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("karta-saitu/", views.sitemap_page, name="sitemap_page"),
    path("opendata/", include("reports.urls")),
    path("search/", include("search.urls")),
    path("discussion/", include("discussion.urls")),
    path("", include("council.urls")),  # /deputaty/ and /zasidannia/
    path("api/v2/", api_router.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
    # Under DEBUG Django answers an unknown address with its own debug page; ours is here.
    urlpatterns += [path("404/", views.not_found_preview)]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
