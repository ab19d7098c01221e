"""Create or complete the groups of ``roles.definitions``: re-runnable, adding and never removing.

Every function takes an app registry (a migration's historical ``apps`` or ``django.apps.apps``), so the
data migration and ``manage.py sync_roles`` run the same code. A section created after the migration
(a fresh site has only the home page) gets its permissions from the next ``sync_roles``.
"""

from .definitions import ROLES

STEP_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP_LENGTH = 4


def _next_step(last: str | None) -> str:
    """The treebeard path step after ``last`` (base 36, four characters)."""
    number = int(last, 36) + 1 if last else 1
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = STEP_ALPHABET[rest] + digits
    return digits.rjust(STEP_LENGTH, "0")


def collection(apps, name):
    """The collection ``name`` under the root collection (None: the root), created if missing."""
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if name is None:
        return root
    found = Collection.objects.filter(depth=2, name=name, path__startswith=root.path).first()
    if found is not None:
        return found
    children = Collection.objects.filter(depth=2, path__startswith=root.path)
    last = children.order_by("-path").values_list("path", flat=True).first()
    step = _next_step(last[-STEP_LENGTH:] if last else None)
    created = Collection.objects.create(name=name, path=root.path + step, depth=2, numchild=0)
    Collection.objects.filter(pk=root.pk).update(numchild=Collection.objects.filter(depth=2).count())
    return created


def section_pages(apps, section):
    """The pages that make up ``section`` (None: the root of the tree)."""
    Page = apps.get_model("wagtailcore", "Page")
    if section is None:
        return list(Page.objects.filter(depth=1))
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label=section.app_label, model=section.model_name).first()
    if content_type is None:
        return []
    pages = Page.objects.filter(content_type=content_type)
    if section.depth is not None:
        pages = pages.filter(depth=section.depth)
    return list(pages.order_by("path"))


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def _collection_permissions(apps, group, grants, *, app_label, codename):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for collection_name, actions in grants.items():
        target = collection(apps, collection_name)
        for action in actions:
            permission = _permission(apps, app_label, codename(action))
            if permission is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=target, permission=permission
                )


def sync_role(apps, role):
    """The group of ``role`` with at least the role's permissions; return the group."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group, _created = Group.objects.get_or_create(name=role.name)
    if role.every_permission:
        group.permissions.add(*Permission.objects.all())
    for app_label, codename in role.permissions:
        permission = _permission(apps, app_label, codename)
        if permission is not None:
            group.permissions.add(permission)
    sections = [None] if role.sections is None else role.sections
    for section in sections:
        for page in section_pages(apps, section):
            for action in role.page_actions:
                permission = _permission(apps, "wagtailcore", f"{action}_page")
                GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    # Wagtail checks document permissions on wagtaildocs.Document, whatever the document model.
    _collection_permissions(
        apps, group, role.documents, app_label="wagtaildocs", codename=lambda action: f"{action}_document"
    )
    _collection_permissions(
        apps, group, role.images, app_label="wagtailimages", codename=lambda action: f"{action}_image"
    )
    return group


def sync_roles(apps):
    """Every role's group, complete; return them by name."""
    return {role.name: sync_role(apps, role) for role in ROLES}
