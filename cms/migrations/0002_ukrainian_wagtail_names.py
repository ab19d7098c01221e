"""Ukrainian names for what Wagtail's own migrations create in English.

Wagtail's data migrations create the groups «Editors» and «Moderators», the task and workflow
«Moderators approval», the tree's root page and the root collection «Root»; editors see these names on the workflow
buttons («Надіслати в процес …»), in the privacy and user forms and in the page explorer.
A name is changed only while it is still Wagtail's default and the Ukrainian name is free, so a
name an administrator chose, or a group the roles migration made, is left alone. Re-runnable.
"""

from django.db import migrations

GROUPS = {"Editors": "Редактори", "Moderators": "Модератори"}
WORKFLOWS = {"Moderators approval": "Затвердження модераторами"}
TASKS = {"Moderators approval": "Затвердження модераторами"}
ROOT = {"Root": "Корінь"}
ROOT_COLLECTION = {"Root": "Коренева колекція"}


def _rename(model, names, *, field="name"):
    for old, new in names.items():
        if not model.objects.filter(**{field: new}).exists():
            model.objects.filter(**{field: old}).update(**{field: new})


def _rename_root(Page, names):
    for old, new in names.items():
        Page.objects.filter(depth=1, title=old).update(title=new, draft_title=new)


def _rename_root_collection(Collection, names):
    for old, new in names.items():
        Collection.objects.filter(depth=1, name=old).update(name=new)


def to_ukrainian(apps, schema_editor):
    _rename(apps.get_model("auth", "Group"), GROUPS)
    _rename(apps.get_model("wagtailcore", "Workflow"), WORKFLOWS)
    _rename(apps.get_model("wagtailcore", "Task"), TASKS)
    _rename_root(apps.get_model("wagtailcore", "Page"), ROOT)
    _rename_root_collection(apps.get_model("wagtailcore", "Collection"), ROOT_COLLECTION)


def to_english(apps, schema_editor):
    def reverse(names):
        return {new: old for old, new in names.items()}

    _rename(apps.get_model("auth", "Group"), reverse(GROUPS))
    _rename(apps.get_model("wagtailcore", "Workflow"), reverse(WORKFLOWS))
    _rename(apps.get_model("wagtailcore", "Task"), reverse(TASKS))
    _rename_root(apps.get_model("wagtailcore", "Page"), reverse(ROOT))
    _rename_root_collection(apps.get_model("wagtailcore", "Collection"), reverse(ROOT_COLLECTION))


class Migration(migrations.Migration):
    # After every Wagtail migration that finds these groups by their English names to give them
    # permissions (admin access, images, documents, page locking): renamed earlier, they would get none.
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(to_ukrainian, to_english)]
