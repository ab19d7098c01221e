"""The periodic fetch as a django-tasks task: cron (or any scheduler) enqueues it every few minutes.

django-tasks has no scheduler of its own; each run fetches only the sources whose check interval
has passed, so enqueueing it more often than the shortest interval costs a query and nothing more.
"""

import logging

from django_tasks import task

from .client import PoliteClient
from .fetch import MAX_NEW_PER_SOURCE, FetchRun, due_sources, fetch_source
from .lease import Busy, fetch_lease
from .matching import WatchList

logger = logging.getLogger(__name__)


@task()
def fetch_due_media(
    *, timeout: float = 15.0, host_delay: float = 2.0, max_new: int = MAX_NEW_PER_SOURCE
) -> int:
    """Fetch every enabled source that is due; the number of new articles. Each article that could
    not be read is logged once, with the sources that announced it (the sources keep their errors);
    a source's new articles past ``max_new`` are left to the next runs. While another run (this task
    or ``fetch_media``) is going, nothing is fetched: that is logged, and 0 returned."""
    with PoliteClient(timeout=timeout, host_delay=host_delay) as client:
        try:
            with fetch_lease(client) as lease:
                watch_list, run = WatchList.load(), FetchRun(max_new=max_new, lease=lease)
                new = 0
                for source in due_sources():
                    if not run.keep_going():
                        break
                    new += len(fetch_source(source=source, client=client, watch_list=watch_list, run=run))
        except Busy as busy:
            logger.info("%s", busy)
            return 0
    for failure in run.report():
        logger.warning("%s", failure)
    return new
