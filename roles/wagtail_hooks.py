"""Admin wiring of the roles: no act is deleted while others rely on it, one at a time or in bulk; the
author of a page sent back reads why above its form; an editor who may not publish is told so when a
request asks to publish."""

from django.contrib import messages
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from .integrity import dependents
from .rejections import rejection


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


@hooks.register("before_edit_page")
def say_why_the_page_was_sent_back(request, page):
    """The page's editor opens with who sent it back, when, and the comment, as Wagtail shows a lock.

    Wagtail itself keeps them in the status panel's dialog, behind «Переглянути подробиці».
    """
    if request.method != "GET":
        return None
    found = rejection(page.current_workflow_state)
    if found is not None:
        html = render_to_string("roles/includes/rejection.html", {"rejection": found}, request=request)
        messages.warning(request, html)
    return None


def refuse_to_publish_without_the_right(request, page):
    """A request to publish from an editor who may not: Wagtail saves a draft and says only «оновлено».

    The editor's form offers no «Опублікувати» to the secretariat, but a form opened before a change of
    role, or a request made by hand, still asks for it; Wagtail then keeps the changes as a draft and
    reports success, as if the page were published. The changes stay saved (nothing typed is lost); the
    editor is told the page was not published and how it gets published.
    """
    if request.method != "POST" or not request.POST.get("action-publish"):
        return None
    if page.permissions_for_user(request.user).can_publish():
        return None
    messages.error(
        request,
        _(
            "The page was not published: you may not publish it. Your changes are saved as a draft; "
            "submit it for approval and a moderator will publish it."
        ),
    )
    return None


hooks.register("after_create_page", refuse_to_publish_without_the_right)
hooks.register("after_edit_page", refuse_to_publish_without_the_right)
