"""Admin wiring of the roles: no act is deleted while others rely on it, one at a time or in bulk."""

from django.template.response import TemplateResponse
from wagtail import hooks
from wagtail.models import Page

from .integrity import dependents


@hooks.register("before_delete_page")
def refuse_to_delete_what_others_rely_on(request, page):
    """The delete view lists the pages relying on this one and refuses, on GET and POST alike."""
    found = dependents(page)
    if found:
        return TemplateResponse(request, "roles/delete_refused.html", {"page": page, "dependents": found})
    return None


@hooks.register("before_bulk_action")
def refuse_to_bulk_delete_what_others_rely_on(request, action_type, objects, action_class_instance):
    """The explorer's bulk delete (pages ticked in a listing) refuses as the delete view does.

    Wagtail's bulk delete runs no ``before_delete_page`` hook: without this, an act that a commission
    document concerns was deleted with the link silently dropped, and one that another act amends or a
    draft was adopted as failed with a server error (the relations' restricted foreign keys).
    """
    if action_type != "delete" or not issubclass(action_class_instance.model, Page):
        return None
    refused = [{"page": page, "dependents": found} for page in objects if (found := dependents(page))]
    if refused:
        return TemplateResponse(
            request,
            "roles/bulk_delete_refused.html",
            {"refused": refused, "next": action_class_instance.next_url},
        )
    return None
