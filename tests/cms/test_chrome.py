"""The page-independent fragments (head assets, header, footer) are rendered once per worker and
change at the next request when what they show changes; the fast filters give Django's output."""

import datetime

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.template.defaultfilters import truncatechars
from django.utils.translation import override

from cms import chrome
from cms.models import SiteSettings
from cms.templatetags.cms_tags import clip, uk_date
from pages.models import ActPage, ActRelation, NewsPage
from pages.models.kinds import ActType, RelationKind


@pytest.fixture(autouse=True)
def no_fragments():
    chrome.forget()
    yield
    chrome.forget()


def test_a_fragment_renders_once_while_its_values_are_unchanged():
    template = Template('{% load cms_tags %}{% chrome "t" value %}{{ value }}-{{ other }}{% endchrome %}')
    assert template.render(Context({"value": 1, "other": "a"})) == "1-a"
    assert template.render(Context({"value": 1, "other": "b"})) == "1-a"  # kept: "other" is not a key
    assert template.render(Context({"value": 2, "other": "b"})) == "2-b"


def test_a_fragment_needs_a_quoted_name():
    with pytest.raises(TemplateSyntaxError, match="quoted name"):
        Template("{% load cms_tags %}{% chrome footer %}x{% endchrome %}")


def test_the_footer_and_header_show_edited_settings_at_the_next_request(client, home_page, site):
    settings = SiteSettings.for_site(site)
    settings.council_name = "Ніжинська міська рада"
    settings.save()
    client.get(home_page.url)
    settings.council_name = "Ніжинська міська рада Чернігівської області"
    settings.email = "rada@example.org"
    settings.save()
    html = client.get(home_page.url).content.decode()
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    footer = html[html.index('<footer class="site-footer">') :]
    assert "Чернігівської області" in header and "Чернігівської області" in footer
    assert "mailto:rada@example.org" in footer


def test_the_search_box_keeps_each_requests_query(client, home_page):
    assert 'value="бюджет"' in client.get("/search/", {"q": "бюджет"}).content.decode()
    assert 'value="тарифи"' in client.get("/search/", {"q": "тарифи"}).content.decode()
    assert 'value=""' in client.get(home_page.url).content.decode()


@pytest.mark.parametrize(
    "text", ["", "коротко", "а" * 220, "а" * 221, "й" * 300, "e\u0301" * 230, "Рішення " * 40]
)
def test_clip_is_djangos_truncatechars(text):
    for length in (1, 220, "220", "x"):
        assert clip(text, length) == truncatechars(text, length)


def test_uk_date_is_the_same_in_every_language():
    day = datetime.date(2018, 11, 8)
    with override("en"):
        english = uk_date(day)
    assert english == uk_date(day) == "8 листопада 2018"
    assert uk_date(datetime.datetime(2018, 11, 8, 23, 30)) == "8 листопада 2018"
    assert uk_date(None) == ""


@pytest.mark.django_db  # a new page instance reads its content type (cached once per process)
def test_choice_labels_are_djangos():
    for value, label in RelationKind.choices:
        assert ActRelation(kind=value).get_kind_display() == str(label)
    assert ActRelation(kind="unknown").get_kind_display() == "unknown"
    for value, label in ActType.choices:
        assert ActPage(act_type=value).get_act_type_display() == str(label)
    news = NewsPage(kind="news")
    assert news.get_kind_display() == str(dict(NewsPage._meta.get_field("kind").flatchoices)["news"])
    with override("en"):
        assert ActRelation(kind=RelationKind.AMENDS).get_kind_display() == "Amends"
