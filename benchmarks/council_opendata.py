"""The council's votes as open data: time and peak memory to stream one row per deputy per vote.

    python benchmarks/council_opendata.py [--deputies 60] [--votes 2000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/radasite_bench python benchmarks/council_opendata.py

Without DATABASE_URL it uses its own SQLite file (var/benchmark-council-opendata.sqlite3), never the
site's database. Deputies (half of them changing faction half-way), votes and ballots are inserted in
bulk; then ``/opendata/votes.csv`` and ``.json`` are streamed through Django's test client twice: once
timed, once under tracemalloc for the peak of Python memory.
"""

import argparse
import datetime
import importlib.util
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")
if not os.environ.get("DATABASE_URL"):
    (ROOT / "var").mkdir(exist_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'benchmark-council-opendata.sqlite3'}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from council.kinds import BallotChoice  # noqa: E402
from council.models import AgendaItem, Ballot, Convocation, Deputy, Meeting, Membership, Vote  # noqa: E402
from registry.kinds import OrganizationKind  # noqa: E402
from registry.models import Organization  # noqa: E402


def opendata_module():
    """benchmarks/opendata.py, for its streaming measure (it sets up Django as this script has)."""
    spec = importlib.util.spec_from_file_location("bench_opendata", ROOT / "benchmarks" / "opendata.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


START = datetime.datetime(2021, 1, 15, 10, tzinfo=datetime.UTC)
CHOICES = list(BallotChoice.values)


def ensure_votes(deputies: int, votes: int) -> int:
    """Insert the council once (if the database holds no ballots yet); returns the number of ballots."""
    call_command("migrate", verbosity=0)
    if Ballot.objects.exists():
        return Ballot.objects.count()
    started = time.perf_counter()
    with transaction.atomic():
        convocation = Convocation.objects.create(number=8, start_date=datetime.date(2020, 12, 1))
        factions = Organization.objects.bulk_create(
            Organization(name=f"Фракція {n}", kind=OrganizationKind.PARTY, edrpou=f"{40000000 + n}")
            for n in range(5)
        )
        people = Deputy.objects.bulk_create(
            Deputy(full_name=f"Депутатенко{n} Петро Іванович", slug=f"deputat-{n}") for n in range(deputies)
        )
        change = (START + datetime.timedelta(days=votes // 20)).date()
        memberships = []
        for n, deputy in enumerate(people):
            first, second = factions[n % 5], factions[(n + 1) % 5]
            if n % 2:
                memberships.append(
                    Membership(
                        deputy=deputy,
                        convocation=convocation,
                        faction=first,
                        start_date=datetime.date(2020, 12, 1),
                        end_date=change,
                    )
                )
                start = change + datetime.timedelta(days=1)
                memberships.append(
                    Membership(deputy=deputy, convocation=convocation, faction=second, start_date=start)
                )
            else:
                memberships.append(
                    Membership(
                        deputy=deputy,
                        convocation=convocation,
                        faction=first,
                        start_date=datetime.date(2020, 12, 1),
                    )
                )
        Membership.objects.bulk_create(memberships)
        for day in range(0, votes // 10):
            meeting = Meeting.objects.create(
                convocation=convocation,
                number=day + 1,
                status="held",
                starts_at=START + datetime.timedelta(days=day),
            )
            item = AgendaItem.objects.create(
                meeting=meeting, number="1", title=f"Питання {day}", sort_order=0
            )
            made = Vote.objects.bulk_create(
                Vote(agenda_item=item, position=p + 1, held_at=meeting.starts_at, adopted=p % 3 != 0)
                for p in range(10)
            )
            Ballot.objects.bulk_create(
                Ballot(vote=vote, deputy=deputy, choice=CHOICES[(i + vote.position) % 5], sort_order=i)
                for vote in made
                for i, deputy in enumerate(people)
            )
    count = Ballot.objects.count()
    print(f"inserted {count} ballots in {time.perf_counter() - started:.1f} s")
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deputies", type=int, default=60)
    parser.add_argument("--votes", type=int, default=2000)
    args = parser.parse_args()
    total = ensure_votes(args.deputies, args.votes)
    print(f"database: {connection.vendor}; ballots: {total}")
    opendata_module().report_streams(("/opendata/votes.csv", "/opendata/votes.json"), total)


if __name__ == "__main__":
    main()
