"""The demo site: realistic content of every type, built idempotently under the home page.

Every demo item has a stable key (a page's slug under its parent, a document's or image's
title, an issuer's slug), so a second run finds what the first one made and creates nothing.
Content is drawn from a fixed random seed, so every run on every machine builds the same site.
"""

import dataclasses
import datetime
import hashlib
import io
import random
from collections import Counter

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.models import Site

from cms.models import CouncilDocument, SiteSettings
from cms.pdf import make_pdf

from . import models as m

SEED = 2018


class DemoError(Exception):
    """The demo cannot be built (e.g. no home page, no admin password for a new user)."""


@dataclasses.dataclass
class Report:
    created: Counter = dataclasses.field(default_factory=Counter)


ISSUERS = [
    ("miska-rada", "Ніжинська міська рада", "Міська рада", "Ніжинська міська рада Чернігівської області"),
    ("vykonkom", "Виконавчий комітет Ніжинської міської ради", "Виконком", "Виконком\nВиконавчий комітет"),
    ("miskyi-holova", "Ніжинський міський голова", "Міський голова", "Міський голова"),
]

DEPUTIES = [
    "Бойко Олександр Миколайович",
    "Гриценко Наталія Петрівна",
    "Дяченко Сергій Іванович",
    "Єременко Оксана Василівна",
    "Жук Андрій Олексійович",
    "Зінченко Тетяна Юріївна",
    "Іщенко Віктор Петрович",
    "Кравченко Людмила Григорівна",
    "Лисенко Юрій Анатолійович",
    "Мельник Ірина Степанівна",
    "Олійник Богдан Володимирович",
    "Пономаренко Світлана Ігорівна",
    "Ромащенко Дмитро Васильович",
    "Савченко Галина Михайлівна",
    "Ткаченко Василь Федорович",
]

NEWS_TOPICS = [
    (
        "Відбулася сесія міської ради",
        "сесія",
        "Депутати розглянули питання бюджету, земельних відносин і комунального майна.",
    ),
    (
        "У місті стартував сезон благоустрою",
        "благоустрій",
        "Комунальні служби прибирають парки, сквери та узбіччя доріг.",
    ),
    (
        "Оголошено конкурс проєктів громадського бюджету",
        "громадський бюджет",
        "Мешканці можуть подати свої ідеї для розвитку міста до кінця місяця.",
    ),
    (
        "Ремонт вулиці Покровської триває за графіком",
        "ремонт доріг",
        "Підрядник завершив укладання нижнього шару асфальтобетонного покриття.",
    ),
    (
        "Нова шкільна їдальня відкрилася після реконструкції",
        "освіта",
        "Реконструкцію здійснено коштом міського бюджету та державної субвенції.",
    ),
    ("Засідання виконавчого комітету", "виконком", "Члени виконкому ухвалили рішення щодо тарифів та опіки."),
    (
        "Місто отримало нові автобуси",
        "транспорт",
        "Три нових низькопідлогових автобуси вийшли на маршрути міста.",
    ),
    (
        "Громадські слухання щодо генерального плану",
        "містобудування",
        "Обговорення проєкту генерального плану відбудеться в міському будинку культури.",
    ),
    (
        "Відкрито оновлений центр надання адміністративних послуг",
        "ЦНАП",
        "Тепер у ЦНАП можна оформити понад 150 послуг.",
    ),
    (
        "День міста: програма святкових заходів",
        "культура",
        "На мешканців і гостей міста чекають концерти, ярмарок і спортивні змагання.",
    ),
    (
        "Енергоефективність: утеплення дитячого садка",
        "енергоефективність",
        "Роботи фінансуються в межах програми енергоефективності.",
    ),
    (
        "Прийом громадян міським головою",
        "прийом громадян",
        "Особистий прийом проводиться щочетверга з 10:00 до 13:00.",
    ),
]
KIND_TITLES = {
    m.NewsKind.NEWS: "",
    m.NewsKind.ANNOUNCEMENT: "Оголошення: ",
    m.NewsKind.GREETING: "Вітання: ",
    m.NewsKind.ARTICLE: "Стаття: ",
}
GREETINGS = [
    "з Днем Конституції України",
    "з Днем Незалежності України",
    "з Днем міста",
    "з Днем місцевого самоврядування",
    "з Новим роком і Різдвом Христовим",
]

ACT_SUBJECTS = [
    "Про бюджет Ніжинської міської територіальної громади на {year} рік",
    "Про затвердження Програми розвитку фізичної культури і спорту",
    "Про затвердження Положення про громадський бюджет міста Ніжина",
    "Про встановлення місцевих податків і зборів",
    "Про надання дозволу на розроблення проєкту землеустрою",
    "Про затвердження Правил благоустрою території міста Ніжина",
    "Про встановлення тарифів на послуги з вивезення побутових відходів",
    "Про затвердження Програми енергоефективності на {year}–{next} роки",
    "Про передачу майна комунальної власності в оренду",
    "Про затвердження структури виконавчих органів міської ради",
    "Про організацію харчування учнів закладів загальної середньої освіти",
    "Про проведення конкурсу з перевезення пасажирів на міських автобусних маршрутах",
    "Про надання матеріальної допомоги мешканцям міста",
    "Про затвердження Програми підтримки внутрішньо переміщених осіб",
    "Про скликання сесії міської ради",
    "Про відзначення Дня міста",
]

VIDEOS = [
    ("Сесія міської ради: пряма трансляція", "https://www.youtube.com/watch?v=M7lc1UVf-VE"),
    ("Звіт міського голови перед громадою", "https://youtu.be/aqz-KE-bpKQ"),
    ("Як подати петицію до міської ради", "https://www.youtube.com/watch?v=jNQXAC9IVRw"),
    ("Громадський бюджет: переможці року", "https://www.youtube.com/embed/ScMzIvxBSi4"),
    ("Засідання виконавчого комітету", "https://www.youtube.com/watch?v=LXb3EKWsInQ"),
]

SECTIONS = [
    (
        "news",
        m.NewsIndexPage,
        "Новини",
        "novyny",
        "Новини, оголошення та вітання Ніжинської міської ради та її виконавчого комітету.",
    ),
    (
        "acts",
        m.ActIndexPage,
        "Документи",
        "dokumenty",
        "Рішення міської ради та виконавчого комітету, розпорядження міського голови, "
        "проєкти рішень для громадського обговорення.",
    ),
    (
        "commissions",
        m.CommissionIndexPage,
        "Постійні комісії",
        "komisii",
        "Постійні депутатські комісії міської ради, їхні протоколи, висновки та рекомендації.",
    ),
    (
        "videos",
        m.VideoIndexPage,
        "Відео",
        "video",
        "Трансляції сесій, засідань виконкому та відеосюжети про життя громади.",
    ),
]

COMMISSIONS = [
    (
        "Постійна комісія з питань соціально-економічного розвитку, бюджету та фінансів",
        "komisiia-biudzhet",
        "Бойко Олександр Миколайович",
    ),
    (
        "Постійна комісія з питань земельних відносин, будівництва та архітектури",
        "komisiia-zemlia",
        "Лисенко Юрій Анатолійович",
    ),
    (
        "Постійна комісія з питань освіти, охорони здоров'я та соціального захисту",
        "komisiia-osvita",
        "Мельник Ірина Степанівна",
    ),
]


def _paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


class DemoBuilder:
    """Builds the demo site; each ``ensure_*`` returns the existing item or creates it once."""

    def __init__(self, *, user, log):
        self.user = user
        self.log = log
        self.rng = random.Random(SEED)
        self.report = Report()
        self.today = timezone.localdate()

    # -- files -------------------------------------------------------------------------------

    def ensure_pdf(self, *, title, paragraphs):
        existing = CouncilDocument.objects.filter(title=title).first()
        if existing:
            return existing
        content = make_pdf(title=title, paragraphs=paragraphs)
        document = CouncilDocument(
            title=title,
            extracted_text="\n".join([title, *paragraphs]),
            content_hash=hashlib.sha256(content).hexdigest(),
            uploaded_by_user=self.user,
        )
        document.file.save(
            f"{hashlib.sha1(title.encode()).hexdigest()[:12]}.pdf", ContentFile(content), save=False
        )
        document._set_document_file_metadata()
        document.save()
        self.report.created["документів"] += 1
        return document

    def ensure_image(self, *, title, colour):
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        from PIL import Image as PILImage
        from PIL import ImageDraw

        picture = PILImage.new("RGB", (1200, 675), colour)
        draw = ImageDraw.Draw(picture)
        rng = random.Random(title)
        for _ in range(6):
            x, y, r = rng.randint(0, 1200), rng.randint(0, 675), rng.randint(60, 260)
            shade = tuple(min(255, c + rng.randint(20, 70)) for c in colour)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=shade)
        draw.rectangle([0, 600, 1200, 675], fill=(7, 42, 80))
        buffer = io.BytesIO()
        picture.save(buffer, format="JPEG", quality=80)
        image = Image(title=title, uploaded_by_user=self.user)
        image.file = ImageFile(
            io.BytesIO(buffer.getvalue()), name=f"demo-{hashlib.sha1(title.encode()).hexdigest()[:10]}.jpg"
        )
        image._set_image_file_metadata()
        image.save()
        self.report.created["зображень"] += 1
        return image

    # -- pages -------------------------------------------------------------------------------

    def ensure_page(self, parent, page, *, after_create=None):
        """The child of ``parent`` with ``page.slug``, or ``page`` added and published with a revision.

        ``after_create(page)`` may set cluster relations (tags, many-to-many) in memory: the
        revision takes them from the page and publishing it writes them.
        """
        existing = parent.get_children().filter(slug=page.slug).specific().first()
        if existing:
            return existing
        page.owner = self.user
        parent.add_child(instance=page)
        if after_create:
            after_create(page)
        page.save_revision(user=self.user, log_action=False).publish(user=self.user, log_action=False)
        self.report.created["сторінок"] += 1
        self.log(f"+ {page.url_path}")
        return page

    def build(self, home):
        self.ensure_settings(home)
        issuers = self.ensure_issuers()
        sections = self.ensure_sections(home)
        self.ensure_standard_pages(home)
        acts = self.ensure_acts(sections["acts"], issuers)
        self.ensure_news(sections["news"], acts)
        self.ensure_commissions(sections["commissions"], acts)
        self.ensure_videos(sections["videos"])
        return self.report

    def ensure_settings(self, home):
        site = Site.objects.get(root_page=home)
        settings = SiteSettings.for_site(site)
        settings.council_name = "Ніжинська міська рада"
        settings.address = "16600, Чернігівська обл., м. Ніжин, площа імені Івана Франка, 1"
        settings.phone = "+380 4631 7-11-35"
        settings.email = "rada@nizhynrada.gov.ua"
        settings.office_hours = "Пн–Пт 8:00–17:00, обідня перерва 12:00–13:00"
        settings.facebook_url = "https://www.facebook.com/nizhynrada"
        settings.youtube_url = "https://www.youtube.com/@nizhynrada"
        settings.telegram_url = "https://t.me/nizhynrada"
        settings.petitions_url = "https://petition.e-dem.ua/nizhyn"
        settings.open_budget_url = "https://budget.e-dem.ua/7410400000"
        settings.save()

    def ensure_issuers(self):
        issuers = {}
        for slug, name, short_name, aliases in ISSUERS:
            issuer, created = m.Issuer.objects.get_or_create(
                slug=slug, defaults={"name": name, "short_name": short_name, "aliases": aliases}
            )
            if created:
                self.report.created["органів"] += 1
            issuers[slug] = issuer
        return issuers

    def ensure_sections(self, home):
        return {
            key: self.ensure_page(home, page_type(title=title, slug=slug, show_in_menus=True, intro=intro))
            for key, page_type, title, slug, intro in SECTIONS
        }

    def ensure_standard_pages(self, home):
        about = self.ensure_page(
            home,
            m.StandardPage(
                title="Про раду",
                slug="pro-radu",
                show_in_menus=True,
                search_description="Ніжинська міська рада — представницький орган місцевого самоврядування.",
                body=[
                    _paragraph(
                        "Ніжинська міська рада є представницьким органом місцевого самоврядування, що "
                        "представляє Ніжинську міську територіальну громаду та здійснює від її імені "
                        "повноваження, визначені Конституцією і законами України."
                    ),
                    (
                        "quote",
                        {
                            "quote": "Місцеве самоврядування є правом територіальної громади самостійно "
                            "вирішувати питання місцевого значення.",
                            "attribution": "Конституція України, ст. 140",
                        },
                    ),
                    _paragraph(
                        "Рада складається з 34 депутатів, обраних на місцевих виборах, і міського голови."
                    ),
                ],
            ),
        )
        self.ensure_page(
            about,
            m.StandardPage(
                title="Структура",
                slug="struktura",
                show_in_menus=True,
                body=[
                    _paragraph("<b>Міський голова</b> — головна посадова особа територіальної громади."),
                    _paragraph(
                        "<b>Секретар міської ради</b> організовує роботу ради та її постійних комісій."
                    ),
                    (
                        "table",
                        {
                            "first_row_is_table_header": True,
                            "first_col_is_header": False,
                            "data": [
                                ["Підрозділ", "Телефон"],
                                ["Загальний відділ", "7-11-35"],
                                ["Відділ юридично-кадрового забезпечення", "7-12-40"],
                                ["Фінансове управління", "7-13-02"],
                            ],
                        },
                    ),
                ],
            ),
        )
        self.ensure_page(
            home,
            m.StandardPage(
                title="Контакти",
                slug="kontakty",
                show_in_menus=True,
                body=[
                    _paragraph("Адреса: 16600, м. Ніжин, площа імені Івана Франка, 1."),
                    _paragraph("Приймальня міського голови: +380 4631 7-11-35, rada@nizhynrada.gov.ua."),
                    _paragraph("Звернення громадян приймаються щодня з 8:00 до 17:00, крім вихідних."),
                ],
            ),
        )

    # -- acts --------------------------------------------------------------------------------

    def _act(
        self,
        index,
        *,
        act_type,
        number,
        title,
        issuer,
        day,
        status=m.ActStatus.IN_FORCE,
        with_votes=False,
        relations=(),
        **fields,
    ):
        year = (fields.get("adopted_on") or day).year
        slug = m.acts.act_slug(act_type=act_type, number=number, year=year)
        existing = index.get_children().filter(slug=slug).specific().first()
        if existing:
            return existing
        pdf = self.ensure_pdf(
            title=f"{m.ActType(act_type).label} № {number}: {title}",
            paragraphs=[
                f"{issuer.name}. {title}.",
                "Відповідно до статей 26, 42, 59 Закону України «Про місцеве самоврядування в Україні», "
                "враховуючи пропозиції постійних комісій, рада вирішила затвердити вищезазначене.",
                f"Контроль за виконанням покласти на профільну постійну комісію. Ніжин, {year}.",
            ],
        )
        votes = []
        if with_votes:
            rng = random.Random(f"{SEED}-{slug}")
            votes = [
                m.ActVote(deputy=deputy, vote=rng.choices(list(m.Vote.values), weights=[12, 1, 2, 1])[0])
                for deputy in DEPUTIES
            ]
        subject = title[4:] if title.startswith("Про ") else title
        page = m.ActPage(
            title=title,
            slug=slug,
            act_type=act_type,
            number=number,
            issuer=issuer,
            date=day,
            status=status,
            summary=f"{m.ActType(act_type).label} «{title}».",
            body=f"<p>{issuer.name} вирішила:</p><ol><li>Затвердити рішення щодо: {subject}.</li>"
            "<li>Оприлюднити це рішення на офіційному сайті міської ради.</li>"
            "<li>Контроль за виконанням рішення покласти на постійну комісію.</li></ol>",
            attachments=[("attachment", {"document": pdf, "title": "", "kind": "scan"})],
            votes=votes,
            relations=[m.ActRelation(kind=kind, target=target) for kind, target in relations],
            **fields,
        )
        return self.ensure_page(index, page)

    def ensure_acts(self, index, issuers):
        rada, vykonkom, holova = issuers["miska-rada"], issuers["vykonkom"], issuers["miskyi-holova"]
        acts = {"council": [], "executive": [], "orders": [], "drafts": []}
        start = datetime.date(2018, 1, 15)
        # Later decisions amend or repeal earlier ones; the relation is shown on both acts.
        statuses = {1: m.ActStatus.AMENDED, 2: m.ActStatus.AMENDED, 3: m.ActStatus.LOST_FORCE}
        relations = {
            6: [(m.RelationKind.AMENDS, 1)],
            9: [(m.RelationKind.AMENDS, 2)],
            12: [(m.RelationKind.REPEALS, 3)],
            13: [(m.RelationKind.AMENDS, 1)],
        }
        council = acts["council"]
        for i in range(14):
            day = start + datetime.timedelta(days=i * 47)
            session = 40 + i // 2
            title = ACT_SUBJECTS[i % len(ACT_SUBJECTS)].format(year=day.year + 1, next=day.year + 3)
            council.append(
                self._act(
                    index,
                    act_type=m.ActType.COUNCIL_DECISION,
                    number=f"{i + 1}-{session}/{day.year}",
                    title=title,
                    issuer=rada,
                    day=day + datetime.timedelta(days=2),
                    adopted_on=day,
                    convocation=7,
                    session=f"{session} сесія",
                    effective_from=day + datetime.timedelta(days=10),
                    with_votes=True,
                    status=statuses.get(i, m.ActStatus.IN_FORCE),
                    relations=[(kind, council[target]) for kind, target in relations.get(i, [])],
                )
            )
        for i in range(9):
            day = start + datetime.timedelta(days=20 + i * 61)
            acts["executive"].append(
                self._act(
                    index,
                    act_type=m.ActType.EXECUTIVE_DECISION,
                    number=str(100 + i * 37),
                    title=ACT_SUBJECTS[(i + 5) % len(ACT_SUBJECTS)].format(year=day.year, next=day.year + 2),
                    issuer=vykonkom,
                    day=day + datetime.timedelta(days=1),
                    adopted_on=day,
                    session=f"засідання № {i + 10}",
                )
            )
        for i in range(6):
            day = start + datetime.timedelta(days=35 + i * 83)
            acts["orders"].append(
                self._act(
                    index,
                    act_type=m.ActType.MAYOR_ORDER,
                    number=f"{40 + i * 11}-р",
                    title=ACT_SUBJECTS[(i + 11) % len(ACT_SUBJECTS)].format(year=day.year, next=day.year + 1),
                    issuer=holova,
                    day=day,
                    adopted_on=day,
                )
            )
        for decision in council[:4]:
            day = decision.adopted_on - datetime.timedelta(days=30)
            acts["drafts"].append(
                self._act(
                    index,
                    act_type=m.ActType.DRAFT_DECISION,
                    number=f"ПР-{decision.number.split('-')[0]}/{day.year}",
                    title=decision.title,
                    issuer=rada,
                    day=day,
                    status=m.ActStatus.DRAFT,
                    planned_consideration_on=decision.adopted_on,
                    discussion_until=day + datetime.timedelta(days=20),
                    adopted_as=decision,
                )
            )
        # Two drafts still open for discussion, whenever the demo is loaded.
        for i, subject in enumerate(
            [
                "Про внесення змін до Правил утримання домашніх тварин",
                "Про встановлення ставок єдиного податку",
            ]
        ):
            acts["drafts"].append(
                self._act(
                    index,
                    act_type=m.ActType.REGULATORY_DRAFT if i else m.ActType.DRAFT_DECISION,
                    number=f"ПР-{90 + i}/{self.today.year}",
                    title=subject,
                    issuer=rada,
                    day=self.today - datetime.timedelta(days=5),
                    status=m.ActStatus.DRAFT,
                    planned_consideration_on=self.today + datetime.timedelta(days=40),
                    discussion_until=self.today + datetime.timedelta(days=25),
                )
            )
        self._act(
            index,
            act_type=m.ActType.REGULATORY_DRAFT,
            number="ПР-12/2019",
            title="Про встановлення туристичного збору",
            issuer=rada,
            day=datetime.date(2019, 2, 1),
            status=m.ActStatus.DRAFT,
            discussion_until=datetime.date(2019, 3, 1),
            planned_consideration_on=datetime.date(2019, 3, 20),
        )
        for i in range(2):
            day = datetime.date(2018, 6 + i * 4, 12)
            self._act(
                index,
                act_type=m.ActType.PROTOCOL,
                number=str(45 + i),
                title=f"Протокол {45 + i} сесії міської ради",
                issuer=rada,
                day=day,
                adopted_on=day,
                convocation=7,
                session=f"{45 + i} сесія",
            )
        return acts

    # -- news --------------------------------------------------------------------------------

    def ensure_news(self, index, acts):
        rng = self.rng
        kinds = (
            [m.NewsKind.NEWS] * 5 + [m.NewsKind.ANNOUNCEMENT] * 2 + [m.NewsKind.ARTICLE, m.NewsKind.GREETING]
        )
        colours = [(11, 79, 156), (29, 107, 58), (164, 38, 44), (120, 90, 20), (60, 60, 110)]
        day = datetime.date(2018, 1, 10)
        for i in range(34):
            day += datetime.timedelta(days=rng.randint(6, 20))
            kind = kinds[i % len(kinds)]
            topic, tag, lead = NEWS_TOPICS[i % len(NEWS_TOPICS)]
            if kind == m.NewsKind.GREETING:
                topic = f"Міський голова вітає {GREETINGS[i % len(GREETINGS)]}"
                lead = "Шановні ніжинці! Щиро вітаю вас зі святом і бажаю миру, злагоди та добробуту."
                tag = "свята"
            title = f"{KIND_TITLES[kind]}{topic}" if kind != m.NewsKind.GREETING else topic
            slug = f"{day:%Y-%m-%d}-{i + 1:02d}"
            image = None
            if i % 4 == 0:
                image = self.ensure_image(
                    title=f"Фото до новини «{title}» ({day:%d.%m.%Y})", colour=colours[i % len(colours)]
                )
            body = [
                _paragraph(lead),
                _paragraph(
                    "Детальніше — у прикріплених документах та на сторінках відповідних рішень. "
                    "Слідкуйте за новинами на офіційному сайті Ніжинської міської ради."
                ),
            ]
            if i % 3 == 0:
                body.append(
                    (
                        "quote",
                        {
                            "quote": "Наше завдання — зробити роботу ради відкритою для кожного ніжинця.",
                            "attribution": "міський голова",
                        },
                    )
                )
            if i % 5 == 0:
                body.append(
                    (
                        "table",
                        {
                            "first_row_is_table_header": True,
                            "first_col_is_header": False,
                            "data": [
                                ["Захід", "Дата", "Місце"],
                                ["Засідання комісій", f"{day:%d.%m.%Y}", "Мала зала"],
                                [
                                    "Пленарне засідання",
                                    f"{day + datetime.timedelta(days=2):%d.%m.%Y}",
                                    "Велика зала",
                                ],
                            ],
                        },
                    )
                )
            related = []
            if acts["council"] and i % 2 == 0:
                act = acts["council"][i % len(acts["council"])]
                related = [("page", act)]
                if act.attachments:
                    body.append(("document", {"document": act.attached_documents[0], "title": ""}))
            tags = [tag, rng.choice(["Ніжин", "міська рада", "громада"])]

            def add_tags(page, tags=tags):
                page.tags.add(*tags)

            self.ensure_page(
                index,
                m.NewsPage(
                    title=title,
                    slug=slug,
                    kind=kind,
                    date=day,
                    lead=lead,
                    main_image=image,
                    body=body,
                    related_pages=related,
                ),
                after_create=add_tags,
            )

    # -- commissions and videos --------------------------------------------------------------

    def ensure_commissions(self, index, acts):
        drafts = acts["drafts"]
        for number, (title, slug, chair) in enumerate(COMMISSIONS):
            members = [chair] + [d for d in DEPUTIES if d != chair][number * 4 : number * 4 + 4]
            commission = self.ensure_page(
                index,
                m.CommissionPage(
                    title=title,
                    slug=slug,
                    chair=chair,
                    members="\n".join(members),
                    contacts="Кімната 305, тел. +380 4631 7-12-10, komisii@nizhynrada.gov.ua",
                    description="<p>Комісія попередньо розглядає проєкти рішень, "
                    "готує висновки й рекомендації "
                    "та контролює виконання рішень ради з питань свого відання.</p>",
                ),
            )
            for j, doc_type in enumerate(
                [m.CommissionDocumentType.PROTOCOL, m.CommissionDocumentType.CONCLUSION]
            ):
                draft = drafts[(number * 2 + j) % len(drafts)]
                meeting = draft.date + datetime.timedelta(days=7)
                doc_title = (
                    f"Протокол засідання комісії № {10 + number * 3 + j}"
                    if j == 0
                    else f"Висновок щодо проєкту рішення «{draft.title}»"
                )
                pdf = self.ensure_pdf(
                    title=f"{title}: {doc_title}",
                    paragraphs=[
                        doc_title,
                        f"Засідання {meeting:%d.%m.%Y}. Присутні: {', '.join(members)}.",
                        "Комісія рекомендує винести питання на розгляд сесії.",
                    ],
                )

                def link(page, draft=draft):
                    page.concerns.add(draft)

                self.ensure_page(
                    commission,
                    m.CommissionDocumentPage(
                        title=doc_title,
                        slug=f"{doc_type}-{10 + number * 3 + j}",
                        doc_type=doc_type,
                        number=str(10 + number * 3 + j),
                        meeting_date=meeting,
                        date=meeting,
                        body=f"<p>Комісія розглянула проєкт рішення «{draft.title}» і підтримала його.</p>",
                        attachments=[("attachment", {"document": pdf, "title": "", "kind": "scan"})],
                    ),
                    after_create=link,
                )

    def ensure_videos(self, index):
        day = datetime.date(2019, 1, 20)
        for number, (title, url) in enumerate(VIDEOS, start=1):
            self.ensure_page(
                index,
                m.VideoPage(
                    title=title,
                    slug=f"video-{number}",
                    video_url=url,
                    date=day + datetime.timedelta(days=number * 23),
                    description=f"{title}. Відеосюжет Ніжинського міського телебачення.",
                ),
            )


def ensure_admin(*, username, password, email):
    """Create the superuser ``username`` or make it one again and reset its password."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None and not password:
        raise DemoError("Вкажіть --admin-password: користувача ще немає, його треба створити з паролем.")
    if user is None:
        return User.objects.create_superuser(username=username, email=email, password=password), True
    user.is_staff = user.is_superuser = user.is_active = True
    if password:
        user.set_password(password)
    user.save()
    return user, False


def load_demo(*, admin_user, admin_password, admin_email="admin@example.org", log=print):
    """Build (or complete) the demo site and the admin account; return what was created."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise DemoError("Немає сайту за замовчуванням: спершу виконайте `manage.py migrate`.")
    home = site.root_page.specific
    if not isinstance(home, m.HomePage):
        raise DemoError("Коренева сторінка сайту не є головною сторінкою (HomePage).")
    user, created = ensure_admin(username=admin_user, password=admin_password, email=admin_email)
    builder = DemoBuilder(user=user, log=log)
    report = builder.build(home)
    # Apps above pages add their demo content through this hook (e.g. discussion: comments on a draft).
    for hook in hooks.get_hooks("radasite_load_demo"):
        hook(home=home, user=user, report=report)
    if created:
        report.created["користувачів"] += 1
    return report
