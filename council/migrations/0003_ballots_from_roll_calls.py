"""The acts' free-text roll-call rows (``pages.ActVote``) become council records.

Per act with rows: a held plenary session on the act's adoption date (one per date, reused by the
acts of that date and by a plenary meeting already entered on that day; 10:00 Kyiv time; the
convocation whose period covers the date, or none), an agenda item whose decision is the act, a vote
«as a whole» (position 1, published when the act page was first published) and one ballot per row.
A name is matched to a deputy present now with ``council.names.match_name`` (apostrophes, case,
initials); the name as written is always kept in ``recorded_name``, so ``manage.py link_deputies``
can finish the matching later. The tally is counted here with the rules of ``council.tally`` (the
live module reads live models, which a migration must not use).

Re-runnable: an act whose agenda item on that day already has its vote at position 1 is left as it
is. Reversible: the reverse writes the ballots of each decision's last vote «as a whole» (or its
last vote) back as ``ActVote`` rows for acts that have none, and leaves the council records alone.
"""

import datetime
import math
import zoneinfo
from collections import defaultdict

from django.db import migrations
from django.db.models import Q

from council.names import match_name

KYIV = zoneinfo.ZoneInfo("Europe/Kyiv")
SESSION_TIME = datetime.time(10, 0)
SHOWN_UNMATCHED = 20
CHOICES = {
    "for": "for_count",
    "against": "against_count",
    "abstained": "abstained_count",
    "did_not_vote": "not_voted_count",
    "absent": "absent_count",
}
MODELS = ("Convocation", "Deputy", "Membership", "Meeting", "AgendaItem", "Vote", "Ballot")


def composition_on(Membership, convocation_id, day):
    """As ``council.tally.composition_on``: deputies with a running mandate that day, and the mayor."""
    if convocation_id is None:
        return None
    deputies = (
        Membership.objects.filter(convocation_id=convocation_id, start_date__lte=day)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .values("deputy")
        .distinct()
        .count()
    )
    return deputies + 1 if deputies else None


def tally(counts, composition):
    """As ``council.tally.outcome`` for a simple majority: (quorum, adopted), ``None`` when unknown."""
    if not composition:
        return None, None
    registered = sum(n for choice, n in counts.items() if choice != "absent")
    quorum = registered > composition / 2
    return quorum, quorum and counts.get("for", 0) >= composition // 2 + 1


class Migrator:
    """Moves the rows act by act, caching the sessions, convocations and compositions by day."""

    def __init__(self, apps):
        self.m = {name: apps.get_model("council", name) for name in MODELS}
        self.ActVote = apps.get_model("pages", "ActVote")
        self.ActPage = apps.get_model("pages", "ActPage")
        self.candidates = list(self.m["Deputy"].objects.values_list("full_name", "pk"))
        self.matches = {}
        self.meetings = {}
        self.compositions = {}
        self.rows = self.matched = self.skipped_acts = 0
        self.unmatched = []

    def match(self, name):
        if name not in self.matches:
            self.matches[name] = match_name(name, self.candidates)[0] if name.strip() else None
        return self.matches[name]

    def convocation(self, day):
        found = (
            self.m["Convocation"]
            .objects.filter(start_date__lte=day)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
            .order_by("-start_date")
            .first()
        )
        return found.pk if found else None

    def meeting(self, day):
        """The plenary session held on ``day``: one already there, or a new one at 10:00 Kyiv time."""
        if day not in self.meetings:
            start = datetime.datetime.combine(day, datetime.time(0), tzinfo=KYIV)
            Meeting = self.m["Meeting"]
            meeting = (
                Meeting.objects.filter(kind="plenary", starts_at__gte=start)
                .filter(starts_at__lt=start + datetime.timedelta(days=1))
                .order_by("starts_at", "pk")
                .first()
            )
            if meeting is None:
                meeting = Meeting.objects.create(
                    kind="plenary",
                    status="held",
                    starts_at=datetime.datetime.combine(day, SESSION_TIME, tzinfo=KYIV),
                    convocation_id=self.convocation(day),
                )
            self.meetings[day] = meeting
        return self.meetings[day]

    def composition(self, convocation_id, day):
        key = (convocation_id, day)
        if key not in self.compositions:
            self.compositions[key] = composition_on(self.m["Membership"], convocation_id, day)
        return self.compositions[key]

    def move_act(self, act, rows):
        day = act.adopted_on or act.date
        meeting = self.meeting(day)
        AgendaItem, Vote = self.m["AgendaItem"], self.m["Vote"]
        item = AgendaItem.objects.filter(meeting=meeting, decision_id=act.pk).order_by("pk").first()
        if item is None:
            item = AgendaItem.objects.create(
                meeting=meeting,
                decision_id=act.pk,
                title=act.title,
                sort_order=AgendaItem.objects.filter(meeting=meeting).count(),
            )
        elif Vote.objects.filter(agenda_item=item, position=1).exists():
            self.skipped_acts += 1
            return
        counts = {choice: 0 for choice in CHOICES}
        ballots, seen = [], set()
        for order, row in enumerate(rows):
            deputy_id = self.match(row.deputy)
            if deputy_id in seen:  # one deputy twice in one table: keep the second as written only
                deputy_id = None
            if deputy_id is None:
                self.unmatched.append(row.deputy)
            else:
                seen.add(deputy_id)
                self.matched += 1
            counts[row.vote] = counts.get(row.vote, 0) + 1
            ballots.append((deputy_id, row.deputy, row.vote, order))
        composition = self.composition(meeting.convocation_id, day)
        quorum, adopted = tally(counts, composition)
        vote = Vote.objects.create(
            agenda_item=item,
            position=1,
            question="whole",
            majority="half",
            published_at=act.first_published_at,
            composition=composition,
            quorum=quorum,
            adopted=adopted,
            **{field: counts.get(choice, 0) for choice, field in CHOICES.items()},
        )
        self.m["Ballot"].objects.bulk_create(
            self.m["Ballot"](
                vote=vote, deputy_id=deputy_id, recorded_name=name[:255], choice=choice, sort_order=order
            )
            for deputy_id, name, choice, order in ballots
        )
        self.rows += len(ballots)

    def run(self):
        by_act = defaultdict(list)
        for row in self.ActVote.objects.order_by("act_id", "sort_order", "pk").iterator(chunk_size=2000):
            by_act[row.act_id].append(row)
        fields = ("pk", "title", "adopted_on", "date", "first_published_at")
        acts = self.ActPage.objects.filter(pk__in=by_act).only(*fields)
        for act in acts.order_by("pk"):
            self.move_act(act, by_act[act.pk])
        return len(by_act)


def ballots_from_roll_calls(apps, schema_editor):
    migrator = Migrator(apps)
    acts = migrator.run()
    if not acts:
        return
    distinct = sorted(set(migrator.unmatched))
    print(
        f"\n  Roll-call rows of {acts} acts moved to ballots: {migrator.rows} "
        f"({migrator.skipped_acts} acts already had their vote); matched to deputies: {migrator.matched}; "
        f"unmatched: {len(migrator.unmatched)} ({len(distinct)} distinct names)."
    )
    if distinct:
        shown = ", ".join(f"«{name}»" for name in distinct[:SHOWN_UNMATCHED])
        more = f" and {len(distinct) - SHOWN_UNMATCHED} more" if len(distinct) > SHOWN_UNMATCHED else ""
        print(f"  Unmatched names: {shown}{more}. Run `manage.py link_deputies` to finish the linking.")


def roll_calls_from_ballots(apps, schema_editor):
    """Each decision's last vote «as a whole» (or last vote) as ``ActVote`` rows, for acts without any."""
    ActVote, Vote = apps.get_model("pages", "ActVote"), apps.get_model("council", "Vote")
    Ballot = apps.get_model("council", "Ballot")
    with_rows = set(ActVote.objects.values_list("act_id", flat=True).distinct())
    chosen = {}
    votes = Vote.objects.filter(agenda_item__decision__isnull=False).order_by(
        "agenda_item__meeting__starts_at", "position", "pk"
    )
    for vote_id, act_id, question in votes.values_list("pk", "agenda_item__decision_id", "question"):
        if act_id in with_rows:
            continue
        if question == "whole" or chosen.get(act_id, (None, ""))[1] != "whole":
            chosen[act_id] = (vote_id, question)
    vote_acts = {vote_id: act_id for act_id, (vote_id, _question) in chosen.items()}
    ballots = Ballot.objects.filter(vote_id__in=vote_acts).order_by("vote_id", "sort_order", "pk")
    rows = [
        ActVote(
            act_id=vote_acts[ballot.vote_id],
            # ActVote had no «absent»: such a deputy is written as not voting.
            vote="did_not_vote" if ballot.choice == "absent" else ballot.choice,
            deputy=ballot.recorded_name or (ballot.deputy.full_name if ballot.deputy_id else ""),
            sort_order=ballot.sort_order,
        )
        for ballot in ballots.select_related("deputy").iterator(chunk_size=2000)
    ]
    ActVote.objects.bulk_create(rows, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("council", "0002_meetings_and_votes"),
        ("pages", "0008_act_links_restrict"),
    ]
    # pages does not know the council: the order is stated here, before pages drops the model.
    run_before = [("pages", "0009_delete_actvote")]

    operations = [migrations.RunPython(ballots_from_roll_calls, roll_calls_from_ballots, elidable=False)]
