"""Render cost of a deputy's page with the record (issue 15 point 5) at 60 deputies × 2,000 votes each.

    python benchmarks/deputy_record.py                 # build once (var/bench_deputy/), then measure
    python benchmarks/deputy_record.py --repeat 20
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/radasite_record_bench python benchmarks/deputy_record.py

The build (skipped when done) migrates the database, collects the static files and inserts in bulk
one convocation of 60 deputies in 5 factions, 50 plenary sessions of 40 agenda items with one
roll-call vote each (2,000 votes, 120,000 ballots: every deputy votes in every vote, about one in
ten absent), a published decision (an act page) for every item, and the bare Wagtail page of
``benchmarks/render.py``. Then each URL goes through Django's test client in this process,
``settings.benchmark`` (production settings, page cache off), as ``render.py inprocess`` measures:
the bare page, a deputy's page and the same page filtered (adopted, «against», page 3). Printed per
URL: CPU ms (``time.process_time``: this process only, not the database's) and wall ms, the minimum
and the median of ``--repeat`` runs after three warm-up requests, the query count, and the bare
page's CPU divided by the page's (× bare), with the load average before and after. Last, the import
of one more session from a 4,800-row CSV (Windows-1251) is timed: a dry run, the import and a re-import
of the same file (which updates nothing), in a transaction rolled back so the data stay as built;
and the recounting: every vote (``recount_votes``, which the build also runs to store each ballot's
faction and agreement) and a faction switch saved in the admin (the votes from the switch), rolled back.
"""

import argparse
import datetime
import importlib.util
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench_deputy"
DEPUTIES, FACTIONS, MEETINGS, ITEMS_PER_MEETING = 60, 5, 50, 40
#: 60 distinct surnames (names differ in letters: ``council.names`` ignores digits).
SURNAMES = [a + b for a in ("Бой", "Мель", "Жу", "Ков", "Шев", "Ткач") for b in (
    "ко", "ник", "енко", "чук", "ський", "ович", "ан", "ець", "ишин", "ук")]  # fmt: skip


def render_module():
    """benchmarks/render.py: its environment, its Django setup and its bare page's settings."""
    spec = importlib.util.spec_from_file_location("bench_render", ROOT / "benchmarks" / "render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def setup(render):
    VAR.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{VAR / 'db.sqlite3'}")
    os.environ.setdefault("STATIC_ROOT", str(VAR / "static"))
    os.environ.setdefault("MEDIA_ROOT", str(VAR / "media"))
    os.environ["PAGE_CACHE_ENABLED"] = "0"
    os.environ.setdefault("REDIS_URL", "")  # local memory as the cache, as render.py inprocess
    render.django_setup()


def build(render):
    """Migrate, collect static files, and insert the council's records in bulk (once)."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import transaction
    from wagtail.models import Page

    from council.kinds import BallotChoice, MeetingKind, MeetingStatus
    from council.models import AgendaItem, Ballot, Convocation, Deputy, Meeting, Membership, Vote
    from council.tally import recount_votes
    from pages.models import ActIndexPage, ActPage, ActType, HomePage
    from registry.kinds import OrganizationKind
    from registry.models import Organization

    call_command("migrate", verbosity=0)
    if Deputy.objects.filter(slug="deputat-1").exists():
        return False
    started = time.perf_counter()
    call_command("collectstatic", interactive=False, verbosity=0)
    rng = random.Random(15)
    home = HomePage.objects.first()
    if not Page.objects.filter(slug="bare").exists():
        home.add_child(instance=Page(title="Bare", slug="bare"))
    acts = home.add_child(instance=ActIndexPage(title="Рішення", slug="rishennia-rady"))
    with transaction.atomic():
        convocation = Convocation.objects.create(number=8, start_date=datetime.date(2020, 12, 1))
        factions = [
            Organization.objects.create(
                name=f"Ніжинська міська організація партії «Партія {n}»",
                edrpou=f"{37_000_000 + n}",
                kind=OrganizationKind.PARTY,
            )
            for n in range(FACTIONS)
        ]
        deputies = Deputy.objects.bulk_create(
            Deputy(full_name=f"{SURNAMES[n]} Олександр Миколайович", slug=f"deputat-{n}")
            for n in range(DEPUTIES)
        )
        Membership.objects.bulk_create(
            Membership(
                deputy=deputy,
                convocation=convocation,
                faction=factions[n % FACTIONS],
                start_date=convocation.start_date,
            )
            for n, deputy in enumerate(deputies)
        )
        meetings = Meeting.objects.bulk_create(
            Meeting(
                kind=MeetingKind.PLENARY,
                number=n + 1,
                convocation=convocation,
                starts_at=datetime.datetime(2021, 1, 15, 8, tzinfo=datetime.UTC)
                + datetime.timedelta(days=30 * n),
                status=MeetingStatus.HELD,
            )
            for n in range(MEETINGS)
        )
    total = MEETINGS * ITEMS_PER_MEETING
    decisions = render.bench_search_module().bulk_pages(
        acts,
        ActPage,
        [
            {"title": f"Про рішення № {n}", "number": f"{n}-8/2021", "act_type": ActType.values[0],
             "date": meetings[n // ITEMS_PER_MEETING].starts_at.date(), "attachments": "[]"}
            for n in range(total)
        ],
        ct=ContentType.objects.get_for_model(ActPage),
    )  # fmt: skip
    with transaction.atomic():
        items = AgendaItem.objects.bulk_create(
            AgendaItem(
                meeting=meetings[n // ITEMS_PER_MEETING],
                number=str(n % ITEMS_PER_MEETING + 1),
                title=f"Про рішення № {n}",
                decision_id=decisions[n].pk,
                sort_order=n % ITEMS_PER_MEETING,
            )
            for n in range(total)
        )
        AgendaItem.initiators.through.objects.bulk_create(
            AgendaItem.initiators.through(agendaitem_id=item.pk, deputy_id=deputies[n % DEPUTIES].pk)
            for n, item in enumerate(items)
        )
        choices = [BallotChoice.FOR] * 6 + [
            BallotChoice.AGAINST,
            BallotChoice.ABSTAINED,
            BallotChoice.DID_NOT_VOTE,
        ]
        votes, ballots = [], []
        for item in items:
            cast = [BallotChoice.ABSENT if rng.random() < 0.1 else rng.choice(choices) for _ in deputies]
            counts = {choice: cast.count(choice) for choice in BallotChoice.values}
            votes.append(
                Vote(
                    agenda_item=item,
                    position=1,
                    held_at=item.meeting.starts_at + datetime.timedelta(minutes=int(item.number) * 5),
                    for_count=counts["for"],
                    against_count=counts["against"],
                    abstained_count=counts["abstained"],
                    not_voted_count=counts["did_not_vote"],
                    absent_count=counts["absent"],
                    composition=DEPUTIES + 1,
                    quorum=True,
                    adopted=counts["for"] > (DEPUTIES + 1) // 2,
                )
            )
            ballots.append(cast)
        votes = Vote.objects.bulk_create(votes)
        Ballot.objects.bulk_create(
            (
                Ballot(vote=vote, deputy=deputy, choice=choice, sort_order=n)
                for vote, cast in zip(votes, ballots, strict=True)
                for n, (deputy, choice) in enumerate(zip(deputies, cast, strict=True))
            ),
            batch_size=5000,
        )
    counted = time.perf_counter()
    recount_votes(Vote.objects.all())  # each ballot's faction and agreement, as every writer stores them
    print(f"recount_votes of {total} votes in {time.perf_counter() - counted:.1f} s", flush=True)
    print(f"built in {time.perf_counter() - started:.0f} s: {Ballot.objects.count()} ballots", flush=True)
    return True


def measure(client, url, repeat):
    """(CPU ms min, median; wall ms min, median; queries) of ``repeat`` requests after three warm ones."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        assert client.get(url).status_code == 200, url
    cpu, wall = [], []
    for _ in range(repeat):
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        response = client.get(url)
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started_wall) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return min(cpu), statistics.median(cpu), min(wall), statistics.median(wall), len(queries)


def measure_import(repeat_rows_file: Path) -> list[tuple[str, float, float, str]]:
    """``import_votes`` of one new session (40 items × 2 votes × 60 deputies = 4,800 rows, CSV cp1251):
    a dry run, the import, and a re-import of the same file, all rolled back afterwards."""
    from django.db import transaction

    from council.imports_service import import_votes, summary_lines
    from registry.files import read_dataset

    rng = random.Random(51)
    lines = ["Сесія;Дата сесії;Номер питання;Питання порядку денного;Голосування;Депутат;Голос;Час"]
    for item in range(1, ITEMS_PER_MEETING + 1):
        for question, minute in (("за основу", item * 2), ("в цілому", item * 2 + 1)):
            for surname in SURNAMES:
                choice = rng.choice(["За", "За", "За", "Проти", "Утримався", "Не голосував", "Відсутній"])
                cells = [str(MEETINGS + 1), "12.03.2025", str(item), f"Про питання № {item}", question]
                cells += [f"{surname} О.М.", choice, f"{10 + minute // 60}:{minute % 60:02d}"]
                lines.append(";".join(cells))
    repeat_rows_file.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1251"))
    results = []
    with transaction.atomic():
        for name, dry_run in (("dry run", True), ("import", False), ("re-import", False)):
            started_cpu, started_wall = time.process_time(), time.perf_counter()
            dataset = read_dataset(content=repeat_rows_file.read_bytes(), file_format="csv")
            report = import_votes(dataset=dataset, dry_run=dry_run)
            cpu, wall = time.process_time() - started_cpu, time.perf_counter() - started_wall
            assert not report.has_errors, report.row_problems[:3]
            results.append((name, cpu, wall, " ".join(summary_lines(report))))
        transaction.set_rollback(True)
    return results


def measure_recount() -> list[tuple[str, int, float, float]]:
    """Recounting at this size, rolled back: every vote (``recount_votes``), and what saving a deputy
    in the admin does after a faction switch from the middle of the term (the votes from that day)."""
    from django.db import transaction

    from council.models import Ballot, Deputy, Membership, Vote
    from council.recounting import recount_once
    from council.tally import recount_votes

    results = []
    with transaction.atomic():
        Ballot.objects.update(faction=None, with_faction=None)  # as just after the schema migration
        for name in ("recount_votes, every ballot to fill in", "recount_votes again, nothing to change"):
            started_cpu, started_wall = time.process_time(), time.perf_counter()
            done = recount_votes(Vote.objects.all())
            cpu, wall = time.process_time() - started_cpu, time.perf_counter() - started_wall
            results.append((name, done, cpu, wall))
        deputy = Deputy.objects.get(slug="deputat-7")
        membership = deputy.memberships.get()
        switch = datetime.date(2023, 1, 1)
        other = Membership.objects.exclude(faction=membership.faction_id).first().faction_id
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        with recount_once() as recounted:  # as the admin's form saves the two memberships
            membership.end_date = switch - datetime.timedelta(days=1)
            membership.save()
            Membership.objects.create(
                deputy=deputy, convocation_id=membership.convocation_id, faction_id=other, start_date=switch
            )
        done = recounted.votes
        cpu, wall = time.process_time() - started_cpu, time.perf_counter() - started_wall
        results.append(("a faction switch saved in the admin (from 1 Jan 2023)", done, cpu, wall))
        transaction.set_rollback(True)
    return results


def measure_reads(repeat: int) -> list[tuple[str, float, int]]:
    """Each read of the record alone, for deputat-7: (name, CPU ms min of ``repeat``, queries)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from council import record
    from council.models import Deputy

    deputy = Deputy.objects.get(slug="deputat-7")
    rows = record.attendance(deputy)
    reads = {
        "attendance by session": lambda: record.attendance(deputy),
        "attendance per year (from those rows)": lambda: record.attendance_by_year(rows),
        "with the faction": lambda: record.with_faction(deputy),
        "votes, first page of 25": lambda: list(record.votes(deputy)[:25]),
        "initiated": lambda: list(record.initiated(deputy)),
    }
    results = []
    for name, read in reads.items():
        best = float("inf")
        for _ in range(repeat):
            started = time.process_time()
            read()
            best = min(best, time.process_time() - started)
        with CaptureQueriesContext(connection) as queries:
            read()
        results.append((name, best * 1000, len(queries)))
    return results


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    render = render_module()
    setup(render)
    build(render)
    from django.db import connection
    from django.test import Client

    from council.models import Ballot

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # The planner's statistics and the visibility map, as autovacuum leaves them in time: the
            # build's recount and the rolled-back recounts of earlier runs leave dead row versions.
            cursor.execute("VACUUM ANALYZE")
    urls = {
        "bare": "/bare/",
        "deputy page": "/deputaty/deputat-7/",
        "deputy page, filtered": "/deputaty/deputat-7/?result=adopted&choice=against&page=3",
    }
    own, total = Ballot.objects.filter(deputy__slug="deputat-7").count(), Ballot.objects.count()
    print(f"database: {connection.vendor}, {own} ballots of the deputy, {total} in all")
    print(f"load before: {os.getloadavg()}; {args.repeat} runs per URL\n")
    print("| URL | CPU ms (min) | CPU median | wall ms (min) | wall median | queries | × bare (CPU) |")
    print("|---|---|---|---|---|---|---|")
    client = Client(HTTP_HOST="127.0.0.1")
    bare = None
    for name, url in urls.items():
        cpu, cpu_median, wall, wall_median, queries = measure(client, url, args.repeat)
        bare = bare or cpu
        figures = (
            f"{cpu:.1f} | {cpu_median:.1f} | {wall:.1f} | {wall_median:.1f} | {queries} | {bare / cpu:.2f}"
        )
        print(f"| {name} | {figures} |")
    print("\neach read of the record alone (deputat-7):\n")
    print("| read | CPU ms (min) | queries |")
    print("|---|---|---|")
    for name, cpu, queries in measure_reads(args.repeat):
        print(f"| {name} | {cpu:.1f} | {queries} |")
    rows = ITEMS_PER_MEETING * 2 * DEPUTIES
    print(f"\nimport_votes of {rows} rows (CSV, Windows-1251), rolled back afterwards:\n")
    print("| step | CPU s | wall s | rows/s (wall) | what it did |")
    print("|---|---|---|---|---|")
    for name, cpu, wall, summary in measure_import(VAR / "session.csv"):
        print(f"| {name} | {cpu:.2f} | {wall:.2f} | {rows / wall:.0f} | {summary} |")
    print("\nrecounting (the tally, each ballot's faction and agreement), rolled back afterwards:\n")
    print("| step | votes | CPU s | wall s |")
    print("|---|---|---|---|")
    for name, done, cpu, wall in measure_recount():
        print(f"| {name} | {done} | {cpu:.2f} | {wall:.2f} |")
    print(f"\nload after: {os.getloadavg()}")


if __name__ == "__main__":
    sys.exit(main())
