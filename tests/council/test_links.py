"""A deputy's and a meeting's URL, kept once reversed, follow the script prefix and the URLconf."""

import pytest
from django.urls import clear_script_prefix, set_script_prefix

from council.links import deputy_url, meeting_url


@pytest.fixture
def prefix():
    def use(value):
        set_script_prefix(value)

    yield use
    clear_script_prefix()


def test_the_urls_are_the_routes_of_the_site():
    assert deputy_url("boiko") == "/deputaty/boiko/"
    assert meeting_url(41) == "/zasidannia/41/"


def test_a_site_under_a_prefix_gets_its_own_urls_not_those_kept_for_another(prefix):
    assert deputy_url("boiko") == "/deputaty/boiko/"
    prefix("/rada/")
    assert deputy_url("boiko") == "/rada/deputaty/boiko/"
    prefix("/")
    assert deputy_url("boiko") == "/deputaty/boiko/"


@pytest.mark.urls("tests.council.meeting_urls")
def test_a_urlconf_without_deputy_pages_gives_no_link_and_its_own_meeting_pages():
    assert deputy_url("boiko") == ""
    assert meeting_url(41) == "/zasidannia/41/"
