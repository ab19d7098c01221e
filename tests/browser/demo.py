"""The addresses the browser suite visits on the demo site, read before the browser starts."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.http import urlencode

from council.models import Membership
from pages import models as m
from pages.models.kinds import ActType


def first(model, **filters):
    return model.objects.live().filter(**filters).order_by("path").first()


def voted_decision():
    """A live decision whose roll-call vote names deputies (the council's demo sessions)."""
    voted = m.ActPage.objects.live().filter(agenda_items_as_decision__votes__ballots__deputy__isnull=False)
    return voted.order_by("path").first()


def demo_urls():
    """The address of one page of each type and listing of the demo site, filters included."""
    news = m.NewsPage.objects.live().exclude(tags=None).order_by("path").first()
    act = first(m.ActPage, issuer__isnull=False, act_type=ActType.COUNCIL_DECISION)
    acts = first(m.ActIndexPage).url
    faction = Membership.objects.exclude(faction=None).order_by("pk").first().faction
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
        "deputies": "/deputaty/",
        "deputies by faction": f"/deputaty/?{urlencode({'faction': faction.pk})}",
        "voted decision": voted_decision().url,
        "search for a deputy": f"/search/?{urlencode({'q': 'Бойка'})}",
    }


#: A registry keeper: a member of the «Реєстратори» group (made by the registry's migrations), nothing else.
KEEPER = ("keeper-browser", "keeper-browser-password-1")


def journey_data():
    """What the journeys need that only the database knows: a keeper's login, the news index's id."""
    keeper, _created = get_user_model().objects.get_or_create(username=KEEPER[0])
    keeper.set_password(KEEPER[1])
    keeper.save()
    keeper.groups.add(Group.objects.get(name="Реєстратори"))
    decisions = m.ActPage.objects.live().filter(act_type=ActType.COUNCIL_DECISION).order_by("-date")
    decision = next(act for act in decisions if act.attached_documents)
    return {
        "news_index_id": first(m.NewsIndexPage).pk,
        "keeper": KEEPER,
        "decision_year": decision.date.year,
        "voted_decision": voted_decision().url,
    }
