"""The periodic fetch as a django-tasks task: cron (or any scheduler) enqueues it every few minutes.

django-tasks has no scheduler of its own; each run fetches only the sources whose check interval
has passed, so enqueueing it more often than the shortest interval costs a query and nothing more.
"""

import logging

from django_tasks import task

from .client import PoliteClient
from .fetch import MAX_NEW_PER_SOURCE, FetchRun, due_sources, fetch_source
from .matching import WatchList

logger = logging.getLogger(__name__)


@task()
def fetch_due_media(
    *, timeout: float = 15.0, host_delay: float = 2.0, max_new: int = MAX_NEW_PER_SOURCE
) -> int:
    """Fetch every enabled source that is due; the number of new articles. Each article that could
    not be read is logged once, with the sources that announced it (the sources keep their errors);
    a source's new articles past ``max_new`` are left to the next runs."""
    watch_list, run = WatchList.load(), FetchRun(max_new=max_new)
    with PoliteClient(timeout=timeout, host_delay=host_delay) as client:
        new = sum(
            len(fetch_source(source=source, client=client, watch_list=watch_list, run=run))
            for source in due_sources()
        )
    for failure in run.report():
        logger.warning("%s", failure)
    return new
