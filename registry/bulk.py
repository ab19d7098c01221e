"""The bulk writer of an import: what a row changes, the vocabulary of fields of activity, the relation.

import-export writes the new organisations itself (``bulk_create`` of a batch); what it cannot write in
bulk (a many-to-many relation) or writes slowly (the changed columns of existing organisations, through
``bulk_update``'s CASE expressions) is here, with Django's public bulk API only. Two imports running
at once may create the same new field of activity: the insert ignores the conflict and reads the term
back, so neither fails.
"""

import dataclasses

from .columns import UPDATE_FIELDS
from .models import FieldOfActivity, Organization

#: The attribute on an organisation carrying the field-of-activity names its row asked for (None:
#: the file has no such column, the relation stays as it is).
PENDING_TERMS = "registry_pending_terms"


@dataclasses.dataclass(frozen=True)
class Snapshot:
    """What an existing organisation holds before a row is applied to it."""

    values: dict
    terms: frozenset

    @classmethod
    def of(cls, organization: Organization) -> "Snapshot":
        return cls(
            values={name: getattr(organization, name) for name in UPDATE_FIELDS},
            terms=frozenset(term.name.casefold() for term in organization.fields_of_activity.all()),
        )

    def changed_attributes(self, organization: Organization) -> list[str]:
        """The import columns (model attributes) whose value the row changes, the relation included."""
        changed = [name for name in UPDATE_FIELDS if getattr(organization, name) != self.values[name]]
        names = pending_terms(organization)
        if names is not None and frozenset(name.casefold() for name in names) != self.terms:
            changed.append("fields_of_activity")
        return changed


def pending_terms(organization: Organization) -> list[str] | None:
    return getattr(organization, PENDING_TERMS, None)


def set_pending_terms(organization: Organization, names: list[str] | None) -> None:
    setattr(organization, PENDING_TERMS, names)


def write_changes(organizations, changed: dict[int, list[str]]) -> None:
    """Write the changed columns (and ``updated_at``) of existing ``organizations`` in one statement.

    Django's ``bulk_create(update_conflicts=True)``: one ``INSERT … ON CONFLICT (id) DO UPDATE SET`` the
    changed columns, for the whole batch. Django's ``bulk_update`` builds a ``CASE WHEN id = …`` per
    row and column in Python, which made updates several times slower than the rest of the import.
    """
    columns = {name for pk in changed for name in changed[pk] if name in UPDATE_FIELDS}
    if not organizations:
        return
    Organization.objects.bulk_create(
        organizations,
        update_conflicts=True,
        unique_fields=[Organization._meta.pk.name],
        update_fields=[name for name in UPDATE_FIELDS if name in columns] + ["updated_at"],
    )


class Vocabulary:
    """The fields of activity, matched by case-folded name; unknown names are created on demand."""

    def __init__(self):
        self._terms = None
        self.created: list[str] = []

    def _known(self) -> dict:
        if self._terms is None:
            self._terms = {term.name.casefold(): term for term in FieldOfActivity.objects.all()}
        return self._terms

    def missing(self, names) -> list[str]:
        """The names (first spelling of each) that are not in the vocabulary yet."""
        known, missing = self._known(), {}
        for name in names:
            if name.casefold() not in known:
                missing.setdefault(name.casefold(), name)
        return list(missing.values())

    def terms_for(self, names) -> list[FieldOfActivity]:
        """The terms of ``names``, creating the missing ones (another import may create them at once)."""
        missing = self.missing(names)
        if missing:
            FieldOfActivity.objects.bulk_create(
                [FieldOfActivity(name=name) for name in missing], ignore_conflicts=True
            )
            for term in FieldOfActivity.objects.filter(name__in=missing):
                self._terms[term.name.casefold()] = term
            for name in missing:  # created meanwhile by another import, spelt in another case
                if name.casefold() not in self._terms:
                    self._terms[name.casefold()] = FieldOfActivity.objects.get(name__iexact=name)
            self.created.extend(missing)
        return [self._terms[name.casefold()] for name in names]


def write_fields_of_activity(organizations, vocabulary: Vocabulary) -> None:
    """Replace the fields of activity of the saved ``organizations`` whose rows had the column."""
    pending = [o for o in organizations if o.pk and pending_terms(o) is not None]
    if not pending:
        return
    vocabulary.terms_for([name for organization in pending for name in pending_terms(organization)])
    through = Organization.fields_of_activity.through
    through.objects.filter(organization_id__in=[o.pk for o in pending]).delete()
    through.objects.bulk_create(
        [
            through(organization_id=organization.pk, fieldofactivity_id=term.pk)
            for organization in pending
            for term in vocabulary.terms_for(pending_terms(organization))
        ],
        ignore_conflicts=True,  # a concurrent import of the same organisation wrote the same pair
    )
    for organization in pending:
        set_pending_terms(organization, None)
