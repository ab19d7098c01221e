"""Search as citizens type it, on the council's own vocabulary: look-alike letters, hyphenated words,
long pasted queries, and snippets of long legal sentences shown with the page's own typography."""

import datetime

import pytest

from cms import analysis
from pages.models import ActType
from search.models import SynonymGroup
from search.snippets import sentences, snippet
from tests import factories as f

# A decision's preamble: one sentence of some 480 characters, the street named near its end.
PREAMBLE = (
    "Відповідно до статей 25, 26, 42, 59, 60, 73 Закону України «Про місцеве самоврядування в Україні», "
    "Регламенту Ніжинської міської ради Чернігівської області VIII скликання, затвердженого рішенням "
    "Ніжинської міської ради від 27 листопада 2020 року № 3-2/2020, розглянувши клопотання товариства з "
    "обмеженою відповідальністю «Агроінвест» щодо надання дозволу на розроблення проєкту землеустрою щодо "
    "відведення земельної ділянки на вулиці Гребінки, міська рада вирішила: надати дозвіл."
)


def result_ids(response):
    return [r["page"].pk for r in response.context["results"]]


def snippets(response):
    return [str(r["snippet"]) for r in response.context["results"]]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("рiшення", "рішення"),  # Latin i
        ("сесiї", "сесія"),  # Latin i
        ("Kиїв", "київ"),  # Latin K
        ("ïжак", "їжак"),  # Latin ï
        ("РIШЕННЯ", "рішення"),  # Latin I in capitals
        ("cecія", "сесія"),  # Latin c and e
    ],
)
def test_latin_look_alikes_inside_a_cyrillic_word_are_read_as_cyrillic(typed, meant):
    assert analysis.lemmas(typed) == [meant]


def test_a_latin_word_keeps_its_letters():
    assert analysis.index_text("Wi-Fi e-mail") == analysis.index_text("wi-fi e-mail")
    assert "wifi" in analysis.index_text("Wi-Fi").split()


def test_query_with_a_latin_i_finds_the_page(search, make_act):
    act = make_act(title="Про скликання сесії", act_type=ActType.MAYOR_ORDER, summary="Скликати сесію ради.")
    make_act(title="Про інше", act_type=ActType.PROTOCOL, summary="Інше питання.")
    response = search("сесiя")  # Latin i, as a keyboard left in English types it
    assert result_ids(response) == [act.pk]
    assert response.context["partial"] is False


def test_page_typed_with_a_latin_letter_is_found_by_the_right_word(search, make_act):
    # An editor's typo in the page: «Ніжинcької» with a Latin c.
    act = make_act(title="Звіт", act_type=ActType.PROTOCOL, summary="Засідання Ніжинcької міської ради.")
    make_act(title="Інший звіт", act_type=ActType.PROTOCOL, summary="Засідання Київської міської ради.")
    response = search("Ніжинська рада")
    assert result_ids(response) == [act.pk]
    assert response.context["partial"] is False


def test_act_number_with_a_latin_look_alike_finds_the_act_first(search, make_act):
    act = make_act(title="Про відпустку", act_type=ActType.MAYOR_ORDER, number="112-р")
    make_act(title="Про згадку 112", act_type=ActType.MAYOR_ORDER, number="5-р", summary="Див. № 112.")
    assert result_ids(search("№ 112-p"))[0] == act.pk  # Latin p


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("східний", "Північно-Східний район отримає новий сквер."),
        ("економічного розвитку", "Програма соціально-економічного розвитку громади."),
        ("будь який", "Будь-який мешканець може подати пропозицію."),
    ],
)
def test_a_part_of_a_hyphenated_word_finds_the_page(search, news_index, query, text):
    page = f.NewsPageFactory(parent=news_index, title="Новина", lead=text, date=datetime.date(2026, 3, 2))
    f.NewsPageFactory(
        parent=news_index, title="Інша новина", lead="Про інше.", date=datetime.date(2026, 3, 3)
    )
    response = search(query)
    assert result_ids(response) == [page.pk]
    assert response.context["partial"] is False


def test_the_whole_hyphenated_word_still_finds_the_page_and_is_marked(search, news_index):
    page = f.NewsPageFactory(
        parent=news_index, title="Новина", lead="Північно-Східний район отримає новий сквер."
    )
    response = search("північно-східного")
    assert result_ids(response) == [page.pk]
    assert "<mark>Північно-Східний</mark>" in snippets(response)[0]
    assert "<mark>Північно-Східний</mark>" in snippets(search("східний"))[0]


def test_a_long_query_is_cut_at_a_word():
    query = "бюджет громади " * 20  # 300 characters: the limit falls inside a word
    cleaned = analysis.clean_query(query)
    assert len(cleaned) <= analysis.MAX_QUERY_CHARS
    assert set(cleaned.split()) == {"бюджет", "громади"}
    assert analysis.clean_query("я" * 5000) == "я" * analysis.MAX_QUERY_CHARS


def test_a_long_pasted_query_finds_the_page_holding_every_word(search, news_index):
    page = f.NewsPageFactory(parent=news_index, title="Бюджет громади", lead="Бюджет громади ухвалено.")
    f.NewsPageFactory(parent=news_index, title="Бюджет області", lead="Інше.")
    response = search("бюджет громади " * 20)
    assert result_ids(response) == [page.pk]
    assert response.context["partial"] is False


def test_snippet_of_a_long_sentence_shows_the_match(search, make_act):
    make_act(title="Про надання дозволу", act_type=ActType.COUNCIL_DECISION, summary=PREAMBLE)
    (snippet,) = snippets(search("вулиця Гребінки"))
    assert "<mark>вулиці</mark> <mark>Гребінки</mark>" in snippet
    assert snippet.startswith("…")
    # It starts at a word of the text, and is no longer than a snippet may be.
    first_word = snippet[1:].split()[0]
    assert f" {first_word} " in PREAMBLE
    assert len(snippet.replace("<mark>", "").replace("</mark>", "")) <= 245


def test_snippet_of_a_short_match_still_starts_at_its_sentence(search, make_act):
    make_act(title="Про надання дозволу", act_type=ActType.COUNCIL_DECISION, summary=PREAMBLE)
    (snippet,) = snippets(search("Закону України"))
    assert snippet.startswith("Відповідно до статей")


def test_snippet_keeps_the_page_s_quotes_dashes_and_apostrophes(search, news_index):
    f.NewsPageFactory(
        parent=news_index,
        title="Ремонт ґанку",
        lead="Роботи виконала бригада «Шевчук і партнери» — сучасно та якісно, на об’єкті в п’ятницю.",
    )
    (snippet,) = snippets(search("сучасно"))
    assert "«Шевчук і партнери» — <mark>сучасно</mark>" in snippet
    assert "об’єкті" in snippet
    (snippet,) = snippets(search("об'єкт"))  # the apostrophe a keyboard types
    assert "<mark>об’єкті</mark>" in snippet


def test_snippet_sentence_goes_on_after_an_abbreviation_or_an_initial(search, make_act):
    make_act(
        title="Про передачу земельних ділянок",
        act_type=ActType.COUNCIL_DECISION,
        summary="Передати земельну ділянку на вул. Гоголя гр. Бойку та гр. Шевчуку Т. Г. у власність. Інше.",
    )
    (snippet,) = snippets(search("Шевчука"))
    assert snippet.startswith(
        "Передати земельну ділянку на вул. Гоголя гр. Бойку та гр. <mark>Шевчуку</mark>"
    )
    assert "Т. Г. у власність." in snippet


def test_a_sum_in_hryvnias_still_ends_its_sentence():
    assert sentences(["Виділити 5 тис. грн. Роботи почнуться навесні."]) == [
        "Виділити 5 тис. грн.",
        "Роботи почнуться навесні.",
    ]


def test_the_conjunction_i_is_a_stop_word():
    assert analysis.lemmas("ремонт і благоустрій") == ["ремонт", "благоустрій"]
    assert analysis.lemmas("рішення якого засідання") == ["рішення", "засідання"]


def test_a_query_joined_by_i_finds_the_page_joined_by_ta(search, news_index):
    page = f.NewsPageFactory(parent=news_index, title="Ремонт та благоустрій парку", lead="Роботи тривають.")
    f.NewsPageFactory(parent=news_index, title="Ремонт даху", lead="Роботи тривають.")
    response = search("ремонт і благоустрій")
    assert result_ids(response) == [page.pk]
    assert response.context["partial"] is False


def test_a_lone_number_finds_the_order_numbered_with_a_suffix(search, make_act, news_index):
    order = make_act(title="Про відпустку", act_type=ActType.MAYOR_ORDER, number="101-р")
    mention = f.NewsPageFactory(parent=news_index, title="Новина", lead="Розпорядження № 101 діє.")
    response = search("розпорядження 101")
    assert set(result_ids(response)) == {order.pk, mention.pk}
    assert result_ids(response)[0] == order.pk  # its type and number weigh like its title
    assert response.context["partial"] is False


def test_a_lone_number_still_pins_the_act_numbered_exactly_so(search, make_act):
    suffixed = make_act(title="Про відпустку", act_type=ActType.MAYOR_ORDER, number="101-р")
    exact = make_act(title="Про інше", act_type=ActType.COUNCIL_DECISION, number="101")
    ids = result_ids(search("№ 101"))
    assert ids[0] == exact.pk and suffixed.pk in ids


@pytest.mark.parametrize(
    "typed", ["N 12-45/2026", "N12-45/2026", "No. 12-45/2026", "#12-45/2026", "Nº12-45/2026"]
)
def test_a_number_sign_typed_on_a_latin_keyboard_finds_the_act_first(search, make_act, news_index, typed):
    act = make_act(title="Про програму", act_type=ActType.COUNCIL_DECISION, number="12-45/2026")
    f.NewsPageFactory(parent=news_index, title="Новина", lead="Згадано рішення № 12-45/2026.")
    make_act(title="Про інше", act_type=ActType.COUNCIL_DECISION, number="12-46/2026")
    response = search(typed)
    assert result_ids(response)[0] == act.pk
    assert len(result_ids(response)) == 2
    assert response.context["partial"] is False


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("депутаты", "депутат"), ("тарифы", "тариф"), ("решения", "решение"), ("улицы", "улица")],
)
def test_a_russian_form_is_read_by_its_russian_lemma_first(typed, meant):
    assert analysis.lemmas(typed)[0] in {meant, analysis.lemmas(meant)[0]}


def test_a_ukrainian_word_keeps_its_ukrainian_lemmas():
    for word in ("рішенню", "Ніжина", "Шевчука", "вулиці", "об’єкт", "новости"):
        assert analysis.query_term_groups(word) == [analysis.lemma_variants(analysis.normalize(word))]


def test_russian_forms_of_shared_words_find_the_ukrainian_page(search, news_index):
    page = f.NewsPageFactory(
        parent=news_index, title="Депутати ухвалили нові тарифи на воду", lead="Із січня."
    )
    f.NewsPageFactory(parent=news_index, title="Тарифи на тепло", lead="Із січня.")
    for query in ("депутаты", "тарифы на воду"):
        response = search(query)
        assert result_ids(response) == [page.pk], query
        assert response.context["partial"] is False


def test_an_editors_russian_synonym_serves_every_form(search, make_act):
    SynonymGroup.objects.create(terms="рішення\nрешение")
    SynonymGroup.objects.create(terms="сесія\nсессия")
    act = make_act(title="Про скликання сесії", act_type=ActType.MAYOR_ORDER, summary="Рішенням визначено.")
    make_act(title="Про інше", act_type=ActType.PROTOCOL, summary="Інше питання.")
    for query in ("решения сессии", "решению", "сессия"):
        assert result_ids(search(query)) == [act.pk], query


def test_snippet_shows_a_match_that_ends_just_before_the_width():
    # «вулиці» ends at character 239, a comma after it: the last space before 240 is the one before it.
    text = "слово " * 38 + "дуже вулиці, " + "ще одне слово " * 10
    assert text.index("вулиці") + len("вулиці") == 239
    html = str(snippet([text], ["вулиця"]))
    assert "<mark>вулиці</mark>" in html
    assert html.startswith("…") and len(html) < 260
