"""Unknown issuers, act types and item types: reported once per value, created when the operator asks.

A fresh site (the issuers from the data migration, no demo) imports every valid act.
"""

from pages.models import ActPage, Issuer, NewsPage

from .conftest import act_item, news_item
from .test_formats import ACT_COLUMNS, write_csv
from .test_import import run, summary_counts


def test_a_fresh_site_imports_acts_of_the_council_its_committee_and_the_mayor(bundle, home_page):
    out, err = run(
        bundle.add(
            act_item("a1", issuer="Ніжинська міська рада"),
            act_item(
                "a2", issuer="Виконавчий комітет Ніжинської міської ради", act_type="executive_decision"
            ),
            act_item("a3", issuer="Міський голова", act_type="mayor_order"),
            act_item("a4", issuer="Виконком", act_type="executive_decision"),
        ).write()
    )
    assert summary_counts(out)["створено"] == 4 and err == ""
    assert dict(ActPage.objects.values_list("legacy_id", "issuer__slug")) == {
        "a1": "miska-rada",
        "a2": "vykonkom",
        "a3": "miskyi-holova",
        "a4": "vykonkom",
    }


def test_an_unknown_issuer_is_reported_once_with_its_count_and_first_lines(bundle, home_page):
    acts = [act_item(f"a{n}", issuer="Невідома рада") for n in range(7)]
    out, err = run(bundle.add(*acts, act_item("b1", issuer="Інший орган"), news_item("n1")).write())
    assert err.count("Невідома рада") == 1 and err.count("Інший орган") == 1
    assert "невідомий орган «Невідома рада» (поле issuer): 7 рядків, перші: 1, 2, 3, 4, 5" in err
    assert "невідомий орган «Інший орган» (поле issuer): 1 рядок, перші: 8" in err
    assert "--create-missing-issuers" in err
    assert summary_counts(out)["з помилками: невідомий орган"] == 8
    assert NewsPage.objects.filter(legacy_id="n1").exists() and not ActPage.objects.exists()


def test_an_unknown_act_type_is_reported_once_per_value(bundle, home_page):
    _, err = run(
        bundle.add(act_item("a1", act_type="ordinance"), act_item("a2", act_type="ordinance")).write()
    )
    assert err.count("ordinance") == 1
    assert "невідоме значення «ordinance» (поле act_type): 2 рядки, перші: 1, 2" in err


def test_missing_issuers_are_created_when_the_operator_asks(bundle, home_page):
    path = bundle.add(act_item("a1", issuer="Нова рада"), act_item("a2", issuer="нова  рада")).write()
    out, _ = run(path, "--dry-run", "--create-missing-issuers")
    assert summary_counts(out)["створено"] == 2 and not Issuer.objects.filter(name="Нова рада").exists()
    out, err = run(path, "--create-missing-issuers")
    issuer = Issuer.objects.get(name="Нова рада")
    assert set(ActPage.objects.values_list("issuer", flat=True)) == {issuer.pk}
    assert "Створено органи: Нова рада" in out and summary_counts(out)["створено органів"] == 1


def test_the_csv_path_reports_an_unknown_issuer_once_per_value(bundle, home_page):
    row = {
        "title": "Рішення",
        "published": "05.05.2018",
        "act_type": "council_decision",
        "status": "in_force",
    }
    write_csv(
        bundle.root / "act.csv",
        ACT_COLUMNS,
        [
            {**row, "legacy_id": "a1", "issuer": "Невідома рада"},
            {**row, "legacy_id": "a2", "issuer": "Невідома рада"},
            {**row, "legacy_id": "a3", "issuer": "Ніжинська міська рада"},
        ],
    )
    out, err = run(bundle.root)
    assert "невідомий орган «Невідома рада» (поле issuer): 2 рядки, перші: act.csv:2, act.csv:3" in err
    assert summary_counts(out)["створено"] == 1
