import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from roles.definitions import ADMINISTRATORS, MODERATORS, PRESS_OFFICE, REGISTRY_KEEPERS, SECRETARIAT
from tests import factories as f


@pytest.fixture
def sections(home_page):
    """The site's sections, then ``sync_roles`` as the operator runs it after creating them."""
    news_index = f.NewsIndexPageFactory(parent=home_page)
    act_index = f.ActIndexPageFactory(parent=home_page)
    commission_index = f.CommissionIndexPageFactory(parent=home_page)
    commission = f.CommissionPageFactory(parent=commission_index)
    video_index = f.VideoIndexPageFactory(parent=home_page)
    about = f.StandardPageFactory(parent=home_page, title="Про раду", slug="pro-radu")
    call_command("sync_roles", verbosity=0)
    return {
        "news": news_index,
        "acts": act_index,
        "commissions": commission_index,
        "commission": commission,
        "videos": video_index,
        "about": about,
    }


@pytest.fixture
def act(sections):
    return f.ActPageFactory(parent=sections["acts"], title="Про бюджет", number="1-49/2018")


@pytest.fixture
def news(sections):
    return f.NewsPageFactory(parent=sections["news"], title="Сесія ради")


def member(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(
        username=username, password="password", email=f"{username}@example.org", first_name=username
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def press_officer(db, django_user_model):
    return member(django_user_model, PRESS_OFFICE, "press")


@pytest.fixture
def secretary(db, django_user_model):
    return member(django_user_model, SECRETARIAT, "secretary")


@pytest.fixture
def moderator(db, django_user_model):
    return member(django_user_model, MODERATORS, "moderator")


@pytest.fixture
def keeper(db, django_user_model):
    return member(django_user_model, REGISTRY_KEEPERS, "keeper")


@pytest.fixture
def administrator(db, django_user_model):
    return member(django_user_model, ADMINISTRATORS, "administrator")


@pytest.fixture
def login(client):
    """``login(user)``: the test client, logged in as ``user``."""

    def log_in(user):
        client.force_login(user)
        return client

    return log_in
