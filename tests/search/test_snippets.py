"""Snippets start at a sentence holding a query word, never with a stray number or date, never twice."""

import datetime

from search.snippets import sentences, snippet
from tests import factories as f


def test_snippet_starts_at_the_sentence_with_the_query_word():
    texts = ["Засідання відкрив голова. Далі розглянули бюджет міста на рік. Інше питання."]
    html = str(snippet(texts, ["бюджет"]))
    assert html.startswith("Далі розглянули <mark>бюджет</mark> міста")


def test_snippet_never_starts_with_a_stray_number_or_date():
    assert str(snippet(["17", "Тарифи на воду затверджено."], ["тариф"])).startswith("<mark>Тарифи</mark>")
    html = str(snippet(["· 25 січня 2019 року відбулася сесія щодо бюджету."], ["бюджет"]))
    assert html.startswith("відбулася сесія")
    html = str(snippet(["17 …", "12.03.2024 Бюджет прийнято."], ["інше"]))
    assert html.startswith("Бюджет прийнято")


def test_snippet_never_repeats_the_lead_nor_the_title():
    lead = "Сесія затвердила бюджет громади."
    texts = ["Бюджет громади", lead, lead + " Депутати підтримали зміни."]
    found = sentences(texts, skip=["Бюджет громади"])
    assert found == ["Сесія затвердила бюджет громади.", "Депутати підтримали зміни."]
    html = str(snippet(texts, ["бюджет"], skip=["Бюджет громади"]))
    assert html.count("Сесія затвердила") == 1


def test_snippet_is_escaped_html_with_marks():
    html = snippet(['<script>alert(1)</script> Бюджет & "тарифи".'], ["бюджет"])
    assert "<script>" not in html
    assert "<mark>Бюджет</mark> &amp; &quot;тарифи&quot;." in html


def test_long_snippet_is_cut_at_a_word():
    html = str(snippet(["Бюджет " + "міста " * 100], ["бюджет"], width=60))
    assert html.endswith("міста…") and len(html) < 90


def test_search_page_snippet_skips_the_number_and_the_repeated_lead(search, news_index, make_act):
    make_act(title="Про бюджет", number="17", summary="17. Бюджет міста на 2019 рік затверджено.")
    f.NewsPageFactory(
        parent=news_index,
        title="Бюджет ухвалено",
        lead="Депутати ухвалили бюджет.",
        body=[("paragraph", "<p>Депутати ухвалили бюджет. · 25 січня 2019 Інші новини про бюджет.</p>")],
        date=datetime.date(2019, 1, 25),
    )
    snippets = [str(r["snippet"]) for r in search("бюджет").context["results"]]
    assert all(s[:1].isalpha() or s.startswith("<mark>") for s in snippets), snippets
    assert not any(s.count("Депутати ухвалили") > 1 for s in snippets), snippets
