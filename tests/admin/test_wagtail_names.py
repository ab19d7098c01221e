"""Wagtail's default groups keep the permissions Wagtail's migrations gave them under their English names."""

from django.contrib.auth.models import Group


def test_editors_group_is_named_in_ukrainian_and_may_enter_the_admin(db):
    editors = Group.objects.get(name="Редактори")
    assert editors.permissions.filter(codename="access_admin").exists()


def test_moderators_group_is_named_in_ukrainian_and_may_choose_images(db):
    moderators = Group.objects.get(name="Модератори")
    assert moderators.permissions.filter(codename="choose_image").exists()


def test_no_group_keeps_wagtails_english_name(db):
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
