"""The meetings' calendar and a held session's page at a phone's and a laptop's width: no sideways
scroll, no console error, no serious axe-core violation; the session is reached from the archive."""

import pytest

from .checks import browser_page, overflow, serious_violations
from .conftest import WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_calendar_and_a_session_hold_in_chromium(chromium, axe_source, site_server, output_dir, width):
    with browser_page(chromium, width=width) as (page, errors):
        response = page.goto(site_server.url + "/zasidannia/", wait_until="load")
        assert response.status == 200
        assert page.locator("#coming-heading + ul .act-row__title a").count() >= 1
        assert overflow(page)["scrollWidth"] <= width, overflow(page)
        assert serious_violations(page, axe_source) == []
        page.screenshot(path=output_dir / f"meetings-{width}.png", full_page=True)
        page.locator(".archive-year + ul a", has_text="№ 41").first.click()
        page.wait_for_url("**/zasidannia/*/")
        assert page.locator("ol.agenda table").count() >= 1
        assert overflow(page)["scrollWidth"] <= width, overflow(page)
        assert serious_violations(page, axe_source) == []
        page.screenshot(path=output_dir / f"meeting-{width}.png", full_page=True)
        assert errors == []
