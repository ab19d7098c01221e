"""Who did it, when nobody did it by hand: the named system user that imports are recorded under.

The legacy import and the registry import run from the command line with no user; their revisions and
audit log entries name «Система імпорту» instead, so the history says who did what. The user is created
by ``cms`` migration 0004 and, should it have been deleted, again on first use. It cannot log in.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

SYSTEM_USERNAME = "system-import"
SYSTEM_FIRST_NAME = "Система"
SYSTEM_LAST_NAME = "імпорту"


def system_user():
    """The inactive user imports are recorded under (created if missing)."""
    user, created = get_user_model().objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={"first_name": SYSTEM_FIRST_NAME, "last_name": SYSTEM_LAST_NAME, "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def log_imported_pages(pages, *, action="wagtail.create", user=None):
    """One audit log entry per page of a bulk import, in one query (the importer writes pages in bulk)."""
    user = user or system_user()
    now = timezone.now()
    entries = [
        PageLogEntry(
            content_type_id=page.content_type_id,
            page_id=page.pk,
            label=page.title[:255] if page.title else "",
            action=action,
            user=user,
            timestamp=now,
        )
        for page in pages
    ]
    return PageLogEntry.objects.bulk_create(entries)


def log_imported_objects(objects, *, action="wagtail.create", user=None):
    """One audit log entry per object (not a page) written by an import, in one query."""
    user = user or system_user()
    now = timezone.now()
    entries = [
        ModelLogEntry(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
            label=str(obj)[:255],
            action=action,
            user=user,
            timestamp=now,
        )
        for obj in objects
    ]
    return ModelLogEntry.objects.bulk_create(entries)
