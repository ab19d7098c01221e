"""The periodic fetch as a django-tasks task: cron (or any scheduler) enqueues it every few minutes.

django-tasks has no scheduler of its own; each run fetches only the sources whose check interval
has passed, so enqueueing it more often than the shortest interval costs a query and nothing more.
"""

from django_tasks import task

from .client import PoliteClient
from .fetch import due_sources, fetch_source
from .matching import WatchList


@task()
def fetch_due_media(*, timeout: float = 15.0, host_delay: float = 2.0) -> int:
    """Fetch every enabled source that is due; the number of new articles."""
    watch_list = WatchList.load()
    with PoliteClient(timeout=timeout, host_delay=host_delay) as client:
        return sum(
            len(fetch_source(source=source, client=client, watch_list=watch_list)) for source in due_sources()
        )
