"""The site's lemma postings: kept in step with the page index, and ranking citizen search."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from search import postings
from search.models import Posting
from search.query import build_query
from search.ranking import find_page_ids
from tests import factories as f


def terms_of(page):
    return dict(Posting.objects.filter(page=page).values_list("term", "weight"))


def test_publishing_writes_the_lemmas_of_the_page(make_act):
    act = make_act(title="Про бюджет", summary="Громадські слухання щодо бюджету відбудуться у вівторок.")
    terms = terms_of(act)
    assert {"бюджет", "слухання", "громадський", "вівторок"} <= terms.keys()
    assert "щодо" not in terms  # a stop-word
    assert terms["бюджет"] > terms["вівторок"]  # in the title


def test_unpublishing_and_deleting_remove_the_postings(make_act):
    act = make_act(title="Про бюджет")
    act.unpublish()
    assert terms_of(act) == {}
    act.save_revision().publish()
    assert terms_of(act)
    pk = act.pk
    act.delete()
    assert not Posting.objects.filter(page_id=pk).exists()


def test_update_index_rebuilds_lost_postings(make_act):
    act = make_act(title="Про бюджет")
    Posting.objects.all().delete()
    call_command("update_index", verbosity=0)
    assert "бюджет" in terms_of(act)


def test_bulk_indexing_of_the_imports_writes_postings(make_act):
    from cms.bulk import index_in_bulk
    from pages.models import ActPage

    act = make_act(title="Про бюджет")
    Posting.objects.all().delete()
    assert index_in_bulk(ActPage, [act.pk], chunk_size=10) == 1
    assert "бюджет" in terms_of(act)


def test_title_match_ranks_above_a_mention_in_the_text(make_act):
    mention = make_act(title="Про тарифи", summary="Окремо про бюджет міста.")
    about = make_act(title="Про бюджет міста", summary="Розподіл коштів.")
    assert find_page_ids("бюджету").ids == [about.pk, mention.pk]


def test_rare_word_outweighs_a_common_one(make_act):
    for i in range(5):
        make_act(title=f"Про бюджет {i}", summary="Бюджет і програма.")
    rare = make_act(title="Про інше", summary="Стадіон, а також бюджет.")
    common = make_act(title="Про бюджет", summary="Бюджет, бюджет і бюджет.")
    ids = find_page_ids("бюджет стадіону").ids
    assert ids == [rare.pk]  # every word must match
    assert common.pk not in ids


def test_short_text_ranks_above_long_one_with_the_same_mentions(make_act):
    filler = " ".join(["Розподіл коштів міської програми."] * 60)
    long = make_act(title="Про інше", summary="Реконструкція стадіону. " + filler)
    short = make_act(title="Про інше", summary="Реконструкція стадіону.")
    assert find_page_ids("стадіон").ids == [short.pk, long.pk]


def test_synonym_phrase_matches_as_a_whole(make_act):
    from search.models import SynonymGroup

    SynonymGroup.objects.create(terms="виконком\nвиконавчий комітет")
    whole = make_act(title="Засідання виконавчого комітету")
    half = make_act(title="Комітет з питань освіти")
    ids = find_page_ids("виконком").ids
    assert whole.pk in ids and half.pk not in ids


def test_when_no_page_holds_every_word_pages_with_some_are_found_and_said_so(client, make_act):
    act = make_act(title="Про тарифну сітку", summary="Послуги підприємства Ніжинводоканал.")
    make_act(title="Про інше")
    found = find_page_ids("тарифи Ніжинводоканалу")
    assert (found.ids, found.partial) == ([act.pk], True)
    response = client.get("/search/", {"q": "тарифи Ніжинводоканалу"})
    assert "не містить усіх слів" in response.content.decode()
    assert find_page_ids("Ніжинводоканалу").partial is False


def test_private_pages_are_not_found(make_act):
    act = make_act(title="Бюджет для службового користування")
    PageViewRestriction.objects.create(page=act, restriction_type=PageViewRestriction.LOGIN)
    assert terms_of(act)  # still indexed: editors may see it
    assert find_page_ids("бюджет").ids == []


def test_a_narrower_queryset_is_searched_within(make_act, news_index):
    from pages.models import NewsPage

    make_act(title="Про бюджет")
    news = f.NewsPageFactory(parent=news_index, title="Бюджет ухвалено")
    assert find_page_ids("бюджет", queryset=NewsPage.objects.live()).ids == [news.pk]


@pytest.mark.parametrize("raw", ["бюджет", "бюджет стадіон", "виконавчий комітет"])
def test_find_reads_only_the_query_terms(raw, make_act, django_assert_max_num_queries):
    make_act(title="Про бюджет стадіону виконавчого комітету")
    with django_assert_max_num_queries(3):
        assert postings.find(build_query(raw, groups=[]), limit=10)


def test_a_word_searched_before_any_page_held_it_is_found_once_published(make_act):
    assert find_page_ids("сквер").ids == []
    act = make_act(title="Про сквер")
    assert find_page_ids("сквер").ids == [act.pk]


def test_a_word_longer_than_the_term_column_finds_its_page(make_act):
    """A 120-letter compound or a pasted address is kept by its first 64 characters on both sides."""
    compound = "вулично" * 10 + "ремонтний"  # 79 letters, one word, beyond the 64 of the column
    act = make_act(title=f"Про {compound} план")
    make_act(title="Про бюджет")
    assert find_page_ids(compound).ids == [act.pk]
    assert find_page_ids(f"{compound} план").ids == [act.pk]
    found = find_page_ids("бюджет " + "я" * 70)  # a long word no page holds
    assert (len(found.ids), found.partial) == (1, True)
    assert find_page_ids("я" * 70).ids == []


def test_synonyms_edited_in_the_admin_apply_at_once(make_act):
    from search.models import SynonymGroup

    act = make_act(title="Засідання виконавчого комітету")
    assert find_page_ids("виконком").ids == []  # the analysed groups are now cached
    group = SynonymGroup.objects.create(terms="виконком\nвиконавчий комітет")
    assert find_page_ids("виконком").ids == [act.pk]
    group.delete()
    assert find_page_ids("виконком").ids == []
