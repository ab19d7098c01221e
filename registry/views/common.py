"""What the registry's admin views share: the registry named in the URL and its list."""

from django.http import Http404
from django.urls import reverse

from ..kinds import OrganizationKind


def kind_from_url(value: str) -> OrganizationKind:
    """The registry the URL names («ngo», «party»); 404 for anything else."""
    try:
        return OrganizationKind(value)
    except ValueError:
        raise Http404 from None


def index_url(model) -> str:
    """The modeladmin list of ``model``."""
    return reverse(f"registry_{model._meta.model_name}_modeladmin_index")
