"""Each ballot keeps the deputy's faction on the day and whether it went with the faction's majority.

The data step fills both in for the ballots already recorded, with the same pure functions as
``council.tally.recount`` (``council.majority``) on the historical models, 200 votes at a time.
Re-runnable (it writes only what differs); the reverse leaves the columns to be dropped.
``manage.py recount_votes`` does the same (and the tally) on the live models at any time.
"""

import django.db.models.deletion
import zoneinfo
from collections import defaultdict

from django.db import migrations, models

from council.majority import factions_on, with_faction

KYIV = zoneinfo.ZoneInfo("Europe/Kyiv")
BATCH = 200


def fill(apps, schema_editor):
    Vote, Ballot, Membership = (apps.get_model("council", name) for name in ("Vote", "Ballot", "Membership"))
    terms = defaultdict(list)
    rows = Membership.objects.order_by("start_date", "pk")
    for convocation_id, *term in rows.values_list(
        "convocation_id", "deputy_id", "faction_id", "start_date", "end_date"
    ):
        terms[convocation_id].append(term)
    ids = list(Vote.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = Vote.objects.filter(pk__in=ids[start : start + BATCH]).values_list(
            "pk", "held_at", "agenda_item__meeting__starts_at", "agenda_item__meeting__convocation_id"
        )
        ballots = defaultdict(list)
        cast = Ballot.objects.filter(vote__in=ids[start : start + BATCH]).order_by("pk")
        for row in cast.values_list("pk", "vote_id", "deputy_id", "choice", "faction_id", "with_faction"):
            ballots[row[1]].append(row)
        changed = []
        for vote_id, held_at, starts_at, convocation_id in batch:
            day = (held_at or starts_at).astimezone(KYIV).date()
            faction_of, _deputies = factions_on(terms[convocation_id], day)
            rows = ballots[vote_id]
            factions = [faction_of.get(row[2]) for row in rows]
            agreements = with_faction([(f, row[3]) for f, row in zip(factions, rows, strict=True)])
            for row, faction_id, agrees in zip(rows, factions, agreements, strict=True):
                if (row[4], row[5]) != (faction_id, agrees):
                    changed.append(Ballot(pk=row[0], faction_id=faction_id, with_faction=agrees))
        Ballot.objects.bulk_update(changed, ["faction", "with_faction"], batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ('council', '0004_meeting_protocol_is_a_council_document'),
        ('registry', '0003_registry_keepers_group'),
    ]

    operations = [
        migrations.AddField(
            model_name='ballot',
            name='faction',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='registry.organization', verbose_name='faction on the day'),
        ),
        migrations.AddField(
            model_name='ballot',
            name='with_faction',
            field=models.BooleanField(editable=False, help_text='Empty: absent, no faction, or the faction split evenly.', null=True, verbose_name="with the faction's majority"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
