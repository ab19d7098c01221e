"""The import-export resource of the organisations' registry: the file format editors load and export.

The EDRPOU code is the identity: a row whose code exists updates that organisation. Existing
organisations are fetched in one query (``CachedInstanceLoader``); every row is validated with
``full_clean`` (so every error keeps its row); import-export writes the organisations in batches
(``use_bulk``: Django's ``bulk_create``) and the bulk writer upserts the changed ones with only the
columns they change (``save_instance``, ``after_import``); a row that changes nothing is skipped
(``skip_row``) and reported as unchanged; the relation to fields of activity is written once the
rows are in (``after_import``).
"""

import dataclasses

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources
from import_export.instance_loaders import CachedInstanceLoader, ModelInstanceLoader

from . import bulk
from .columns import COLUMN_BY_ATTRIBUTE, COLUMNS, file_row_number, is_blank, normalise_headers
from .models import LegalForm, Organization, OrganizationKind, RegistrationStatus
from .widgets import (
    ChoiceLabelWidget,
    EdrpouWidget,
    FieldsOfActivityWidget,
    SeatsWidget,
    TextWidget,
    UkrainianDateWidget,
    without_neutralising_quote,
)


class FieldsOfActivityField(fields.Field):
    """Keeps the names read from a row on the instance; the resource writes the relation after saving."""

    def save(self, instance, row, is_m2m=False, **kwargs):
        bulk.set_pending_terms(instance, self.clean(row, **kwargs))


def _column(attribute, widget=None, **kwargs):
    return fields.Field(
        attribute=attribute,
        column_name=COLUMN_BY_ATTRIBUTE[attribute],
        widget=widget or TextWidget(),
        **kwargs,
    )


@dataclasses.dataclass(frozen=True)
class Change:
    """A column a row changes on an existing organisation, as the file writes the values."""

    attribute: str
    column: str
    old: str
    new: str


class OrganizationResource(resources.ModelResource):
    """The registry's file format, with the fast path the admin and the command use."""

    name = _column("name")
    short_name = _column("short_name")
    edrpou = _column("edrpou", EdrpouWidget())
    kind = _column("kind", ChoiceLabelWidget(OrganizationKind), saves_null_values=False)
    legal_form = _column("legal_form", ChoiceLabelWidget(LegalForm), saves_null_values=False)
    registration_date = _column("registration_date", UkrainianDateWidget())
    status = _column("status", ChoiceLabelWidget(RegistrationStatus), saves_null_values=False)
    address = _column("address")
    head = _column("head")
    phone = _column("phone")
    email = _column("email")
    website = _column("website")
    fields_of_activity = FieldsOfActivityField(
        attribute="fields_of_activity",
        column_name=COLUMN_BY_ATTRIBUTE["fields_of_activity"],
        widget=FieldsOfActivityWidget(),
    )
    party = _column("party")
    faction = _column("faction")
    seats = _column("seats", SeatsWidget())
    notes = _column("notes")

    class Meta:
        model = Organization
        fields = [attribute for attribute, _ in COLUMNS]
        export_order = fields
        import_id_fields = ["edrpou"]
        clean_model_instances = True
        instance_loader_class = CachedInstanceLoader
        use_bulk = True
        batch_size = 500
        # import-export's Diff deep-copies every existing organisation and renders every column twice
        # (the relation with a query per row); skip_row() below compares with a snapshot instead.
        skip_diff = True
        report_skipped = True
        store_instance = True

    def __init__(self, *, default_kind=None, **kwargs):
        super().__init__(**kwargs)
        self.default_kind = default_kind
        self.vocabulary = bulk.Vocabulary()
        #: The columns each existing organisation's row changes, by primary key.
        self.changes: dict[int, list[Change]] = {}
        self._snapshots: dict[int, bulk.Snapshot] = {}
        #: The existing organisations that rows change, written by the bulk writer after the rows.
        self.changed_instances: list[Organization] = []
        self._rows_by_code = {}

    def get_queryset(self):
        return Organization.objects.prefetch_related("fields_of_activity")

    def init_instance(self, row=None):
        instance = super().init_instance(row)
        if self.default_kind:
            instance.kind = self.default_kind
        return instance

    def before_import(self, dataset, **kwargs):
        dataset.headers, problems = normalise_headers(dataset.headers)
        if problems:
            raise ValidationError(problems)

    def before_import_row(self, row, **kwargs):
        if all(is_blank(value) for value in row.values()):
            raise ValidationError(_("The row is empty: delete it or fill it in."))

    def after_init_instance(self, instance, new, row, **kwargs):
        if not new:
            self._snapshots[instance.pk] = bulk.Snapshot.of(instance)

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        code, number = instance.edrpou, kwargs.get("row_number")
        if code and code in self._rows_by_code:
            errors.setdefault("edrpou", []).append(
                ValidationError(
                    _("EDRPOU code «%(code)s» already appears in row %(row)d of this file.")
                    % {"code": code, "row": file_row_number(self._rows_by_code[code])}
                )
            )
        elif code:
            self._rows_by_code[code] = number
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # The cached loader has already matched every code in the file against the database and
        # import_instance() rejects a code repeated in the file, so the per-row uniqueness query is redundant.
        super().validate_instance(
            instance, import_validation_errors, validate_unique=validate_unique and not self._meta.use_bulk
        )

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """An existing organisation the row leaves as it is: reported as unchanged and not written."""
        snapshot = self._snapshots.get(instance.pk) if instance.pk else None
        if snapshot is None or import_validation_errors:
            return False
        changed = snapshot.changed_attributes(instance)
        self.changes[instance.pk] = [self._change(name, snapshot, instance) for name in changed]
        return not changed

    def _change(self, attribute, snapshot, instance) -> Change:
        field = self.fields[attribute]
        if attribute == "fields_of_activity":
            old = "; ".join(term.name for term in instance.fields_of_activity.all())
            return Change(attribute, field.column_name, old, "; ".join(bulk.pending_terms(instance)))
        old, new = (
            without_neutralising_quote(str(field.widget.render(value)))
            for value in (snapshot.values[attribute], getattr(instance, attribute))
        )
        return Change(attribute, field.column_name, old, new)

    def save_instance(self, instance, is_create, row, **kwargs):
        """New organisations go to import-export's batches (``bulk_create``); changed ones are kept for
        the bulk writer, which upserts them after the rows (``after_import``) with only their changed columns.
        """
        if is_create or not self._meta.use_bulk:
            super().save_instance(instance, is_create, row, **kwargs)
            return
        self.before_save_instance(instance, row, **kwargs)
        self.changed_instances.append(instance)
        self.after_save_instance(instance, row, **kwargs)

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if kwargs.get("dry_run"):
            names = [name for row in result.valid_rows() for name in bulk.pending_terms(row.instance) or []]
            self.vocabulary.created.extend(self.vocabulary.missing(names))
            return
        if result.has_errors():
            return  # import-export rolls the import back
        size = self._meta.batch_size
        for start in range(0, len(self.changed_instances), size):
            batch = self.changed_instances[start : start + size]
            bulk.write_changes(batch, {o.pk: [c.attribute for c in self.changes[o.pk]] for o in batch})
        saved = [row.instance for row in result.valid_rows() if row.is_new() or row.is_update()]
        for start in range(0, len(saved), size):
            bulk.write_fields_of_activity(saved[start : start + size], self.vocabulary)

    @property
    def created_fields_of_activity(self) -> list[str]:
        return list(self.vocabulary.created)


class DefaultOrganizationResource(OrganizationResource):
    """The same format on import-export's default path: one query per row, per-row saves.

    Kept for the benchmark, which measures what the fast path gains.
    """

    class Meta(OrganizationResource.Meta):
        instance_loader_class = ModelInstanceLoader
        use_bulk = False


def field_errors(resource, error: ValidationError) -> list[tuple[str, str]]:
    """(column, message) pairs of a row's validation error, with the columns as the file names them."""
    problems = []
    for attribute, messages in getattr(error, "message_dict", {NON_FIELD_ERRORS: error.messages}).items():
        field = resource.fields.get(attribute)
        column = field.column_name if field else ("" if attribute == NON_FIELD_ERRORS else attribute)
        problems.extend((column, message) for message in messages)
    return problems
