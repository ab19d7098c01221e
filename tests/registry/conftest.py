from pathlib import Path

import pytest
from django.contrib.auth.models import Group

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
