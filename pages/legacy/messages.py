"""What the import tells its operator, in Ukrainian: each failure reason, and the summary's lines."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext, pgettext_lazy

#: The Ukrainian wording of each ``RecordError.reason`` (the reasons stay short English keys in code).
REASONS = {
    "invalid JSON": gettext_lazy("invalid JSON"),
    "invalid encoding": gettext_lazy("invalid encoding"),
    "invalid item": gettext_lazy("invalid item"),
    "missing legacy_id": gettext_lazy("missing legacy_id"),
    "unknown type": gettext_lazy("unknown item type"),
    "missing title": gettext_lazy("missing title"),
    "missing date": gettext_lazy("missing date"),
    "invalid date": gettext_lazy("invalid date"),
    "invalid field": gettext_lazy("invalid field"),
    "missing file": gettext_lazy("missing file"),
    "empty file": gettext_lazy("empty file"),
    "missing field": gettext_lazy("missing field"),
    "unknown value": gettext_lazy("unknown value"),
    "unknown issuer": gettext_lazy("unknown issuer"),
    "duplicate legacy_id": gettext_lazy("duplicate legacy_id"),
    "type changed": gettext_lazy("type changed"),
    "database error": gettext_lazy("database error"),
    "edited on the site": gettext_lazy("changed on the new site"),
    # Not a failure: the image is dropped, its alt text kept, and the item imported.
    "missing image": gettext_lazy("image not in the bundle"),
}


#: Why an element of the export was skipped without failing (``SkippedItem.reason``), as the summary says it.
SKIPPED = {
    "plone folder": pgettext_lazy(
        "legacy import", "skipped: Plone folders (their items are imported by their own types)"
    ),
}


def reason_text(reason: str) -> str:
    return str(REASONS.get(reason, reason))


def where(line) -> str:
    return _("line %(line)s") % {"line": line} if line is not None else pgettext("legacy import", "item")


def failure_line(failure) -> str:
    """One failure that names no value: «рядок 4 [n4]: неправильна дата: published: ...»."""
    ident = f" [{failure.legacy_id}]" if failure.legacy_id else ""
    detail = f": {failure.detail}" if failure.detail else ""
    return f"{where(failure.line)}{ident}: {reason_text(failure.reason)}{detail}"


def unknown_value_line(group) -> str:
    """One value that failed items, once: what it is, in which field, how many lines and the first ones."""
    lines = ngettext("%(count)d line", "%(count)d lines", group.count) % {"count": group.count}
    first = ", ".join(str(line) for line in group.lines)
    text = _("%(reason)s «%(value)s» (field %(field)s): %(lines)s, first: %(first)s") % {
        "reason": reason_text(group.reason),
        "value": group.value,
        "field": group.field,
        "lines": lines,
        "first": first,
    }
    if group.reason == "unknown issuer":
        text += ". " + _(
            "Add it to an issuer's other names in the admin, or run again with --create-missing-issuers."
        )
    return text


def summary_rows(summary) -> list[tuple[str, int]]:
    """The summary table's (label, count) rows."""
    rows = [
        (pgettext("legacy import", "created"), summary.created),
        (pgettext("legacy import", "updated"), summary.updated),
        (pgettext("legacy import", "unchanged"), summary.unchanged),
        (pgettext("legacy import", "skipped (--only/--since)"), summary.skipped),
        *((str(SKIPPED[reason]), count) for reason, count in sorted(summary.skipped_items.items())),
        (pgettext("legacy import", "failed"), summary.failed),
    ]
    rows += [
        (f"  {pgettext('legacy import', 'failed')}: {reason_text(reason)}", count)
        for reason, count in sorted(summary.failed_by_reason().items())
    ]
    if summary.images_missing:
        rows.append(
            (pgettext("legacy import", "images not found in the bundle"), len(summary.images_missing))
        )
    if summary.absent:
        rows.append((pgettext("legacy import", "imported before, not in this export"), len(summary.absent)))
    if summary.issuers_created:
        rows.append((pgettext("legacy import", "issuers created"), len(summary.issuers_created)))
    return rows


#: How many ``legacy_id``s of the absent items the summary names.
ABSENT_NAMED = 20


def absent_line(absent) -> str:
    """The items imported before that the export no longer holds: their pages stay on the site."""
    named = ", ".join(absent[:ABSENT_NAMED]) + (", …" if len(absent) > ABSENT_NAMED else "")
    return _(
        "%(count)d items imported before are not in this export (%(ids)s): their pages were left as they "
        "are; if the old site removed them, unpublish them in the admin."
    ) % {"count": len(absent), "ids": named}
