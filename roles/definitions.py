"""The editorial roles of the council's site, declared once: who may do what, and where.

Names are stored in Ukrainian, as editors see them in the admin. Sections of the page tree are found
by their page type (``app_label.model``), so the same declaration serves the migration, ``sync_roles``
after an operator creates a section, and the tests.
"""

import dataclasses

PRESS_OFFICE = "Пресслужба"
SECRETARIAT = "Секретаріат ради"
REGISTRY_KEEPERS = "Реєстратори"
MODERATORS = "Модератори"
ADMINISTRATORS = "Адміністратори"

SIGNED_SCANS = "Підписані скани"
#: The secretariat's other files: the editable version of an act, its annexes (replaceable, unlike a scan).
SECRETARIAT_FILES = "Матеріали секретаріату"
PRESS_MEDIA = "Матеріали пресслужби"

WORKFLOW_NAME = "Затвердження юридичних документів"
TASK_NAME = "Затвердження модератором"

ALL_PAGE_ACTIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
DOCUMENT_ACTIONS = ("add", "change", "choose")
IMAGE_ACTIONS = ("add", "change", "choose")

#: (app_label, codename) of the permissions of each group outside the page tree and collections.
ADMIN_ACCESS = ("wagtailadmin", "access_admin")
ISSUER = [("pages", f"{action}_issuer") for action in ("add", "change", "view")]
#: Moderating the public's comments on drafts: comments come from citizens, so there is nothing to add.
COMMENTS = [("discussion", f"{action}_comment") for action in ("change", "view")]


@dataclasses.dataclass(frozen=True)
class Section:
    """Pages of ``model`` (``app_label.model_name``) at ``depth`` (None: any depth) form a section."""

    model: str
    depth: int | None = None

    @property
    def app_label(self):
        return self.model.split(".")[0]

    @property
    def model_name(self):
        return self.model.split(".")[1]


NEWS = Section("pages.newsindexpage")
VIDEOS = Section("pages.videoindexpage")
#: Standard pages directly under the home page (root 1, home 2): «Про раду», «Контакти»…
STANDARD = Section("pages.standardpage", depth=3)
ACTS = Section("pages.actindexpage")
COMMISSIONS = Section("pages.commissionindexpage")


@dataclasses.dataclass(frozen=True)
class Role:
    name: str
    permissions: tuple = ()
    #: Page permission actions on each section; ``sections=None`` means the root of the tree.
    page_actions: tuple = ()
    sections: tuple | None = ()
    #: collection name (None: the root collection) → document and image actions.
    documents: dict = dataclasses.field(default_factory=dict)
    images: dict = dataclasses.field(default_factory=dict)
    every_permission: bool = False


ROLES = (
    Role(
        PRESS_OFFICE,
        permissions=(ADMIN_ACCESS,),
        page_actions=("add", "change", "publish", "lock", "unlock"),
        sections=(NEWS, VIDEOS, STANDARD),
        documents={PRESS_MEDIA: DOCUMENT_ACTIONS, None: ("choose",)},
        images={PRESS_MEDIA: IMAGE_ACTIONS, None: ("choose",)},
    ),
    Role(
        SECRETARIAT,
        # The secretariat is told of every new comment on a draft (discussion.services) and moderates it.
        permissions=(ADMIN_ACCESS, *ISSUER, *COMMENTS),
        # No «publish»: an act or a commission document goes live through the moderators' approval.
        page_actions=("add", "change", "lock", "unlock"),
        sections=(ACTS, COMMISSIONS),
        documents={SIGNED_SCANS: DOCUMENT_ACTIONS, SECRETARIAT_FILES: DOCUMENT_ACTIONS, None: ("choose",)},
        images={None: ("choose",)},
    ),
    Role(
        MODERATORS,
        permissions=(ADMIN_ACCESS, *ISSUER, *COMMENTS),
        page_actions=("add", "change", "publish", "lock", "unlock"),
        sections=None,
        documents={None: DOCUMENT_ACTIONS},
        images={None: IMAGE_ACTIONS},
    ),
    Role(
        ADMINISTRATORS,
        page_actions=ALL_PAGE_ACTIONS,
        sections=None,
        documents={None: (*DOCUMENT_ACTIONS, "delete")},
        images={None: (*IMAGE_ACTIONS, "delete")},
        every_permission=True,
    ),
)

#: Page types whose publication needs the moderators' approval, and the sections the workflow is set on.
APPROVAL_SECTIONS = (ACTS, COMMISSIONS)
