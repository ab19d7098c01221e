"""Every public page type and listing, with and without filters, at a phone's and a laptop's width:
no sideways scroll, no console error, no serious or critical axe-core violation (WCAG 2.1 AA)."""

import pytest

from .checks import browser_page, overflow, serious_violations
from .conftest import WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


PAGES = (
    "home", "news index", "news by tag", "news page", "acts", "acts filtered", "act page",
    "commissions", "commission", "commission document", "videos", "video page", "standard page",
    "search", "search filtered", "open data", "sitemap page", "not found", "deputies",
    "deputies by faction", "voted decision", "search for a deputy",
)  # fmt: skip


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_public_page_holds_in_chromium(chromium, axe_source, site_server, name, width):
    expected_status = 404 if name == "not found" else 200
    with browser_page(chromium, width=width) as (page, errors):
        response = page.goto(site_server.url + site_server.urls[name], wait_until="load")
        assert response.status == expected_status
        if expected_status == 404:
            # Chromium reports the page's own status as a console error; nothing else may be there.
            errors = [e for e in errors if "status of 404" not in e]
        assert overflow(page)["scrollWidth"] <= width, overflow(page)
        assert errors == []
        assert serious_violations(page, axe_source) == []
