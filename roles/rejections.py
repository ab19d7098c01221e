"""A page the moderators sent back: which task state did it, so that the author reads by whom, when and why.

Wagtail keeps the moderator's comment on the rejected task state and shows it only in a dialog of the page's
editor and in its workflow history; the dashboard said «Вимагаються зміни» with the date the task *started*
(the submission). The dashboard panel and the page's editor read the rejection from here.
"""

from wagtail.models import TaskState, WorkflowState


def rejection(workflow_state):
    """The task state that sent ``workflow_state`` back for changes, or None if it is not waiting for them."""
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = workflow_state.current_task_state
    if task_state is None or task_state.status != TaskState.STATUS_REJECTED:
        return None
    return task_state
