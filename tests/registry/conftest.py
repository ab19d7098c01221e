import datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from registry.models import InteractionKind, RegistrationStatus

from .factories import (
    FieldOfActivityFactory,
    InteractionFactory,
    OrganizationFactory,
    PartyOrganizationFactory,
)

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixture_bytes():
    return lambda name: (FIXTURES / name).read_bytes()


@pytest.fixture
def keeper(db, django_user_model):
    """A registry keeper: a member of the «Реєстратори» group the migration creates."""
    user = django_user_model.objects.create_user(username="keeper", password="pass-keeper")
    user.groups.add(Group.objects.get(name="Реєстратори"))
    return user


@pytest.fixture
def news_editor(db, django_user_model):
    """A news editor: Wagtail's «Редактори» group (renamed by cms 0002), without registry permissions."""
    user = django_user_model.objects.create_user(username="editor", password="pass-editor")
    user.groups.add(Group.objects.get(name="Редактори"))
    return user


@pytest.fixture
def keeper_client(client, keeper):
    client.force_login(keeper)
    return client


@pytest.fixture
def editor_client(client, news_editor):
    client.force_login(news_editor)
    return client


@pytest.fixture
def registry_data(db):
    """Organisations of both kinds, fields of activity, seats and interactions in March and April 2026."""
    youth, culture = FieldOfActivityFactory(name="Молодь"), FieldOfActivityFactory(name="Культура")
    active = OrganizationFactory(name="ГО «Активна»")
    active.fields_of_activity.set([youth, culture])
    OrganizationFactory(name="ГО «Молода»").fields_of_activity.set([youth])
    OrganizationFactory(name="ГО «Закрита»", status=RegistrationStatus.TERMINATED).fields_of_activity.set(
        [youth]
    )
    big = PartyOrganizationFactory(name="МО «Більша»", party="Партія А", faction="Фракція А", seats=12)
    PartyOrganizationFactory(name="МО «Менша»", party="Партія Б", seats=4)
    PartyOrganizationFactory(name="МО «Без місць»", seats=None)
    InteractionFactory(date=datetime.date(2026, 3, 2), topic="Бюджет участі", organizations=[active, big])
    InteractionFactory(date=datetime.date(2026, 3, 31), kind=InteractionKind.PUBLIC_HEARING, topic="Генплан")
    InteractionFactory(date=datetime.date(2026, 4, 1), topic="Квітнева зустріч")
