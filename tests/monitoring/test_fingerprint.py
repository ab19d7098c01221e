from monitoring.fingerprint import distance, is_near_duplicate, shingles, simhash

from .server import ARTICLES, CP1251_TEXT

#: An article of usual length (about 120 words): the four fixture articles and the cp1251 one.
TEXT = " ".join(body for _title, body in list(ARTICLES.values())[:4]) + " " + CP1251_TEXT
UNRELATED = (
    "Футбольний клуб провів товариський матч на міському стадіоні й переміг з рахунком два один. "
    "Тренер подякував уболівальникам за підтримку, а наступна гра відбудеться в суботу ввечері "
    "на виїзді, куди клуб організує автобус для охочих підтримати команду."
)


def test_the_same_text_has_the_same_fingerprint_whatever_the_case_and_spacing():
    assert simhash(TEXT) == simhash("  " + TEXT.upper().replace(" ", "   "))


def test_a_reprint_with_a_changed_word_and_a_footer_is_a_near_duplicate():
    reprint = TEXT.replace("двадцять", "тридцять") + " Джерело: Вісник."
    assert is_near_duplicate(simhash(TEXT), simhash(reprint))


def test_unrelated_texts_are_far_apart():
    assert distance(simhash(TEXT), simhash(UNRELATED)) > 12
    assert not is_near_duplicate(simhash(TEXT), simhash(UNRELATED))


def test_the_fingerprint_fits_a_signed_bigint_and_no_words_give_zero():
    values = [simhash(text) for text in (TEXT, CP1251_TEXT, "a b c d", "щось інше тут")]
    assert all(-(2**63) <= value < 2**63 for value in values)
    assert simhash(" ,.! ") == 0 and not is_near_duplicate(0, 0)


def test_shingles_overlap_and_a_short_text_is_one_shingle():
    assert shingles("Один два три чотири") == ["один два три", "два три чотири"]
    assert shingles("Один два") == ["один два"]
