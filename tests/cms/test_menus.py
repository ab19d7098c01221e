"""The cached main menu is dropped by the page signals it listens to, and by nothing else."""

from wagtail.models import Page, Site

from cms.menus import main_menu_items
from tests.factories import IssuerFactory, StandardPageFactory


def titles(site):
    return [page.title for page in main_menu_items(site)]


def test_saving_a_page_near_the_top_refreshes_the_menu(home_page):
    site = Site.objects.get(is_default_site=True)
    section = StandardPageFactory(parent=home_page, title="Про місто", show_in_menus=True)
    assert titles(site) == ["Про місто"]
    section.title = "Місто"
    section.save()
    assert titles(site) == ["Місто"]


def test_writes_that_send_no_page_signal_leave_the_cached_menu(home_page):
    site = Site.objects.get(is_default_site=True)
    section = StandardPageFactory(parent=home_page, title="Про місто", show_in_menus=True)
    assert titles(site) == ["Про місто"]
    Page.objects.filter(pk=section.pk).update(title="Місто")  # a bulk write: no signal
    IssuerFactory()  # not a page: its post_save is not listened to
    assert titles(site) == ["Про місто"]
