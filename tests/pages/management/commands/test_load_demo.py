"""The demo loader builds a site of every content type and is safe to run again."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from pypdf import PdfReader
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from cms.models import CouncilDocument, SiteSettings
from pages import models as m
from tests.support.demo import ReadsTheLoadedDemo


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "documents": CouncilDocument.objects.count(),
        "images": get_image_model().objects.count(),
        "issuers": m.Issuer.objects.count(),
        "relations": m.ActRelation.objects.count(),
        "tags": Tag.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_new_admin_without_password_is_refused(db, home_page):
    with pytest.raises(CommandError, match="--admin-password"):
        call_command("load_demo", admin_user="nobody", stdout=io.StringIO())


class TestTheLoadedDemo(ReadsTheLoadedDemo):
    """The tests that read the demo, on one ``load_demo`` for them all."""

    def test_demo_has_every_content_type_in_quantity(self, demo):
        assert m.NewsPage.objects.live().count() >= 30
        assert set(m.NewsPage.objects.values_list("kind", flat=True)) == set(m.NewsKind.values)
        assert m.NewsPage.objects.filter(tagged_items__isnull=False).distinct().count() >= 30
        assert m.NewsPage.objects.exclude(main_image=None).count() >= 5
        assert m.ActPage.objects.live().count() >= 30
        assert set(m.ActPage.objects.values_list("act_type", flat=True)) == set(m.ActType.values)
        assert set(m.Issuer.objects.values_list("name", flat=True)) == {
            "Ніжинська міська рада",
            "Виконавчий комітет Ніжинської міської ради",
            "Ніжинський міський голова",
        }
        assert all(act.attached_documents for act in m.ActPage.objects.all())
        assert m.ActPage.objects.filter(act_type=m.ActType.COUNCIL_DECISION).count() >= 10
        assert set(m.ActRelation.objects.values_list("kind", flat=True)) == set(m.RelationKind.values)
        assert m.ActPage.objects.filter(adopted_as__isnull=False).count() >= 3
        assert m.CommissionPage.objects.count() == 3
        assert m.CommissionDocumentPage.objects.filter(concerns__isnull=False).distinct().count() >= 3
        assert m.VideoPage.objects.count() == 5
        assert all(video.youtube_id for video in m.VideoPage.objects.all())
        assert set(m.StandardPage.objects.values_list("title", flat=True)) >= {
            "Про раду",
            "Структура",
            "Контакти",
        }
        settings = SiteSettings.objects.get()
        assert (
            settings.petitions_url.startswith("https://petition.e-dem.ua/")
            and settings.phone
            and settings.address
        )
        assert all(page.revisions.exists() for page in Page.objects.filter(depth__gt=2))

    def test_demo_pdfs_have_ukrainian_text_and_every_page_renders(self, client, demo):
        act = m.ActPage.objects.filter(act_type=m.ActType.COUNCIL_DECISION).first()
        document = act.attached_documents[0]
        with document.file.open("rb") as handle:
            text = PdfReader(io.BytesIO(handle.read())).pages[0].extract_text()
        assert act.number in text and "Ніжинська міська рада" in text
        for page in Page.objects.live().filter(depth__gt=1).specific():
            assert client.get(page.url).status_code == 200, page.url

    def test_second_run_creates_nothing_and_resets_the_admin_password(self, demo):
        user = get_user_model().objects.get(username="admin")
        assert user.is_superuser and user.check_password("demo-password-1")
        assert "логін: admin" in demo and "пароль: demo-password-1" in demo
        before = counts()
        out = io.StringIO()
        call_command("load_demo", admin_user="admin", admin_password="new-password-2", stdout=out)
        assert counts() == before
        assert "Створено — нічого" in out.getvalue()
        user.refresh_from_db()
        assert user.check_password("new-password-2")
        assert "пароль: new-password-2" in out.getvalue()
