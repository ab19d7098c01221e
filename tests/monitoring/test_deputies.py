"""Deputies on the watch list: added from the council, found by their names as the press writes them."""

import io

import pytest
from django.core.management import call_command

from council.kinds import DeputyStatus
from monitoring.digest import build_digest, kyiv_today
from monitoring.matching import WatchList, record_mentions
from monitoring.models import Article, Source, WatchEntry, WatchKind
from tests.council.factories import DeputyFactory

pytestmark = pytest.mark.django_db

BOIKO = "Бойко Олександр Миколайович"


def watch(*names):
    return WatchList([WatchEntry.objects.create(kind=WatchKind.DEPUTY, phrase=name) for name in names])


def found(watch_list, text):
    return [(match.entry.phrase, match.phrase) for match in watch_list.match(text)]


def test_acting_deputies_join_the_watch_list_once_linked_to_the_deputy():
    boiko = DeputyFactory(full_name=BOIKO)
    DeputyFactory(full_name="Коваль Петро Іванович", status=DeputyStatus.ENDED, mandate_ended_on="2024-01-01")
    out = io.StringIO()
    call_command("watch_deputies", stdout=out)
    call_command("watch_deputies", stdout=io.StringIO())
    assert out.getvalue().strip() == "1 watch-list entries added"
    entry = WatchEntry.objects.get()
    assert (entry.kind, entry.phrase, entry.deputy) == (WatchKind.DEPUTY, BOIKO, boiko)


def test_a_watched_deputy_keeps_the_editors_phrase_when_added_again():
    boiko = DeputyFactory(full_name=BOIKO)
    call_command("watch_deputies", stdout=io.StringIO())
    WatchEntry.objects.filter(deputy=boiko).update(phrase="Бойко Олександр", enabled=False)
    call_command("watch_deputies", stdout=io.StringIO())
    assert list(WatchEntry.objects.values_list("phrase", "enabled")) == [("Бойко Олександр", False)]


@pytest.mark.parametrize(
    "text,written",
    [
        ("Звернення депутата Бойка розглянули на комісії.", "депутата Бойка"),
        ("Депутат міської ради Бойко провів прийом.", "Депутат міської ради Бойко"),
        ("Грамоту вручили Олександрові Бойку.", "Олександрові Бойку"),
        ("Олександра Бойка привітали з ювілеєм.", "Олександра Бойка"),
        ("Бойко Олександр виступив на сесії.", "Бойко Олександр"),
        ("Слово мав О. М. Бойко.", "О. М. Бойко"),
        ("Заяву підписав Бойко О.М.", "Бойко О.М."),
    ],
)
def test_a_deputy_is_found_by_inflected_name_forms(text, written):
    assert found(watch(BOIKO), text) == [(BOIKO, written)]


@pytest.mark.parametrize(
    "text",
    [
        "Бойко заявив, що ремонт триватиме.",  # a bare surname: some Бойко, not necessarily ours
        "На ярмарку бойко торгували медом.",  # the adverb
        "Оксана Бойко перемогла в олімпіаді.",  # another first name
        "І. Бойко очолив федерацію.",  # another initial
    ],
)
def test_a_bare_or_other_bearer_of_the_surname_is_not_the_deputy(text):
    assert found(watch(BOIKO), text) == []


def test_a_title_alone_does_not_tell_two_deputies_of_one_surname_apart():
    watch_list = watch(BOIKO, "Бойко Оксана Іванівна")
    assert found(watch_list, "Звернення депутата Бойка розглянули.") == []
    assert found(watch_list, "Депутатка Оксана Бойко звернулася до виконкому.") == [
        ("Бойко Оксана Іванівна", "Оксана Бойко")
    ]


def test_a_deputy_entry_needs_a_surname_and_a_first_name(editor_client):
    response = editor_client.post("/admin/monitoring/watch/new/", {"kind": "deputy", "phrase": "Бойко"})
    assert response.status_code == 200
    assert "прізвище та ім" in response.content.decode()
    assert not WatchEntry.objects.exists()


def test_a_mentioned_deputy_is_among_the_digests_most_mentioned():
    watch_list = watch(BOIKO)
    source = Source.objects.create(name="Вісник", slug="visnyk", url="http://127.0.0.1/rss")
    article = Article.objects.create(
        source=source, url="http://127.0.0.1/a/1", title="Прийом", text="Депутат Бойко прийняв мешканців."
    )
    record_mentions(article=article, watch_list=watch_list)
    assert [(entry.phrase, n) for entry, n in build_digest(day=kyiv_today()).entries] == [(BOIKO, 1)]
