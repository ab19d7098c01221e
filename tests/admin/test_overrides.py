"""The admin templates the project overrides are still the ones the overrides were made from.

Each override (under cms/templates/, or the templates of the app it serves) copies a Wagtail or
wagtail-modeladmin template, or one block of it, to drop a link to wagtail.org, to write a count
Ukrainian can agree with, or to say more (who sent a page back, and why). When an upgrade changes an
original, this test fails: compare the new original with the override and carry the change over.
"""

import hashlib

import pytest
from django.conf import settings
from django.template import engines
from django.template.loaders.app_directories import Loader

#: Original template → (the app whose copy is the original, its SHA-256 when the override was made).
ORIGINALS = {
    "wagtailadmin/shared/pagination_nav.html": (
        "wagtail.admin",
        "4d6da73d6fef03c37dce45ddc5ff069e6f9750667125f8a18659a7418c3d6a71",
    ),
    "modeladmin/index.html": (
        "wagtail_modeladmin",
        "5d683768951a5d4aba9ee4577d11ffce926889e7d79529404f99dbd76b5a703f",
    ),
    "wagtailadmin/home/account_summary.html": (
        "wagtail.admin",
        "ff5c7d30e46778c38af5557c0fd08c0139f71f8a539c791501ed9664f6ec6837",
    ),
    "wagtailadmin/shared/side_panels/checks.html": (
        "wagtail.admin",
        "9aa33e9ba25998606592ad1b6d8df8a5386fbe14fcbe0a3890cfb5c4e465f96d",
    ),
    # roles/templates/: the dashboard says who sent a page back, when and why.
    "wagtailadmin/home/user_objects_in_workflow_moderation.html": (
        "wagtail.admin",
        "a32a2e55a6b108c0261a071f45bda2be9fc38f276beb56ab9faef551e3aa5178",
    ),
}


def original_source(name: str, app: str) -> bytes:
    """The template ``name`` as the package ``app`` ships it (not the project's override)."""
    loader = Loader(engines["django"].engine)
    for origin in loader.get_template_sources(name):
        if f"/{app.replace('.', '/')}/templates/" in origin.name:
            with open(origin.name, "rb") as source:
                return source.read()
    raise LookupError(name)


@pytest.mark.parametrize("name", sorted(ORIGINALS))
def test_overridden_admin_template_is_unchanged_upstream(name):
    app, digest = ORIGINALS[name]
    assert hashlib.sha256(original_source(name, app)).hexdigest() == digest


@pytest.mark.parametrize("name", sorted(ORIGINALS))
def test_project_overrides_the_admin_template(name):
    origin = engines["django"].engine.find_template(name)[1]
    assert origin.name.startswith(str(settings.BASE_DIR)) and "/site-packages/" not in origin.name
