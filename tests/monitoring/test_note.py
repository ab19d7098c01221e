"""The monthly note to the regional administration: its data, its DOCX and HTML, the admin view."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document

from monitoring.digest import KYIV
from monitoring.models import Article, Mention, MonthlyNoteText, Source, Tone, WatchEntry, WatchKind
from monitoring.note import build_note
from monitoring.note_render import to_docx
from registry.models import InteractionKind
from tests import factories as f
from tests.registry.factories import InteractionFactory, OrganizationFactory, PartyOrganizationFactory

pytestmark = pytest.mark.django_db

NOVEMBER = datetime.date(2026, 11, 1)
NOTE = "/admin/monitoring/note/"
TITLE = "Інформаційна довідка щодо суспільно-політичної ситуації в м. Ніжині"


def at(day, hour=12, month=11):
    return datetime.datetime(2026, month, day, hour, tzinfo=KYIV)


class Month:
    """Articles of November 2026 (and around it) with their mentions, interactions, a news page."""

    def __init__(self, home_page):
        self.source = Source.objects.create(
            name="Ніжинський вісник", slug="visnyk", url="http://127.0.0.1/rss"
        )
        self.entries = {
            "tariffs": WatchEntry.objects.create(kind=WatchKind.TOPIC, phrase="тарифи"),
            "roads": WatchEntry.objects.create(kind=WatchKind.TOPIC, phrase="ремонт доріг"),
            "boiko": WatchEntry.objects.create(kind=WatchKind.DEPUTY, phrase="Бойко Олександр Миколайович"),
            "committee": WatchEntry.objects.create(kind=WatchKind.BODY, phrase="виконавчий комітет"),
        }
        self.n = 0
        news_index = f.NewsIndexPageFactory(parent=home_page)
        f.NewsPageFactory(parent=news_index, date=datetime.date(2026, 11, 20))
        ngo = OrganizationFactory(short_name="Ніжинські ініціативи")
        party = PartyOrganizationFactory()
        InteractionFactory(
            date=datetime.date(2026, 11, 12),
            kind=InteractionKind.MEETING,
            topic="Зустріч щодо бюджету участі",
            organizations=[ngo, party],
        )
        InteractionFactory(date=datetime.date(2026, 12, 1), topic="Груднева зустріч", organizations=[ngo])

    def article(self, title, when, mentions=(), **fields):
        self.n += 1
        article = Article.objects.create(
            source=self.source, url=f"http://127.0.0.1/a/{self.n}", title=title, published=when, **fields
        )
        for key, snippet in mentions:
            Mention.objects.create(article=article, entry=self.entries[key], phrase=key, snippet=snippet)
        return article

    def fill(self, copies=1):
        for _ in range(copies):
            self.article(
                "Тарифи зростуть",
                at(3),
                [
                    ("tariffs", "Виконавчий комітет підняв тарифи на воду"),
                    ("committee", "Виконавчий комітет"),
                ],
                tone=Tone.NEGATIVE,
                relevant=True,
                note="Цитувати",
            )
            self.article(
                "Дороги", at(10), [("roads", "ремонт доріг на Шевченка"), ("boiko", "депутата Бойка")]
            )
            self.article("Депутат на прийомі", at(11), [("boiko", "депутат Бойко прийняв мешканців")])
            self.article("Ярмарок", at(12), tone=Tone.POSITIVE)
        original = self.article("Тарифи: передрук", at(4), [("tariffs", "передрук")])
        Article.objects.filter(pk=original.pk).update(duplicate_of=Article.objects.first())
        self.article("Не про раду", at(5), [("tariffs", "тарифи інших міст")], relevant=False)
        self.article("Жовтнева новина", at(31, 23, month=10), [("tariffs", "жовтневі тарифи")])
        self.article("Без дати", None, [("roads", "ремонт доріг без дати")])  # fetched now: not November


@pytest.fixture
def month(home_page):
    data = Month(home_page)
    data.fill()
    MonthlyNoteText.objects.create(
        month=NOVEMBER,
        situation="Ситуація в місті стабільна, керована.\nПротестних акцій не було.",
        conclusions="Рекомендуємо продовжити моніторинг тарифної теми.",
    )
    return data


def test_the_note_counts_the_months_articles_by_tone_and_topic(month):
    note = build_note(month=datetime.date(2026, 11, 17))
    assert note.month == NOVEMBER and note.articles_total == 4
    assert dict(note.tones) == {"Позитивна": 1, "Нейтральна": 0, "Негативна": 1, "Не оцінено": 2}
    assert [(row.phrase, row.total, row.counts()) for row in note.topics] == [
        ("ремонт доріг", 1, [0, 0, 0, 1]),
        ("тарифи", 1, [0, 0, 1, 0]),
    ]


def test_the_note_lists_the_most_mentioned_deputies_and_bodies(month):
    assert [row[:3] for row in build_note(month=NOVEMBER).most_mentioned] == [
        ("Депутат", "Бойко Олександр Миколайович", 2),
        ("Орган ради", "виконавчий комітет", 1),
    ]


def test_the_note_quotes_relevant_then_toned_then_most_matched_articles(month):
    quotes = build_note(month=NOVEMBER).notable
    assert [quote.title for quote in quotes] == ["Тарифи зростуть", "Ярмарок", "Дороги", "Депутат на прийомі"]
    first = quotes[0]
    assert (first.source, first.date, first.tone, first.note) == (
        "Ніжинський вісник",
        datetime.date(2026, 11, 3),
        "Негативна",
        "Цитувати",
    )
    assert "Виконавчий комітет підняв тарифи на воду" in first.snippets


def test_the_note_lists_the_months_interactions_and_the_narrative(month):
    note = build_note(month=NOVEMBER)
    assert [i.topic for i in note.interactions] == ["Зустріч щодо бюджету участі"]
    assert note.narrative("situation") == [
        "Ситуація в місті стабільна, керована.",
        "Протестних акцій не було.",
    ]
    assert note.narrative("media") == []


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def test_the_docx_opens_with_every_section_and_a_quoted_mention(month):
    text = docx_text(to_docx(build_note(month=NOVEMBER)))
    for expected in (
        TITLE,
        "за листопад 2026 року",
        "Загальна ситуація",
        "Ситуація в місті стабільна, керована.",
        "Робота відділу та публікації за місяць",
        "Підготовлено та розміщено 1 новинний",
        "Діяльність громадських об'єднань і політичних партій",
        "Зустріч щодо бюджету участі (Ніжинські ініціативи",
        "Моніторинг ЗМІ",
        "Публікацій за місяць: 4.",
        "Найчастіше згадувані депутати, органи та організації",
        "Бойко Олександр Миколайович",
        "Показові публікації",
        "«Виконавчий комітет підняв тарифи на воду»",
        "http://127.0.0.1/a/1",
        "Висновки та пропозиції",
        "Рекомендуємо продовжити моніторинг тарифної теми.",
    ):
        assert expected in text, expected
    assert "жовтневі тарифи" not in text and "тарифи інших міст" not in text


def test_the_admin_shows_the_note_and_links_its_paragraphs(editor_client, month):
    response = editor_client.get(NOTE, {"month": "2026-11"})
    html = response.content.decode()
    assert response.status_code == 200
    assert TITLE in html and "Виконавчий комітет підняв тарифи на воду" in html
    text = MonthlyNoteText.objects.get()
    assert f"/admin/monitoring/note-texts/edit/{text.pk}/" in html


@pytest.mark.parametrize("fmt,kind", [("docx", "wordprocessingml"), ("html", "text/html")])
def test_the_admin_downloads_the_note(editor_client, month, fmt, kind):
    response = editor_client.get(NOTE, {"month": "2026-11", "format": fmt, "download": "1"})
    assert response.status_code == 200 and kind in response["Content-Type"]
    assert response["Content-Disposition"] == f'attachment; filename="media-note-2026-11.{fmt}"'
    body = docx_text(response.content) if fmt == "docx" else response.content.decode()
    assert TITLE in body and "Виконавчий комітет підняв тарифи на воду" in body


@pytest.mark.parametrize(
    "query,message",
    [
        ({"month": "2026-13"}, "Введіть місяць від 1900-01 до 2100-12."),
        ({"month": "листопад"}, "Введіть місяць у форматі"),
        ({"month": "2026-11\x00"}, "Символи Null не дозволені."),
        ({"month": "1000-01"}, "Введіть місяць від 1900-01 до 2100-12."),
        ({"month": "2026-11", "format": "pdf", "download": "1"}, "pdf"),
        ({"month": "2026-11", "download": "yes"}, "yes"),
    ],
)
def test_a_bad_parameter_is_explained_not_a_500(editor_client, db, query, message):
    response = editor_client.get(NOTE, query)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert message in response.content.decode()


def test_editors_write_the_months_paragraphs_in_the_admin(editor_client, month):
    response = editor_client.post(
        "/admin/monitoring/note-texts/new/",
        {"month": "2026-12-15", "situation": "Грудень минув спокійно.", "media": "", "conclusions": ""},
    )
    assert response.status_code == 302
    assert (
        MonthlyNoteText.objects.get(month=datetime.date(2026, 12, 1)).situation == "Грудень минув спокійно."
    )
    html = editor_client.get(NOTE, {"month": "2026-12"}).content.decode()
    assert "Грудень минув спокійно." in html


def test_one_text_per_month(editor_client, month):
    response = editor_client.post("/admin/monitoring/note-texts/new/", {"month": "2026-11-20"})
    assert response.status_code == 200
    assert MonthlyNoteText.objects.count() == 1


def test_the_note_reads_a_fixed_number_of_queries(home_page):
    data = Month(home_page)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            note = build_note(month=NOVEMBER)
            [quote.snippets for quote in note.notable]
            [list(i.organizations.all()) for i in note.interactions]
        return len(captured)

    data.fill()
    small = queries()
    data.fill(copies=3)
    assert queries() == small
