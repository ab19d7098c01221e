"""Search benchmark: latency (p50, p95) and recall@10 on N pages of Ukrainian text.

    DATABASE_URL=sqlite:///var/bench_search.sqlite3 python benchmarks/search.py --pages 20000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/radasite_search_bench \
        python benchmarks/search.py --pages 20000

It migrates the database it is given (use a throw-away one), creates the pages in bulk (the page
tree written in bulk by ``cms.tree``), plants the targets of the labelled query set
(benchmarks/data/search_queries.json: inflected forms, act numbers, phrases only inside
attachments, act types and numbers against pages that merely mention them — the ``distractors``),
indexes everything with the configured backend (``update_index``, which also writes
the site's lemma postings), then runs 200 queries three times: through the site's search (GET
/search/, lemmatised, act numbers pinned), the same with the cache emptied before each query (no
cached page counts of terms), and, as the baseline, through Wagtail's database backend with the raw
query (no lemmatisation).
"""

import argparse
import json
import os
import random
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")

VOCABULARY = """
рішення міський рада виконавчий комітет бюджет громада програма розвиток затвердження зміна положення
порядок надання дозвіл земельний ділянка оренда майно комунальний власність підприємство заклад освіта
культура спорт охорона здоров'я соціальний захист населення ремонт вулиця дорога освітлення благоустрій
територія місто Ніжин депутат сесія комісія питання розгляд проєкт звіт виконання фінансування кошти
видатки доходи податок збір тариф послуга водопостачання водовідведення теплопостачання енергія газ
електроенергія житло будинок квартира гуртожиток приватизація продаж аукціон договір угода контракт
закупівля товар робота послуга конкурс посада директор працівник штат розпис структура управління відділ
служба інспекція контроль перевірка порушення штраф адміністративний відповідальність мешканець громадянин
звернення заява скарга пропозиція петиція слухання обговорення консультація інформація оприлюднення сайт
""".split()
FREQUENT = [
    "рішення",
    "міської ради",
    "бюджет",
    "програма",
    "вулиці",
    "ремонт",
    "затвердження",
    "комунального майна",
    "земельної ділянки",
    "виконавчого комітету",
]


def inflector():
    from cms.analysis import _morph

    morph = _morph()
    forms = {}
    for word in VOCABULARY:
        lexeme = morph.parse(word)[0].lexeme
        forms[word] = sorted({p.word for p in lexeme}) or [word]
    return forms


def sentence(rng, forms, n=12):
    return " ".join(rng.choice(forms[rng.choice(VOCABULARY)]) for _ in range(n)).capitalize() + "."


def bulk_pages(parent, model, rows, *, ct):
    """Insert pages under ``parent`` in bulk through ``cms.tree`` (the site's one bulk tree writer)."""
    from django.db import transaction

    from cms.tree import PageTree, insert_specific

    tree = PageTree()
    start = parent.numchild
    pages = [
        tree.place(
            model(
                slug=f"p{i}",
                content_type=ct,
                live=True,
                has_unpublished_changes=False,
                locale_id=parent.locale_id,
                draft_title=fields["title"],
                **fields,
            ),
            parent,
        )
        for i, fields in enumerate(rows, start=start + 1)
    ]
    with transaction.atomic():
        for page, base in zip(pages, tree.create(pages), strict=True):
            page.page_ptr_id = base.pk
        insert_specific(model, pages)
    parent.numchild = start + len(pages)
    return pages


def build(n_pages, seed=7):
    import datetime

    from django.contrib.contenttypes.models import ContentType

    from cms.models import CouncilDocument
    from pages.models import ActIndexPage, ActPage, ActType, HomePage, NewsIndexPage, NewsPage

    rng = random.Random(seed)
    forms = inflector()
    home = HomePage.objects.first()
    acts = home.add_child(instance=ActIndexPage(title="Документи", slug="dokumenty"))
    news = home.add_child(instance=NewsIndexPage(title="Новини", slug="novyny"))
    act_ct = ContentType.objects.get_for_model(ActPage)
    news_ct = ContentType.objects.get_for_model(NewsPage)
    types = list(ActType.values)

    def date():
        return datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(3650))

    labelled = json.loads((ROOT / "benchmarks/data/search_queries.json").read_text())
    documents = {}
    for item in labelled:
        text = item["page"].get("attachment_text")
        if text:
            documents[item["id"]] = CouncilDocument.objects.create(
                title="Додаток",
                file=f"documents/{item['id']}.pdf",
                extracted_text=text,
                content_hash=item["id"],
            )
    act_rows = []
    for item in labelled:
        page = item["page"]
        attachments = []
        if item["id"] in documents:
            attachments = [
                {
                    "type": "attachment",
                    "id": str(uuid.uuid4()),
                    "value": {"document": documents[item["id"]].pk, "title": "", "kind": "scan"},
                }
            ]
        act_rows.append(
            {
                "title": page["title"],
                "number": page.get("number", ""),
                "summary": page["summary"],
                "act_type": page.get("act_type") or rng.choice(types),
                "date": date(),
                "legacy_id": item["id"],
                "attachments": json.dumps(attachments),
            }
        )
        # Pages that mention the query's words in their text, to be outranked by the target.
        for n, distractor in enumerate(item.get("distractors", [])):
            act_rows.append(
                {
                    "title": distractor["title"],
                    "number": "",
                    "summary": distractor["summary"],
                    "act_type": distractor["act_type"],
                    "date": date(),
                    "legacy_id": f"{item['id']}-distractor-{n}",
                    "attachments": "[]",
                }
            )
    n_acts = n_pages * 6 // 10 - len(act_rows)
    for i in range(n_acts):
        act_rows.append(
            {
                "title": "Про " + sentence(rng, forms, 6),
                "number": f"{rng.randrange(1, 99)}-{i}/20{rng.randrange(15, 25)}",
                "summary": sentence(rng, forms, 20),
                "body": f"<p>{' '.join(sentence(rng, forms) for _ in range(8))}</p>",
                "act_type": rng.choice(types),
                "date": date(),
                "attachments": "[]",
            }
        )
    news_rows = [
        {
            "title": sentence(rng, forms, 7),
            "lead": sentence(rng, forms, 20),
            "date": date(),
            "body": "[]",
            "attachments": "[]",
            "related_pages": "[]",
        }
        for _ in range(n_pages - len(act_rows))
    ]
    bulk_pages(acts, ActPage, act_rows, ct=act_ct)
    bulk_pages(news, NewsPage, news_rows, ct=news_ct)
    return labelled, rng, forms


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="Reuse an already built benchmark database.")
    parser.add_argument(
        "--baseline-queries",
        type=int,
        default=None,
        help="Time the baseline on only the first N queries (it takes seconds per query at 20,000 pages).",
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from pages.models import ActPage

    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    if not args.keep:
        call_command("migrate", verbosity=0)
        if Page.objects.filter(depth__gt=2).exists():
            sys.exit("The benchmark database already has pages: give it a new one (or --keep).")
        t = time.perf_counter()
        labelled, rng, forms = build(args.pages)
        print(f"built {Page.objects.count()} pages in {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        call_command("update_index", verbosity=0)
        if connection.vendor == "postgresql":
            # What autovacuum does shortly after a bulk load: statistics for the planner, and the
            # visibility map that lets the postings be read from their covering index alone.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        from search.models import Posting

        print(f"indexed in {time.perf_counter() - t:.1f} s ({Posting.objects.count():,} postings)")
    labelled = json.loads((ROOT / "benchmarks/data/search_queries.json").read_text())
    rng = random.Random(11)
    forms = inflector()
    targets = dict(
        ActPage.objects.filter(legacy_id__in=[i["id"] for i in labelled]).values_list("legacy_id", "pk")
    )

    queries = [item["query"] for item in labelled] + FREQUENT
    while len(queries) < args.queries:
        queries.append(
            " ".join(rng.choice(forms[rng.choice(VOCABULARY)]) for _ in range(rng.choice([1, 1, 2, 3])))
        )
    queries = queries[: args.queries]

    from django.test.utils import setup_test_environment

    setup_test_environment()  # so that the test client exposes response.context
    client = Client()
    client.get("/search/", {"q": "прогрів"})  # warm the morphology dictionaries and caches

    def ours(q):
        response = client.get("/search/", {"q": q})
        return [r["page"].pk for r in response.context["results"]]

    def ours_cold(q):
        cache.clear()  # no cached page counts of terms: every query counts its terms' pages
        return ours(q)

    backend = get_search_backend("default")
    live = Page.objects.live().public()

    def baseline(q):
        return [p.pk for p in backend.search(q, live)[:10]]

    for name, run, subset in (
        ("lemmatised (site search, GET /search/)", ours, queries),
        ("lemmatised, cache emptied before each query", ours_cold, queries),
        ("baseline (Wagtail DB backend, raw)", baseline, queries[: args.baseline_queries]),
    ):
        timings, hits = [], 0
        for q in subset:
            t = time.perf_counter()
            try:
                run(q)
            except Exception as exc:  # noqa: BLE001 - a baseline query may be rejected by FTS syntax
                print(f"  error on {q!r}: {exc}")
            timings.append((time.perf_counter() - t) * 1000)
        for item in labelled:
            if targets.get(item["id"]) in run(item["query"])[:10]:
                hits += 1
        slow = sorted(zip(timings, subset, strict=True), reverse=True)[:3]
        print(
            f"{name}: p50 {percentile(timings, 0.5):.0f} ms, p95 {percentile(timings, 0.95):.0f} ms, "
            f"max {max(timings):.0f} ms over {len(subset)} queries; recall@10 {hits}/{len(labelled)} = "
            f"{hits / len(labelled):.2f}; slowest: {', '.join(f'{q!r} {t:.0f} ms' for t, q in slow)}"
        )

    timings = []
    for word in VOCABULARY[:100]:
        prefix = word[: max(3, len(word) // 2)]
        t = time.perf_counter()
        client.get("/search/suggest/", {"q": prefix})
        timings.append((time.perf_counter() - t) * 1000)
    print(
        f"suggestions (GET /search/suggest/, {len(timings)} prefixes): "
        f"p50 {percentile(timings, 0.5):.0f} ms, "
        f"p95 {percentile(timings, 0.95):.0f} ms, max {max(timings):.0f} ms"
    )


if __name__ == "__main__":
    main()
