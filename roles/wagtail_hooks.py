"""Admin wiring of the roles: no act is deleted while others rely on it."""

from django.template.response import TemplateResponse
from wagtail import hooks

from .integrity import dependents


@hooks.register("before_delete_page")
def refuse_to_delete_what_others_rely_on(request, page):
    """The delete view lists the pages relying on this one and refuses, on GET and POST alike."""
    found = dependents(page)
    if found:
        return TemplateResponse(request, "roles/delete_refused.html", {"page": page, "dependents": found})
    return None
