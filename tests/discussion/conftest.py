import datetime

import pytest
from django.utils import timezone

from discussion.models import Comment, CommentStatus
from discussion.services import kyiv_today
from discussion.text import text_key
from pages.models import ActStatus, ActType
from tests import factories as f


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path_factory):
    """Commenters' files of a test go to a temporary private directory."""
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path_factory.mktemp("private"))
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def act_index(home_page):
    return f.ActIndexPageFactory(parent=home_page)


def make_draft(act_index, *, until, **fields):
    fields.setdefault("date", kyiv_today() - datetime.timedelta(days=30))
    return f.ActPageFactory(
        parent=act_index,
        act_type=ActType.DRAFT_DECISION,
        status=ActStatus.DRAFT,
        number="",
        adopted_on=None,
        discussion_until=until,
        **fields,
    )


@pytest.fixture
def open_draft(act_index):
    return make_draft(
        act_index, until=kyiv_today() + datetime.timedelta(days=14), title="Про правила благоустрою"
    )


@pytest.fixture
def closed_draft(act_index):
    return make_draft(
        act_index, until=kyiv_today() - datetime.timedelta(days=1), title="Про туристичний збір"
    )


def make_comment(draft, text="Пропоную додати велодоріжки.", *, status=CommentStatus.PENDING, **fields):
    values = {
        "author_name": "Олена Петренко",
        "email": "olena@example.org",
        "consent_given_at": timezone.now(),
        "status": status,
        **fields,
    }
    return Comment.objects.create(draft=draft, text=text, text_key=text_key(text), **values)


def comment_data(**overrides):
    data = {
        "author_name": "Олена Петренко",
        "email": "olena@example.org",
        "text": "Пропоную додати велодоріжки.",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data
