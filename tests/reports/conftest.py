"""A fixture month (November 2018) with known numbers, and helpers for the reports tests."""

import datetime

import pytest

from pages.models import ActStatus, ActType, CommissionDocumentType, NewsKind
from registry.models import FieldOfActivity, Interaction, InteractionKind, Organization, OrganizationKind
from registry.validators import edrpou_check_digit
from reports.models import MonthlyReportNotes
from tests import factories as f

NOVEMBER = datetime.date(2018, 11, 1)


@pytest.fixture
def sections(home_page):
    """The index pages every report item lives under."""
    return {
        "news": f.NewsIndexPageFactory(parent=home_page),
        "acts": f.ActIndexPageFactory(parent=home_page),
        "commission": f.CommissionPageFactory(parent=f.CommissionIndexPageFactory(parent=home_page)),
        "videos": f.VideoIndexPageFactory(parent=home_page),
    }


def make_organization(kind, first_seven, **fields):
    """An organisation with a valid EDRPOU code built from its first seven digits."""
    edrpou = f"{first_seven}{edrpou_check_digit(first_seven)}"
    return Organization.objects.create(kind=kind, name=f"Організація {edrpou}", edrpou=edrpou, **fields)


@pytest.fixture
def november_2018(sections):
    """9 news items (3 news, 1 announcement, 5 greetings), 6 documents, 2 videos, 3 interactions.

    Items outside the month or not live are there too, and must not be counted.
    """
    day = datetime.date(2018, 11, 15)
    for kind, count in ((NewsKind.NEWS, 3), (NewsKind.ANNOUNCEMENT, 1), (NewsKind.GREETING, 5)):
        for _ in range(count):
            f.NewsPageFactory(parent=sections["news"], kind=kind, date=day)
    f.NewsPageFactory(parent=sections["news"], date=datetime.date(2018, 10, 31))
    f.NewsPageFactory(parent=sections["news"], date=datetime.date(2018, 12, 1))
    f.NewsPageFactory(parent=sections["news"], date=day, live=False)

    for act_type in (
        ActType.COUNCIL_DECISION,
        ActType.COUNCIL_DECISION,
        ActType.DRAFT_DECISION,
        ActType.MAYOR_ORDER,
    ):
        f.ActPageFactory(parent=sections["acts"], act_type=act_type, date=datetime.date(2018, 11, 30))
    f.ActPageFactory(parent=sections["acts"], date=datetime.date(2018, 12, 3))
    f.CommissionDocumentPageFactory(
        parent=sections["commission"],
        doc_type=CommissionDocumentType.CONCLUSION,
        date=datetime.date(2018, 11, 1),
    )
    f.CommissionDocumentPageFactory(
        parent=sections["commission"],
        doc_type=CommissionDocumentType.PROTOCOL,
        date=datetime.date(2018, 11, 2),
    )

    f.VideoPageFactory(parent=sections["videos"], date=datetime.date(2018, 11, 8))
    f.VideoPageFactory(parent=sections["videos"], date=datetime.date(2018, 11, 9))
    f.VideoPageFactory(parent=sections["videos"], date=datetime.date(2018, 12, 9))

    ngo = make_organization(OrganizationKind.NGO, "2000001")
    party = make_organization(OrganizationKind.PARTY, "2000002")
    for when, organizations in (
        (day, [ngo]),
        (day, [party]),
        (day, [ngo, party]),
        (datetime.date(2018, 10, 2), [ngo]),
    ):
        interaction = Interaction.objects.create(kind=InteractionKind.MEETING, date=when, topic="Зустріч")
        interaction.organizations.set(organizations)

    MonthlyReportNotes.objects.create(
        month=NOVEMBER,
        bullets="Проведено моніторинг ЗМІ щодо діяльності ради\n• Опрацьовано 12 петицій",
    )
    return NOVEMBER


@pytest.fixture
def published(sections):
    issuer = f.IssuerFactory(name="Ніжинська міська рада", slug="rada")
    f.ActPageFactory(
        parent=sections["acts"],
        title="Про бюджет, «2019»",
        number="1-49/2018",
        issuer=issuer,
        convocation=7,
        session="49 сесія",
        summary='Рядок 1\nрядок 2; з комою, і "лапками"',
    )
    f.ActPageFactory(
        parent=sections["acts"],
        act_type=ActType.DRAFT_DECISION,
        status=ActStatus.DRAFT,
        number="",
        adopted_on=None,
        planned_consideration_on=datetime.date(2018, 12, 20),
        discussion_until=datetime.date(2018, 12, 10),
    )
    f.ActPageFactory(parent=sections["acts"], title="Неопублікований", live=False)
    f.CommissionDocumentPageFactory(parent=sections["commission"], number="5")
    youth = FieldOfActivity.objects.create(name="Молодь")
    culture = FieldOfActivity.objects.create(name="Культура")
    ngo = make_organization(
        OrganizationKind.NGO,
        "2000001",
        registration_date=datetime.date(2001, 5, 4),
        head="Петренко П. П.",
        phone="+380 4631 00000",
        email="ngo@example.com",
    )
    ngo.fields_of_activity.set([youth, culture])
    make_organization(OrganizationKind.PARTY, "2000002", party="Партія", seats=3)
    return sections


# What the fixture month must read as, in every format.
NOVEMBER_LINES = [
    "Відділ інформаційно-аналітичної роботи та комунікацій з громадськістю",
    "Звіт про роботу за листопад 2018 року",
    "Підготовлено та розміщено 9 новинних та інших інформаційних матеріалів",
    "3 новини",
    "1 оголошення",
    "5 привітань",
    "Оприлюднено 6 документів: нормативні акти, проєкти рішень, розпорядження, протоколи, висновки та "
    "рекомендації депутатських комісій",
    "2 рішення міської ради",
    "1 розпорядження міського голови",
    "1 проєкт рішення",
    "1 протокол депутатських комісій",
    "1 висновок депутатських комісій",
    "Розміщено 2 відеосюжети",
    "Проведено 3 заходи взаємодії з громадськими об'єднаннями та політичними партіями",
    "2 — з громадськими об'єднаннями",
    "2 — з місцевими осередками політичних партій",
    "Проведено моніторинг ЗМІ щодо діяльності ради",
    "Опрацьовано 12 петицій",
]
