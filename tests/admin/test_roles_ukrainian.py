"""Every editorial group (docs/editors.md) reads the admin in Ukrainian and meets no server error.

The crawl of ``test_ukrainian`` as a member of each group, on the same content with the groups' section
permissions granted as an operator grants them (``sync_roles``): what a group cannot open sends it back to
the dashboard, never a 500. «Адміністратори» hold every permission (``test_migrate``), so what they reach is
what the superuser's crawl of ``test_ukrainian`` reaches, less the superuser's own screens: not crawled again.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from roles.definitions import MODERATORS, PRESS_OFFICE, SECRETARIAT

from .crawl import crawl
from .test_ukrainian import english_on

#: A member of each group, named in Ukrainian (a username is data the admin prints).
MEMBERS = {
    PRESS_OFFICE: ("пресслужба", "Ірина", "Бондар", "press@example.org"),
    SECRETARIAT: ("секретар", "Оксана", "Шевчук", "secretary@example.org"),
    MODERATORS: ("модератор", "Андрій", "Ткаченко", "moderator@example.org"),
}


@pytest.mark.parametrize("group", list(MEMBERS))
def test_every_admin_screen_a_group_member_reaches_is_in_ukrainian(
    client, django_user_model, admin_content, group
):
    call_command("sync_roles", verbosity=0)
    username, first_name, last_name, email = MEMBERS[group]
    user = django_user_model.objects.create_user(
        username, email, "password", first_name=first_name, last_name=last_name
    )
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    result = crawl(client)
    assert len(result.visited) > 20, result.visited
    assert {url: status for url, status in result.failures.items() if status >= 500} == {}
    assert english_on(result) == ""
    assert result.external == {}  # as test_offline asks of every admin screen
