"""Background work of the registry."""

from django_tasks import task


@task()
def index_organizations(pks: list[int]) -> None:
    """Put the given organisations into every auto-updated search backend (a bulk import sends no signals)."""
    from .resources import update_search_index

    update_search_index(pks=pks)
