"""The import-export resource of the organisations' registry: the file format editors load and export.

The column headers are the file format, written in Ukrainian as the department's spreadsheets
and the Unified State Register's extracts write them, so they are constants here rather than
translations: a file exported today must import tomorrow whatever the interface language.
"""

import datetime
import re

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import connections, router, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from import_export.instance_loaders import CachedInstanceLoader, ModelInstanceLoader

from cms.bulk import index_in_bulk

from .models import FieldOfActivity, LegalForm, Organization, OrganizationKind, RegistrationStatus
from .tasks import index_organizations

DATE_FORMAT = "%d.%m.%Y"

#: (model attribute, column header) in the order the export writes them.
COLUMNS = [
    ("name", "Назва"),
    ("short_name", "Скорочена назва"),
    ("edrpou", "Код ЄДРПОУ"),
    ("kind", "Тип"),
    ("legal_form", "Організаційно-правова форма"),
    ("registration_date", "Дата реєстрації"),
    ("status", "Статус"),
    ("address", "Адреса"),
    ("head", "Керівник"),
    ("phone", "Телефон"),
    ("email", "Електронна пошта"),
    ("website", "Вебсайт"),
    ("fields_of_activity", "Напрями діяльності"),
    ("party", "Партія"),
    ("faction", "Фракція в раді"),
    ("seats", "Кількість місць у раді"),
    ("notes", "Примітки"),
]
COLUMN_BY_ATTRIBUTE = dict(COLUMNS)
REQUIRED_COLUMNS = ("Назва", "Код ЄДРПОУ")
_SEPARATORS = re.compile(r"[;,]")


def _normalise_header(header) -> str:
    return " ".join(str(header or "").replace("\ufeff", "").split()).casefold()


# A header is recognised by its Ukrainian title or the model attribute, case and spacing aside.
_HEADER_ALIASES = {
    **{_normalise_header(column): column for _, column in COLUMNS},
    **{_normalise_header(attribute): column for attribute, column in COLUMNS},
}


def normalise_headers(headers) -> tuple[list[str], list[str]]:
    """Map a file's headers onto the registry's columns.

    Returns the headers with every recognised one replaced by its canonical title, and the
    problems found (unknown, duplicated or missing required columns) as messages for editors.
    """
    normalised, problems = [], []
    for position, header in enumerate(headers or [], 1):
        column = _HEADER_ALIASES.get(_normalise_header(header))
        if column is None:
            problems.append(
                _("Unknown column «%(header)s» (column %(position)d). Expected columns: %(expected)s.")
                % {"header": header, "position": position, "expected": ", ".join(c for _, c in COLUMNS)}
            )
            column = str(header)
        elif column in normalised:
            problems.append(_("Column «%(header)s» appears twice.") % {"header": column})
        normalised.append(column)
    for column in REQUIRED_COLUMNS:
        if column not in normalised:
            problems.append(_("Required column «%(header)s» is missing.") % {"header": column})
    return normalised, problems


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class EdrpouWidget(widgets.Widget):
    """Reads a code as text; restores the leading zeros a spreadsheet drops from a numeric cell."""

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        code = "".join(str(value).split())
        if code.isdigit() and len(code) < 8:
            code = code.zfill(8)
        return code

    def render(self, value, obj=None, **kwargs):
        return value or ""


class ChoiceLabelWidget(widgets.Widget):
    """A choice written by its Ukrainian label (as the export writes it) or by its stored value."""

    def __init__(self, choices, **kwargs):
        self.choices = choices
        self._tables = {}
        super().__init__(**kwargs)

    def _lookup(self):
        language = translation.get_language()
        if self._tables.get(language) is None:
            table = {}
            with translation.override("uk"):
                for value, label in self.choices.choices:
                    table[value.casefold()] = value
                    table[str(label).casefold()] = value
            for value, label in self.choices.choices:
                table[str(label).casefold()] = value
            self._tables[language] = table
        return self._tables[language]

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        text = " ".join(str(value).split()).casefold()
        found = self._lookup().get(text)
        if found is None:
            with translation.override("uk"):
                expected = "; ".join(str(label) for _, label in self.choices.choices)
            raise ValueError(
                _("Unknown value «%(value)s». Expected one of: %(expected)s.")
                % {"value": value, "expected": expected}
            )
        return found

    def render(self, value, obj=None, **kwargs):
        return str(self.choices(value).label) if value else ""


class UkrainianDateWidget(widgets.Widget):
    """Dates as DD.MM.YYYY (ISO accepted too); a spreadsheet's date cell is taken as it is."""

    input_formats = (DATE_FORMAT, "%Y-%m-%d")

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = str(value).strip()
        for fmt in self.input_formats:
            try:
                return datetime.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise ValueError(_("Wrong or impossible date «%(value)s»: expected DD.MM.YYYY.") % {"value": value})

    def render(self, value, obj=None, **kwargs):
        return value.strftime(DATE_FORMAT) if value else ""


class SeatsWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        try:
            number = float(str(value).strip().replace(",", "."))
        except ValueError:
            number = -1
        if number < 0 or not number.is_integer():
            raise ValueError(_("Number of seats must be a whole number, got «%(value)s».") % {"value": value})
        return int(number)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class TextWidget(widgets.CharWidget):
    """Text cells; a number in a spreadsheet cell (a phone) is written without a trailing '.0'."""

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()


class FieldsOfActivityWidget(widgets.Widget):
    """Names of fields of activity separated by ';' or ','."""

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return []
        names = []
        for name in _SEPARATORS.split(str(value)):
            name = " ".join(name.split())
            if name and name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
        return names

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return "; ".join(term.name for term in value.all())


class FieldsOfActivityField(fields.Field):
    """Keeps the names read from a row on the instance; the resource writes the relation after saving."""

    def save(self, instance, row, is_m2m=False, **kwargs):
        instance._imported_fields_of_activity = self.clean(row, **kwargs)


#: The columns an import writes to an existing organisation (the code is the identity, the relation apart).
UPDATE_FIELDS = [name for name, _ in COLUMNS if name not in ("edrpou", "fields_of_activity")]


def _update_rows(instances):
    """UPDATE the given organisations' import columns and stamp, one prepared statement for all."""
    if not instances:
        return
    meta = Organization._meta
    fields = [meta.get_field(name) for name in UPDATE_FIELDS] + [meta.get_field("updated_at")]
    connection = connections[router.db_for_write(Organization)]
    quote = connection.ops.quote_name
    now = timezone.now()
    for instance in instances:
        instance.updated_at = now
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(meta.db_table), ", ".join(f"{quote(f.column)} = %s" for f in fields), quote(meta.pk.column)
    )
    params = [
        [f.get_db_prep_save(getattr(instance, f.attname), connection) for f in fields] + [instance.pk]
        for instance in instances
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _column(attribute, widget=None, **kwargs):
    return fields.Field(
        attribute=attribute,
        column_name=COLUMN_BY_ATTRIBUTE[attribute],
        widget=widget or TextWidget(),
        **kwargs,
    )


class OrganizationResource(resources.ModelResource):
    """The registry's file format, with the fast path the admin and the command use.

    The EDRPOU code is the identity: a row whose code exists updates that organisation.
    Existing organisations are fetched in one query (``CachedInstanceLoader``), rows are
    validated one by one with ``full_clean`` (so every error keeps its row) and written in
    batches; the relation to fields of activity and the search index are written per batch.
    Unknown fields of activity are created and listed in ``created_fields_of_activity``.
    """

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
        skip_diff = True
        report_skipped = True

    def __init__(self, *, default_kind=None, **kwargs):
        super().__init__(**kwargs)
        self.default_kind = default_kind
        self.created_fields_of_activity = []
        self.imported_pks = []
        self.unchanged = 0
        self._vocabulary = None
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

    def after_init_instance(self, instance, new, row, **kwargs):
        if not new and self._meta.use_bulk:
            # What the organisation holds now, to write only what a row changes.
            instance._registry_snapshot = [getattr(instance, name) for name in UPDATE_FIELDS]
            instance._registry_terms = {term.name.casefold() for term in instance.fields_of_activity.all()}

    def after_save_instance(self, instance, row, **kwargs):
        if not self._meta.use_bulk and instance.pk:
            self._write_fields_of_activity([instance])

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        instances = list(self.create_instances)
        super().bulk_create(using_transactions, dry_run, raise_errors, batch_size=batch_size, result=result)
        saved = [instance for instance in instances if instance.pk]
        self._write_fields_of_activity(saved)
        self.imported_pks.extend(instance.pk for instance in saved)

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        """Write the changed organisations of the batch with one prepared UPDATE (executemany).

        Django's bulk_update() builds a CASE expression per field and row, and on SQLite splits
        the batch into nearly one query per row; a plain parametrised UPDATE run for every changed
        row is several times faster on both databases. Unchanged rows are not written at all.
        """
        instances = list(self.update_instances)
        self.update_instances.clear()
        if not instances or not (using_transactions or not dry_run):
            return
        changed = [
            i for i in instances if [getattr(i, name) for name in UPDATE_FIELDS] != i._registry_snapshot
        ]
        try:
            _update_rows(changed)
        except Exception as error:
            self.handle_import_error(result, error, raise_errors)
            return
        terms_changed = [
            i
            for i in instances
            if getattr(i, "_imported_fields_of_activity", None) is not None
            and {name.casefold() for name in i._imported_fields_of_activity} != i._registry_terms
        ]
        self._write_fields_of_activity(terms_changed)
        self.unchanged += len(instances) - len({i.pk for i in changed + terms_changed})
        self.imported_pks.extend({i.pk for i in changed + terms_changed})

    def _terms_for(self, names):
        if self._vocabulary is None:
            self._vocabulary = {term.name.casefold(): term for term in FieldOfActivity.objects.all()}
        missing = [name for name in names if name.casefold() not in self._vocabulary]
        if missing:
            for term in FieldOfActivity.objects.bulk_create([FieldOfActivity(name=name) for name in missing]):
                if not term.pk:  # a database that returns no ids from a bulk insert
                    term = FieldOfActivity.objects.get(name=term.name)
                self._vocabulary[term.name.casefold()] = term
            self.created_fields_of_activity.extend(missing)
        return [self._vocabulary[name.casefold()] for name in names]

    def _write_fields_of_activity(self, instances):
        """Replace the fields of activity of ``instances`` whose rows had the column, in two queries."""
        pending = [i for i in instances if getattr(i, "_imported_fields_of_activity", None) is not None]
        if not pending:
            return
        new_names = []
        for instance in pending:
            for name in instance._imported_fields_of_activity:
                if name.casefold() not in {n.casefold() for n in new_names}:
                    new_names.append(name)
        self._terms_for(new_names)
        through = Organization.fields_of_activity.through
        through.objects.filter(organization_id__in=[i.pk for i in pending]).delete()
        through.objects.bulk_create(
            [
                through(organization_id=instance.pk, fieldofactivity_id=term.pk)
                for instance in pending
                for term in self._terms_for(instance._imported_fields_of_activity)
            ]
        )
        for instance in pending:
            instance._imported_fields_of_activity = None

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if (
            self.imported_pks
            and not kwargs.get("dry_run")
            and not result.has_errors()
            and not result.has_validation_errors()
        ):
            # After the commit, and as a task: a slow or unreachable search server must not undo an import.
            pks = list(self.imported_pks)
            transaction.on_commit(
                lambda: index_organizations.enqueue(pks), using=self.get_db_connection_name()
            )


class DefaultOrganizationResource(OrganizationResource):
    """The same format on import-export's default path: one query per row, per-row saves and diffs.

    Kept for the benchmark, which measures what the fast path gains.
    """

    class Meta(OrganizationResource.Meta):
        instance_loader_class = ModelInstanceLoader
        use_bulk = False
        skip_diff = False


INDEX_CHUNK = 500


def update_search_index(*, pks):
    """Index the given organisations in every auto-updated search backend (bulk writes bypass the signals)."""
    index_in_bulk(Organization, sorted(pks), chunk_size=INDEX_CHUNK)


def file_row_number(data_row_number: int) -> int:
    """The row as a spreadsheet shows it: the header is row 1, so data row 1 is row 2."""
    return data_row_number + 1


def field_errors(resource, error: ValidationError) -> list[tuple[str, str]]:
    """(column, message) pairs of a row's validation error, with the columns as the file names them."""
    problems = []
    for attribute, messages in getattr(error, "message_dict", {NON_FIELD_ERRORS: error.messages}).items():
        field = resource.fields.get(attribute)
        column = field.column_name if field else ("" if attribute == NON_FIELD_ERRORS else attribute)
        problems.extend((column, message) for message in messages)
    return problems
