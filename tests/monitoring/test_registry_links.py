"""Organisation entries of the watch list linked to their records in the registry of NGOs and party
organisations: by the command, by the name an editor types, or chosen; shown in the admin, the digest
(page and e-mail) and the monthly note."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from docx import Document

from monitoring.digest import KYIV, build_digest, send_digest
from monitoring.matching import WatchList, record_mentions
from monitoring.models import Article, Mention, Source, WatchEntry, WatchKind
from monitoring.note import build_note
from monitoring.note_render import to_docx
from monitoring.watchlist import RegistryNames, name_key
from registry.models import Organization, OrganizationKind, RegistrationStatus

pytestmark = pytest.mark.django_db
WATCH = "/admin/monitoring/watch/"
DAY = datetime.date(2026, 11, 18)


@pytest.fixture
def registry():
    """Organisations of our own: an NGO with a short name, one without, a party organisation, and two
    NGOs whose names in quotes are the same («Світанок»)."""

    def org(name, edrpou, **fields):
        return Organization.objects.create(name=name, edrpou=edrpou, **fields)

    return {
        "initiatives": org(
            "Громадська організація «Ніжинські ініціативи»", "41110001", short_name="Ніжинські ініціативи"
        ),
        "veterans": org("Громадська організація «Ветерани Ніжина»", "41110002"),
        "party": org(
            "Ніжинська міська організація партії «Рух»",
            "41110003",
            kind=OrganizationKind.PARTY,
            party="Рух",
            faction="Фракція «Рух»",
        ),
        "dawn_ngo": org("Громадська організація «Світанок»", "41110004"),
        "dawn_union": org("Громадська спілка «Світанок»", "41110005", status=RegistrationStatus.TERMINATED),
    }


def registry_path(organisation):
    proxy = "ngo" if organisation.kind == OrganizationKind.NGO else "partyorganization"
    return f"/admin/registry/{proxy}/inspect/{organisation.pk}/"


def test_names_compare_without_quotes_case_and_spaces():
    assert name_key("ГО  „Ніжинські ІНІЦІАТИВИ“") == name_key("го «ніжинські ініціативи»")


def test_the_command_links_the_entries_it_adds_and_those_named_like_an_organisation(registry):
    before = WatchEntry.objects.create(
        kind=WatchKind.ORGANISATION, phrase="громадська організація ветерани ніжина"
    )
    topic = WatchEntry.objects.create(kind=WatchKind.TOPIC, phrase="Ніжинські ініціативи бюджету")
    call_command("watch_organisations", stdout=io.StringIO())
    linked = dict(WatchEntry.objects.values_list("phrase", "organisation"))
    assert linked == {
        "Ніжинські ініціативи": registry["initiatives"].pk,
        "Громадська організація «Ветерани Ніжина»": registry["veterans"].pk,
        "громадська організація ветерани ніжина": registry["veterans"].pk,  # there before, linked now
        "партія «Рух»": registry["party"].pk,
        "Фракція «Рух»": registry["party"].pk,
        "Громадська організація «Світанок»": registry["dawn_ngo"].pk,
        topic.phrase: None,  # not an organisation entry
    }
    before.refresh_from_db()
    assert before.organisation == registry["veterans"]


def test_a_name_that_fits_two_organisations_links_neither(registry):
    names = RegistryNames.load()
    assert names.find("Світанок") is None
    assert names.find("ГО «Ветерани Ніжина»") == registry["veterans"].pk
    assert names.find("«Ветерани Ніжина»", quoted=False) is None


def test_an_editor_typing_the_name_gets_the_link_and_the_list_shows_it(editor_client, registry):
    response = editor_client.post(
        f"{WATCH}new/", {"kind": "organisation", "phrase": "ГО «Ветерани Ніжина»", "enabled": "on"}
    )
    assert response.status_code == 302
    entry = WatchEntry.objects.get()
    assert entry.organisation == registry["veterans"]
    html = editor_client.get(WATCH).content.decode()
    assert (
        f'<a href="{registry_path(registry["veterans"])}">Громадська організація «Ветерани Ніжина»</a>'
        in html
    )
    record = editor_client.get(registry_path(registry["veterans"]))
    assert record.status_code == 200 and "41110002" in record.content.decode()


def test_an_editor_chooses_the_organisation_or_empties_a_wrong_link(editor_client, registry):
    entry = WatchEntry.objects.create(kind=WatchKind.ORGANISATION, phrase="Світанок")
    form = {"kind": "organisation", "phrase": "Світанок", "enabled": "on"}
    assert editor_client.post(f"{WATCH}edit/{entry.pk}/", form).status_code == 302
    entry.refresh_from_db()
    assert entry.organisation is None  # two «Світанок» in the registry: the editor chooses
    form["organisation"] = registry["dawn_union"].pk
    assert editor_client.post(f"{WATCH}edit/{entry.pk}/", form).status_code == 302
    entry.refresh_from_db()
    assert entry.organisation == registry["dawn_union"]
    vets = WatchEntry.objects.create(
        kind=WatchKind.ORGANISATION, phrase="Ветерани Ніжина", organisation=registry["veterans"]
    )
    form = {"kind": "organisation", "phrase": "Ветерани Ніжина", "enabled": "on", "organisation": ""}
    assert editor_client.post(f"{WATCH}edit/{vets.pk}/", form).status_code == 302
    vets.refresh_from_db()
    assert vets.organisation is None  # an emptied link of an unchanged entry stays empty


def test_only_an_organisation_entry_links_an_organisation(editor_client, registry):
    form = {"kind": "topic", "phrase": "ветерани", "enabled": "on", "organisation": registry["veterans"].pk}
    response = editor_client.post(f"{WATCH}new/", form)
    assert response.status_code == 200
    assert "лише для запису виду «Організація»" in response.content.decode()
    assert not WatchEntry.objects.exists()


@pytest.fixture
def mentioned(registry):
    """A day's article mentioning an organisation linked to the registry, and one not linked."""
    WatchEntry.objects.create(
        kind=WatchKind.ORGANISATION, phrase="Ніжинські ініціативи", organisation=registry["initiatives"]
    )
    WatchEntry.objects.create(kind=WatchKind.ORGANISATION, phrase="Світанок")
    source = Source.objects.create(name="Ніжинський вісник", slug="visnyk", url="http://127.0.0.1/rss")
    article = Article.objects.create(
        source=source,
        url="http://127.0.0.1/a/1",
        title="Толока в парку",
        text="Активісти Ніжинських ініціатив і «Світанку» провели толоку в міському парку.",
        published=datetime.datetime.combine(DAY, datetime.time(10), tzinfo=KYIV),
    )
    Article.objects.filter(pk=article.pk).update(published=article.published)
    record_mentions(article=article, watch_list=WatchList.load())
    Article.objects.filter(pk=article.pk).update(
        fetched_at=datetime.datetime.combine(DAY, datetime.time(11), tzinfo=KYIV)
    )
    return registry["initiatives"]


def test_the_digest_links_a_mentioned_organisation_to_the_registry(editor_client, mentioned):
    entries = build_digest(day=DAY).entries
    assert [(entry.phrase, entry.organisation, n) for entry, n in entries] == [
        ("Ніжинські ініціативи", mentioned, 1),
        ("Світанок", None, 1),
    ]
    html = editor_client.get("/admin/monitoring/digest/", {"day": DAY.isoformat()}).content.decode()
    registry = "реєстр: Громадська організація «Ніжинські ініціативи», ЄДРПОУ 41110001"
    link = f'<a href="{registry_path(mentioned)}">{registry}</a>'
    assert html.count(link) == 2  # among the most mentioned and beside the article's mention
    assert send_digest(day=DAY, recipients=["info@example.org"]) == 1
    body = mail.outbox[0].body
    assert (
        f"- Ніжинські ініціативи: 1\n  {registry} — http://testserver{registry_path(mentioned)}\n"
        "- Світанок: 1\n"
    ) in body


def test_the_note_names_the_registry_organisation_of_a_mentioned_one(editor_client, mentioned):
    rows = build_note(month=DAY).most_mentioned
    assert [(row.name, row.organisation and row.organisation.edrpou) for row in rows] == [
        ("Ніжинські ініціативи", "41110001"),
        ("Світанок", None),
    ]
    registry = "реєстр: Громадська організація «Ніжинські ініціативи», ЄДРПОУ 41110001"
    page = editor_client.get("/admin/monitoring/note/", {"month": "2026-11"}).content.decode()
    assert f'<a href="{registry_path(mentioned)}">{registry}</a>' in page
    download = editor_client.get(
        "/admin/monitoring/note/", {"month": "2026-11", "format": "html", "download": "1"}
    )
    html = download.content.decode()
    assert registry in html and registry_path(mentioned) not in html  # no admin link in the document
    cells = [
        cell.text
        for table in Document(io.BytesIO(to_docx(build_note(month=DAY)))).tables
        for row in table.rows
        for cell in row.cells
    ]
    assert f"Ніжинські ініціативи\n{registry}" in cells


@pytest.fixture
def watched_twice(registry):
    """The party organisation watched under two phrases, as ``watch_organisations`` adds it («партія
    «Рух»» and its faction): a day's article names both, another its faction only."""
    call_command("watch_organisations", stdout=io.StringIO())
    source = Source.objects.create(name="Ніжинський вісник", slug="visnyk", url="http://127.0.0.1/rss")
    published = datetime.datetime.combine(DAY, datetime.time(10), tzinfo=KYIV)
    texts = {
        "Збори партії": "Партія «Рух» провела збори, а фракція «Рух» у міській раді підтримала бюджет.",
        "Бюджет ухвалено": "Депутати фракції «Рух» голосували за бюджет міста на наступний рік.",
    }
    for n, (title, text) in enumerate(texts.items()):
        article = Article.objects.create(
            source=source, url=f"http://127.0.0.1/b/{n}", title=title, text=text, published=published
        )
        record_mentions(article=article, watch_list=WatchList.load())
    Article.objects.update(fetched_at=datetime.datetime.combine(DAY, datetime.time(11), tzinfo=KYIV))
    party = registry["party"]
    assert sorted(Mention.objects.values_list("article__title", "entry__phrase", "entry__organisation")) == [
        ("Бюджет ухвалено", "Фракція «Рух»", party.pk),
        ("Збори партії", "Фракція «Рух»", party.pk),
        ("Збори партії", "партія «Рух»", party.pk),
    ]
    return party


BOTH = "Фракція «Рух» / партія «Рух»"
PARTY_REGISTRY = "реєстр: Ніжинська міська організація партії «Рух», ЄДРПОУ 41110003"


def test_an_organisation_watched_under_two_phrases_is_one_row_of_the_note(editor_client, watched_twice):
    rows = build_note(month=DAY).most_mentioned
    assert [(*row[:3], row.organisation.pk) for row in rows] == [("Організація", BOTH, 2, watched_twice.pk)]
    page = editor_client.get("/admin/monitoring/note/", {"month": "2026-11"}).content.decode()
    assert page.count(PARTY_REGISTRY) == 1
    table = Document(io.BytesIO(to_docx(build_note(month=DAY)))).tables[-1]
    assert [[cell.text for cell in row.cells] for row in table.rows[1:]] == [
        ["Організація", f"{BOTH}\n{PARTY_REGISTRY}", "2"]
    ]


def test_an_organisation_watched_under_two_phrases_is_counted_once_per_article_in_the_digest(watched_twice):
    assert [(entry.phrase, entry.organisation, n) for entry, n in build_digest(day=DAY).entries] == [
        (BOTH, watched_twice, 2)
    ]
    assert send_digest(day=DAY, recipients=["info@example.org"]) == 1
    assert f"- {BOTH}: 2\n  {PARTY_REGISTRY} — " in mail.outbox[0].body
