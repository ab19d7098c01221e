from registry.columns import COLUMNS, file_row_number, normalise_headers


def test_headers_are_matched_by_title_or_attribute_whatever_the_case_and_spacing():
    headers, problems = normalise_headers(["\ufeffназва ", "EDRPOU", "  Дата   реєстрації"])
    assert headers == ["Назва", "Код ЄДРПОУ", "Дата реєстрації"] and problems == []


def test_unknown_repeated_and_missing_columns_are_each_named():
    _, problems = normalise_headers(["Назва", "Назва", "Код"])
    assert problems == [
        "Колонка «Назва» трапляється двічі.",
        f"Невідома колонка «Код» (колонка 3). Очікувані колонки: {', '.join(c for _, c in COLUMNS)}.",
        "Бракує обов'язкової колонки «Код ЄДРПОУ».",
    ]


def test_the_first_data_row_is_row_2_of_the_spreadsheet():
    assert file_row_number(1) == 2
