import pytest

from cms.text import admin_default_slugs, slugify_uk, transliterate_uk


# Examples from the table of the Cabinet of Ministers resolution No. 55 of 27.01.2010.
@pytest.mark.parametrize(
    "ukrainian, latin",
    [
        ("Алушта", "Alushta"),
        ("Борщагівка", "Borshchahivka"),
        ("Вінниця", "Vinnytsia"),
        ("Гадяч", "Hadiach"),
        ("Згорани", "Zghorany"),
        ("Розгон", "Rozghon"),
        ("Ґалаґан", "Galagan"),
        ("Дон", "Don"),
        ("Рівне", "Rivne"),
        ("Єнакієве", "Yenakiieve"),
        ("Наєнко", "Naienko"),
        ("Житомир", "Zhytomyr"),
        ("Закарпаття", "Zakarpattia"),
        ("Медвин", "Medvyn"),
        ("Іршава", "Irshava"),
        ("Їжакевич", "Yizhakevych"),
        ("Кадиївка", "Kadyivka"),
        ("Йосипівка", "Yosypivka"),
        ("Стрий", "Stryi"),
        ("Олексій", "Oleksii"),
        ("Харків", "Kharkiv"),
        ("Біла Церква", "Bila Tserkva"),
        ("Чернівці", "Chernivtsi"),
        ("Шостка", "Shostka"),
        ("Гоща", "Hoshcha"),
        ("Юрій", "Yurii"),
        ("Корюківка", "Koriukivka"),
        ("Яготин", "Yahotyn"),
        ("Ічня", "Ichnia"),
        ("Знам'янка", "Znamianka"),
        ("Короп’є", "Koropie"),
        ("Щербухи", "Shcherbukhy"),
        ("Ніжин", "Nizhyn"),
    ],
)
def test_transliteration_follows_the_official_table(ukrainian, latin):
    assert transliterate_uk(ukrainian) == latin


def test_word_initial_letters_are_written_differently_inside_a_word():
    assert transliterate_uk("Юрій Юрченко") == "Yurii Yurchenko"
    assert transliterate_uk("Яготин і Маяк") == "Yahotyn i Maiak"


def test_slug_is_lower_case_ascii_joined_by_hyphens():
    assert slugify_uk("Рішення 4-49/2018") == "rishennia-4-49-2018"
    assert slugify_uk("  Про «бюджет» на 2019 рік!  ") == "pro-biudzhet-na-2019-rik"


def test_admin_default_slugs_include_the_admin_javascript_spelling():
    defaults = admin_default_slugs("Про бюджет")
    assert "pro-biudzhet" in defaults  # ours
    assert "pro-byudzhet" in defaults  # what the admin's urlify.js writes
    assert "" in defaults


@pytest.mark.parametrize("apostrophe", ["'", "’", "ʼ", "`"])
def test_every_apostrophe_is_dropped(apostrophe):
    assert transliterate_uk(f"Знам{apostrophe}янка") == "Znamianka"
    assert slugify_uk(f"Пам{apostrophe}ять") == "pamiat"
