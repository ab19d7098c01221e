"""Content for the admin crawl: one or more of every model, so that listings, edit forms and reports
have something to show, and users with Ukrainian names (a username is data the admin prints)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Workflow

from discussion.models import Comment
from discussion.text import text_key
from reports.models import MonthlyReportNotes
from search.models import SynonymGroup
from tests import factories as f
from tests.council import factories as cf
from tests.registry import factories as rf

KEEPERS_GROUP = "Реєстратори"


@pytest.fixture
def superuser(django_user_model, db):
    return django_user_model.objects.create_superuser(
        "адміністратор", "admin@example.org", "password", first_name="Олена", last_name="Коваленко"
    )


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def keeper_client(client, django_user_model, db):
    """A registry keeper: a member of the «Реєстратори» group, nothing else."""
    keeper = django_user_model.objects.create_user(
        "реєстратор", "keeper@example.org", "password", first_name="Петро", last_name="Мельник"
    )
    keeper.groups.add(Group.objects.get(name=KEEPERS_GROUP))
    client.force_login(keeper)
    return client


def build_pages(home, *, image, issuer):
    """Every page type under the home page, one act in moderation, one page locked, a comment on a draft."""
    news_index = f.NewsIndexPageFactory(parent=home)
    f.NewsPageFactory(parent=news_index, main_image=image)
    act_index = f.ActIndexPageFactory(parent=home)
    act = f.ActPageFactory(parent=act_index, issuer=issuer)
    draft = f.ActPageFactory(
        parent=act_index, issuer=issuer, number="", act_type="draft_decision", status="draft"
    )
    text = "Пропоную додати велодоріжки."
    Comment.objects.create(
        draft=draft,
        author_name="Олена Петренко",
        email="olena@example.org",
        text=text,
        text_key=text_key(text),
        consent_given_at=timezone.now(),
    )
    commission_index = f.CommissionIndexPageFactory(parent=home)
    commission = f.CommissionPageFactory(parent=commission_index)
    f.CommissionDocumentPageFactory(parent=commission)
    video_index = f.VideoIndexPageFactory(parent=home)
    f.VideoPageFactory(parent=video_index)
    standard = f.StandardPageFactory(parent=home)
    standard.locked = True
    standard.save()
    return act


@pytest.fixture
def admin_content(home_page, superuser):
    """One or more of every model the admin lists, with an act waiting for the moderators."""
    image = f.ImageFactory()
    f.DocumentFactory()
    issuer = f.IssuerFactory(name="Ніжинська міська рада", short_name="Міська рада")
    act = build_pages(home_page, image=image, issuer=issuer)
    act.save_revision(user=superuser)
    Workflow.objects.get(name="Затвердження модераторами").start(act, superuser)
    field = rf.FieldOfActivityFactory(name="Молодь")
    ngo = rf.OrganizationFactory()
    ngo.fields_of_activity.add(field)
    party = rf.PartyOrganizationFactory()
    rf.InteractionFactory(organizations=[ngo, party])
    SynonymGroup.objects.create(terms="виконком\nвиконавчий комітет")
    MonthlyReportNotes.objects.create(month=datetime.date(2026, 3, 1), bullets="Моніторинг ЗМІ: 12 згадок")
    Redirect.objects.create(old_path="/stara-adresa", redirect_page=act)
    # The council's meetings and votes: a session with an agenda item and a vote with a ballot.
    membership = cf.MembershipFactory(faction=party)
    item = cf.AgendaItemFactory(meeting=cf.MeetingFactory(convocation=membership.convocation), draft=act)
    cf.BallotFactory(vote=cf.VoteFactory(agenda_item=item), deputy=membership.deputy)
    return act
