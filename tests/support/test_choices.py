"""The test-only helper that adds a kind still works with this Python and Django (see choices.py)."""

import pytest

from pages.models.kinds import ActType

from .choices import added_choice

NAME, VALUE, LABEL = "CITY_PROGRAMME", "city_programme", "Міська програма"


def test_added_member_is_a_member_in_every_way_django_and_enum_look():
    before = list(ActType)
    with added_choice(ActType, name=NAME, value=VALUE, label=LABEL) as member:
        assert list(ActType) == [*before, member]
        assert ActType(VALUE) is member and ActType[NAME] is member and ActType.CITY_PROGRAMME is member
        assert member == VALUE and str(member) == VALUE and member.label == LABEL
        assert VALUE in ActType and member in ActType
        assert ActType.choices[-1] == (VALUE, LABEL) and VALUE in ActType.values and LABEL in ActType.labels


def test_added_member_is_gone_after_the_block():
    before = ActType.choices
    with added_choice(ActType, name=NAME, value=VALUE, label=LABEL):
        pass
    assert ActType.choices == before and VALUE not in ActType and not hasattr(ActType, NAME)
    with pytest.raises(ValueError):
        ActType(VALUE)


def test_added_member_is_removed_when_the_block_raises():
    with pytest.raises(RuntimeError), added_choice(ActType, name=NAME, value=VALUE, label=LABEL):
        raise RuntimeError
    assert VALUE not in ActType.values


def test_an_existing_value_cannot_be_added_twice():
    with pytest.raises(ValueError), added_choice(ActType, name="TWICE", value="protocol", label="x"):
        pass
