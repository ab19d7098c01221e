"""The import-export resource of the voting system's results: one ballot per row, parents found or made.

Each row names a session (number and date), an agenda item, a question and a deputy. The natural
keys make a re-import update rather than duplicate: a plenary meeting is found by its convocation
and number (or, without a number, by its date); an item by its meeting and number (or title); a
vote by its item and number («Номер голосування») or else by its question and time; a ballot by its
vote and deputy. What exists is read once per meeting (not per row); meetings, items and votes the
file adds are created as the first valid row needs them, the ballots in batches (``use_bulk``).
Every row's problems are reported together, each under its column; the row's own values are read by
``imports_rows.RowReader``.
"""

import datetime
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from . import imports as fmt
from .imports_rows import ParsedRow, RowReader
from .kinds import MeetingKind, MeetingStatus
from .models import AgendaItem, Ballot, Convocation, Meeting, Vote
from .names import name_key
from .tally import recount_many

#: The time a meeting the file adds starts at when the file gives no time of its first vote.
DEFAULT_START = datetime.time(10, 0)


class ChoiceWidget(widgets.Widget):
    """«За», «Проти», «Утримався», «Не голосував», «Відсутній» in any usual spelling."""

    def clean(self, value, row=None, **kwargs):
        return fmt.parse_choice(value)

    def render(self, value, obj=None, **kwargs):
        return str(dict(fmt.BallotChoice.choices).get(value, value or ""))


class NameWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return fmt.text(value)[:255]


class BallotResource(resources.ModelResource):
    """The voting system's format on import-export; ``convocation`` overrides the one found by date."""

    choice = fields.Field(attribute="choice", column_name=fmt.CHOICE, widget=ChoiceWidget())
    recorded_name = fields.Field(attribute="recorded_name", column_name=fmt.DEPUTY, widget=NameWidget())

    class Meta:
        model = Ballot
        fields = ["choice", "recorded_name"]
        skip_diff = True
        report_skipped = True
        store_instance = True
        use_bulk = True
        batch_size = 1000
        clean_model_instances = False

    def __init__(self, *, convocation: Convocation | None = None, lines: list[int] | None = None, **kwargs):
        super().__init__(**kwargs)
        #: Each data row's number in the file (a title above the header and blank rows move them).
        self.lines = lines
        self.reader = RowReader(convocation=convocation)
        self._meetings: dict[tuple, Meeting | None] = {}
        self._items: dict[int, dict[tuple, AgendaItem]] = {}
        self._votes: dict[int, dict[tuple, Vote]] = {}
        self._ballots: dict[int, dict[tuple[int, int], Ballot]] = {}
        self._seen: dict[tuple, int] = {}  # (meeting, item, vote key, deputy) → the row that had it
        self._row = ParsedRow()
        self._original: tuple[str, str] | None = None
        #: What the import creates: meetings, agenda items and votes (counted in a dry run too).
        self.created = {"meetings": [], "items": [], "votes": []}
        #: The votes whose ballots the import writes, to be recounted.
        self.touched: dict[int, Vote] = {}

    # Reading a row ------------------------------------------------------------------------------

    def before_import_row(self, row, **kwargs):
        self._row = self.reader.read(row)
        self._original = None

    # What exists ----------------------------------------------------------------------------------

    def _meeting(self, parsed) -> Meeting | None:
        key = parsed.meeting_key
        if key not in self._meetings:
            plenary = Meeting.objects.filter(kind=MeetingKind.PLENARY, convocation=parsed.convocation)
            found = None
            if parsed.session:
                found = plenary.filter(number=parsed.session).order_by("starts_at").first()
            if found is None and parsed.date:
                found = plenary.filter(number__isnull=True, starts_at__date=parsed.date).first()
            self._meetings[key] = found
        return self._meetings[key]

    def _load(self, meeting: Meeting) -> None:
        """A meeting's items, votes and ballots, three queries once per meeting."""
        if meeting.pk in self._items:
            return
        items = {}
        for item in AgendaItem.objects.filter(meeting=meeting):
            item.meeting = meeting
            items.setdefault(
                ("number", item.number) if item.number else ("title", name_key(item.title)), item
            )
        self._items[meeting.pk] = items
        by_pk = {item.pk: item for item in items.values()}
        for vote in Vote.objects.filter(agenda_item__meeting=meeting):
            if vote.agenda_item_id in by_pk:
                vote.agenda_item = by_pk[vote.agenda_item_id]
            votes = self._votes.setdefault(vote.agenda_item_id, {})
            votes.setdefault(("position", vote.position), vote)
            votes.setdefault(("question", vote.question, vote.held_at), vote)
        self._ballots[meeting.pk] = {
            (ballot.vote_id, ballot.deputy_id): ballot
            for ballot in Ballot.objects.filter(vote__agenda_item__meeting=meeting, deputy__isnull=False)
        }

    def _existing(self, parsed) -> tuple[Meeting | None, AgendaItem | None, Vote | None]:
        meeting = self._meeting(parsed)
        if meeting is None:
            return None, None, None
        self._load(meeting)
        item = self._items[meeting.pk].get(parsed.item_key)
        vote = self._votes.get(item.pk, {}).get(parsed.vote_key) if item else None
        return meeting, item, vote

    def get_instance(self, instance_loader, row):
        parsed = self._row
        if parsed.errors or parsed.deputy is None:
            return None
        meeting, _item, vote = self._existing(parsed)
        ballot = self._ballots[meeting.pk].get((vote.pk, parsed.deputy.pk)) if vote else None
        if ballot is not None:
            self._original = (ballot.choice, ballot.recorded_name)
        return ballot

    def import_instance(self, instance, row, **kwargs):
        errors = {column: list(messages) for column, messages in self._row.errors.items()}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            for attribute, messages in error.message_dict.items():
                errors.setdefault(self.fields[attribute].column_name, []).extend(messages)
        parsed = self._row
        if not errors:
            seen = (parsed.meeting_key, parsed.item_key, parsed.vote_key, parsed.deputy.pk)
            first = self._seen.setdefault(seen, kwargs["row_number"])
            if first != kwargs["row_number"]:
                errors[fmt.DEPUTY] = [
                    _("This deputy's ballot in this vote is already in row %(row)d.")
                    % {"row": self.lines[first - 1] if self.lines else first + 1}
                ]
        if errors:
            raise ValidationError(errors)
        instance.deputy = parsed.deputy

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """An existing ballot the row leaves as it is: reported as unchanged, not written."""
        if import_validation_errors or self._original is None:
            return False
        return self._original == (instance.choice, instance.recorded_name)

    # Writing ----------------------------------------------------------------------------------------

    def save_instance(self, instance, is_create, row, **kwargs):
        vote = self._ensure_vote(self._row)
        if is_create:
            instance.vote, instance.sort_order = vote, kwargs.get("row_number")
        self.touched[vote.pk] = vote
        super().save_instance(instance, is_create, row, **kwargs)

    def _ensure_vote(self, parsed) -> Vote:
        meeting, item, vote = self._existing(parsed)
        if meeting is None:
            starts = timezone.make_aware(datetime.datetime.combine(parsed.date, DEFAULT_START))
            meeting = Meeting.objects.create(
                kind=MeetingKind.PLENARY,
                number=parsed.session,
                convocation=parsed.convocation,
                starts_at=parsed.held_at or starts,
                status=MeetingStatus.HELD,
            )
            self.created["meetings"].append(meeting)
            self._meetings[parsed.meeting_key] = meeting
            self._items[meeting.pk], self._ballots[meeting.pk] = {}, {}
        if item is None:
            order = len(self._items[meeting.pk])
            item = AgendaItem.objects.create(
                meeting=meeting, number=parsed.item_number, title=parsed.item_title, sort_order=order
            )
            item.meeting = meeting
            self.created["items"].append(item)
            self._items[meeting.pk][parsed.item_key] = item
        if vote is None:
            votes = self._votes.setdefault(item.pk, {})
            position = parsed.position or (max((k[1] for k in votes if k[0] == "position"), default=0) + 1)
            vote = Vote.objects.create(
                agenda_item=item, position=position, question=parsed.question, held_at=parsed.held_at
            )
            vote.agenda_item = item
            self.created["votes"].append(vote)
            votes[("position", position)] = vote
            votes[parsed.vote_key] = vote
        return vote

    def after_import(self, dataset, result, **kwargs):
        """Every vote the file touched is recounted (in a dry run too: the preview shows the result).

        A touched vote not yet published is published now: the import puts its result on the site
        (the deputies' pages, the act's vote section), and Art. 59 judges that moment. A vote published
        before keeps its time: a correction does not make a result published on time look late.
        """
        super().after_import(dataset, result, **kwargs)
        if result.has_errors() or result.has_validation_errors():
            return
        now = timezone.now()
        recount_many(self.touched.values())
        for vote in self.touched.values():
            if vote.published_at is None:
                vote.published_at = now
        unpublished = [pk for pk, vote in self.touched.items() if vote.published_at == now]
        Vote.objects.filter(pk__in=unpublished, published_at__isnull=True).update(published_at=now)


def row_errors(error: ValidationError) -> list[tuple[str, str]]:
    """(column, message) pairs of a row's validation error."""
    pairs = defaultdict(list)
    for column, messages in getattr(error, "message_dict", {"": error.messages}).items():
        pairs[column].extend(messages)
    return [(column, message) for column, messages in pairs.items() for message in messages]
