"""Background work of the registry."""

from django_tasks import task

from cms.bulk import index_in_bulk

from .models import Organization

INDEX_CHUNK = 500


def update_search_index(*, pks):
    """Index the given organisations in every auto-updated search backend (bulk writes bypass the signals)."""
    index_in_bulk(Organization, sorted(pks), chunk_size=INDEX_CHUNK)


@task()
def index_organizations(pks: list[int]) -> None:
    """Put the given organisations into every auto-updated search backend (a bulk import sends no signals)."""
    update_search_index(pks=pks)
