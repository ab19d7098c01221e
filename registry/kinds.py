"""The two kinds of organisation the registries hold, declared once with what other rooms need of them.

The admin lists, the import (which list a row lands in), the result messages, the export file
names and the reports read ``OrganizationKind`` and the data beside it; none spells a kind again.
"""

import dataclasses

from django.apps import apps
from django.db import models
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cms.text import slugify_uk


@dataclasses.dataclass(frozen=True)
class OrganizationKindData:
    """What the registry of one kind is made of.

    ``proxy`` names the proxy model that is this kind's list in the admin (its permissions too);
    ``list_label`` is that list's title («Громадські об'єднання»), also the export's sheet name and,
    transliterated, its file name. ``list_display``, ``list_filter`` and ``own_fields`` (the fields
    only this kind fills in) shape its admin list, filters (the export takes the same) and forms.
    """

    proxy: str
    list_label: Promise
    menu_icon: str
    list_display: tuple[str, ...]
    list_filter: tuple[str, ...]
    own_fields: tuple[str, ...]


class OrganizationKind(models.TextChoices):
    NGO = "ngo", _("Civil society organisation")
    PARTY = "party", _("Local party organisation")

    @property
    def data(self) -> OrganizationKindData:
        return KIND_DATA[self]

    @property
    def proxy_model(self):
        """The proxy model of this kind (``NGO``, ``PartyOrganization``): its admin list and permissions."""
        return apps.get_model("registry", self.data.proxy)

    @property
    def list_label(self) -> Promise:
        return self.data.list_label

    @property
    def file_slug(self) -> str:
        """The list's title in Ukrainian, transliterated: «hromadski-obiednannia»."""
        with translation.override("uk"):
            return slugify_uk(str(self.list_label))

    @classmethod
    def of_model(cls, model) -> "OrganizationKind | None":
        """The kind whose list ``model`` (a proxy) is; None for the concrete ``Organization``."""
        return next((kind for kind in cls if kind.data.proxy == model.__name__), None)


KIND_DATA: dict[OrganizationKind, OrganizationKindData] = {
    OrganizationKind.NGO: OrganizationKindData(
        proxy="NGO",
        list_label=_("Civil society organisations"),
        menu_icon="group",
        list_display=("name", "edrpou", "legal_form", "status", "registration_date"),
        list_filter=("legal_form", "status", "fields_of_activity"),
        own_fields=("legal_form",),
    ),
    OrganizationKind.PARTY: OrganizationKindData(
        proxy="PartyOrganization",
        list_label=_("Party organisations"),
        menu_icon="site",
        list_display=("name", "edrpou", "party", "faction", "seats", "status"),
        list_filter=("status", "party", "fields_of_activity"),
        own_fields=("party", "faction", "seats"),
    ),
}
