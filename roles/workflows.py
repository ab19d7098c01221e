"""The approval workflow of what carries legal weight: acts and commission documents.

A secretary saves an act and submits it; a moderator approves (and it is published) or rejects it with
a comment. Wagtail notifies the moderators when a page is submitted and the author when it is approved or
rejected, in the admin and by e-mail. News and videos have no publish permission withheld: the press
office publishes them directly.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from .definitions import APPROVAL_SECTIONS, MODERATORS, TASK_NAME, WORKFLOW_NAME
from .models import ModeratorApprovalTask


def approval_workflow():
    """The workflow «Затвердження юридичних документів» with its one task, created if missing."""
    moderators = Group.objects.get(name=MODERATORS)
    task = ModeratorApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = ModeratorApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(moderators)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


@transaction.atomic
def sync_workflows(*, section_pages):
    """Set the approval workflow on every page of the acts and commissions sections; return them."""
    workflow = approval_workflow()
    pages = [page for section in APPROVAL_SECTIONS for page in section_pages(section)]
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return pages
