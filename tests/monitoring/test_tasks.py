import pytest

from monitoring.models import Article, FetchStatus, Source
from monitoring.tasks import fetch_due_media

pytestmark = pytest.mark.django_db


def test_the_periodic_task_fetches_due_sources_and_counts_new_articles(media):
    Source.objects.create(name="Вісник", slug="visnyk", url=media.url("/rss.xml"))
    result = fetch_due_media.enqueue(timeout=0.5, host_delay=0)
    assert result.return_value == 2 and Article.objects.count() == 2
    assert Source.objects.get().last_status == FetchStatus.OK
    assert fetch_due_media.enqueue(timeout=0.5, host_delay=0).return_value == 0
