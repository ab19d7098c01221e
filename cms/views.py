from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.defaults import page_not_found as django_page_not_found
from wagtail.models import Site

#: A section with more children than this (the register of acts, the news) is shown by its own link only.
SITEMAP_MAX_CHILDREN = 40


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception):
    return django_page_not_found(request, exception, template_name="404.html")


def server_error(request):
    """Render the 500 page without a request context: the error may come from the database."""
    return HttpResponseServerError(loader.get_template("500.html").render())


def _sitemap_entries(parent, *, depth):
    """The live public children of ``parent``, each with its own children down to ``depth`` levels."""
    entries = []
    for child in parent.get_children().live().public().order_by("path"):
        children = []
        count = child.get_children().live().public().count() if depth > 1 else 0
        if 0 < count <= SITEMAP_MAX_CHILDREN:
            children = _sitemap_entries(child, depth=depth - 1)
        entries.append({"page": child, "children": children, "count": count})
    return entries


@require_GET
def sitemap_page(request):
    """The site map for people (/karta-saitu/); /sitemap.xml stays for search engines."""
    site = Site.find_for_request(request)
    root = site.root_page if site else None
    entries = _sitemap_entries(root, depth=3) if root else []
    return render(request, "cms/sitemap_page.html", {"root": root, "entries": entries})


def not_found_preview(request):
    """The Ukrainian 404 page as visitors see it, at /404/ under DEBUG (where Django shows its own)."""
    return page_not_found(request, None)
