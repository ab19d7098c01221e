"""Watch-list phrases found in inflected Ukrainian text through the site's own lemmas."""

import pytest

from monitoring.matching import WatchList, record_mentions, snippet
from monitoring.models import Article, Mention, Source, WatchEntry, WatchKind


def entry(phrase, kind=WatchKind.TOPIC):
    return WatchEntry(kind=kind, phrase=phrase)


def found(phrases, text):
    return [(m.entry.phrase, m.phrase) for m in WatchList([entry(p) for p in phrases]).match(text)]


def test_an_inflected_phrase_matches_its_dictionary_form():
    assert found(["міський голова"], "Мешканці звернулися до міського голови.") == [
        ("міський голова", "міського голови")
    ]
    assert found(["міський голова"], "Лист надіслали міському голові") == [
        ("міський голова", "міському голові")
    ]


def test_a_phrase_written_inflected_matches_other_forms():
    assert found(["ремонту доріг"], "Розпочали ремонт дороги на Шевченка") == [
        ("ремонту доріг", "ремонт дороги")
    ]


def test_words_must_follow_each_other_in_the_phrase_order():
    assert found(["ремонт доріг"], "Доріг немає, ремонт триває") == []
    assert found(["міський голова"], "голова міської комісії") == []


def test_stop_words_between_words_do_not_break_a_match():
    assert found(["тарифи на воду"], "Нові тарифи на воду") == [("тарифи на воду", "тарифи на воду")]


def test_a_single_word_topic_matches_any_form_and_is_recorded_once():
    assert found(["тарифи"], "Про тарифах і тарифів знову говорили") == [("тарифи", "тарифах")]


def test_act_numbers_match_whole_numbers_only():
    watch = WatchList([entry("№ 4-49/2018", WatchKind.ACT_NUMBER)])
    assert [m.phrase for m in watch.match("Рішення 4-49/2018 скасовано")] == ["№ 4-49/2018"]
    assert watch.match("Рішення 14-49/2018 і 4-49/2019 чинні") == []


def test_a_snippet_is_cut_at_words_around_the_match():
    text = (
        " ".join(f"слово{i}" for i in range(60))
        + " міському голові "
        + " ".join(f"інше{i}" for i in range(60))
    )
    start = text.index("міському")
    cut = snippet(text, start, start + len("міському голові"), width=30)
    assert cut.startswith("…слово") and cut.endswith("…") and "міському голові" in cut
    assert len(cut) < 100 and "  " not in cut


@pytest.mark.django_db
def test_mentions_are_stored_and_replaced_when_matched_again():
    source = Source.objects.create(name="Вісник", slug="visnyk", url="http://127.0.0.1/rss")
    article = Article.objects.create(
        source=source, url="http://127.0.0.1/a", title="Про тарифи", text="Тарифи зростуть."
    )
    topic = WatchEntry.objects.create(kind=WatchKind.TOPIC, phrase="тарифи")
    WatchEntry.objects.create(kind=WatchKind.TOPIC, phrase="ремонт доріг", enabled=False)
    record_mentions(article=article, watch_list=WatchList.load())
    record_mentions(article=article, watch_list=WatchList.load())
    mention = Mention.objects.get()
    assert (mention.entry, mention.phrase, mention.snippet) == (
        topic,
        "тарифи",
        "Про тарифи Тарифи зростуть.",
    )
