import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from registry.validators import validate_edrpou


@pytest.mark.parametrize(
    "code",
    [
        "14360570",  # АТ КБ «ПриватБанк»
        "20077720",  # НАК «Нафтогаз України»
        "21560045",  # АТ «Укрпошта»
        "00135390",  # ПАТ «Укрнафта»: a code with leading zeros
    ],
)
def test_real_edrpou_codes_are_accepted(code):
    validate_edrpou(code)


@pytest.mark.parametrize("code", ["14360571", "20077729", "21560046", "00135391"])
def test_code_with_a_wrong_check_digit_is_rejected_in_ukrainian(code):
    with translation.override("uk"), pytest.raises(ValidationError) as error:
        validate_edrpou(code)
    assert error.value.code == "edrpou_checksum"
    assert error.value.messages == [
        f"Код ЄДРПОУ «{code}» має неправильне контрольне число: такого коду не може бути."
    ]


@pytest.mark.parametrize("code", ["1436057", "143605700", "1436057O", "", "14 360 570"])
def test_code_that_is_not_eight_digits_is_rejected_in_ukrainian(code):
    with translation.override("uk"), pytest.raises(ValidationError) as error:
        validate_edrpou(code)
    assert error.value.code == "edrpou_format"
    assert "має складатися рівно з 8 цифр" in error.value.messages[0]


def test_organization_full_clean_reports_the_bad_code_on_the_code_field(db):
    from tests.registry.factories import OrganizationFactory

    organization = OrganizationFactory.build(edrpou="14360571")
    with translation.override("uk"), pytest.raises(ValidationError) as error:
        organization.full_clean()
    assert "неправильне контрольне число" in error.value.message_dict["edrpou"][0]
