"""The addresses the browser suite visits on the demo site, read from the database before the browser starts."""

from django.utils.http import urlencode

from pages import models as m
from pages.models.kinds import ActType


def first(model, **filters):
    return model.objects.live().filter(**filters).order_by("path").first()


def demo_urls():
    """The address of one page of each type and listing of the demo site, filters included."""
    news = m.NewsPage.objects.live().exclude(tags=None).order_by("path").first()
    act = first(m.ActPage, issuer__isnull=False, act_type=ActType.COUNCIL_DECISION)
    acts = first(m.ActIndexPage).url
    filters = {"type": act.act_type, "year": act.date.year, "issuer": act.issuer.slug}
    return {
        "home": "/",
        "news index": first(m.NewsIndexPage).url,
        "news by tag": f"{news.get_parent().url}?{urlencode({'tag': news.tags.first().slug})}",
        "news page": news.url,
        "acts": acts,
        "acts filtered": f"{acts}?{urlencode(filters)}",
        "act page": act.url,
        "commissions": first(m.CommissionIndexPage).url,
        "commission": first(m.CommissionPage).url,
        "commission document": first(m.CommissionDocumentPage).url,
        "videos": first(m.VideoIndexPage).url,
        "video page": first(m.VideoPage).url,
        "standard page": first(m.StandardPage).url,
        "search": f"/search/?{urlencode({'q': 'рішення'})}",
        "search filtered": f"/search/?{urlencode({'q': 'рішення', 'type': 'act', 'year': act.date.year})}",
        "open data": "/opendata/",
        "sitemap page": "/karta-saitu/",
        "not found": "/nemaie-takoi-storinky/",
    }
