"""The admin asks for nothing and links to nothing beyond the site's own host.

A council office intranet has no way out, and an editor's browser should not tell third parties who
works when (gravatar) or which version runs (the update check). Every screen the crawl of
``test_ukrainian`` reads (as a superuser with content, empty, as a registry keeper) is checked there
for another host too: one crawl of the whole admin serves both checks.
"""

from django.conf import settings


def test_update_check_and_gravatar_are_off():
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None


def test_dashboard_has_no_update_check_for_a_superuser(superuser_client):
    assert b"releases.wagtail.org" not in superuser_client.get("/admin/").content
    assert b'data-controller="w-upgrade"' not in superuser_client.get("/admin/").content


def test_avatar_is_served_by_the_site(superuser_client):
    html = superuser_client.get("/admin/").content.decode()
    assert "gravatar.com" not in html
    assert "/static/wagtailadmin/images/default-user-avatar.png" in html
