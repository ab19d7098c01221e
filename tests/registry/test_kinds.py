from django.utils import translation

from registry.kinds import OrganizationKind
from registry.models import NGO, Organization, PartyOrganization


def test_every_kind_has_its_list_in_the_admin():
    assert {kind: kind.proxy_model for kind in OrganizationKind} == {
        OrganizationKind.NGO: NGO,
        OrganizationKind.PARTY: PartyOrganization,
    }


def test_a_proxy_model_names_its_kind_and_the_concrete_model_none():
    assert OrganizationKind.of_model(PartyOrganization) == OrganizationKind.PARTY
    assert OrganizationKind.of_model(Organization) is None


def test_list_labels_are_ukrainian_and_transliterate_to_file_names():
    with translation.override("uk"):
        assert [str(kind.list_label) for kind in OrganizationKind] == [
            "Громадські об'єднання",
            "Партійні організації",
        ]
    assert [kind.file_slug for kind in OrganizationKind] == ["hromadski-obiednannia", "partiini-orhanizatsii"]


def test_the_lists_filter_only_by_fields_of_the_model():
    for kind in OrganizationKind:
        for name in kind.data.list_filter + kind.data.list_display + kind.data.own_fields:
            Organization._meta.get_field(name)
