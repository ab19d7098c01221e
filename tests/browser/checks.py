"""What every public page must hold in a real browser: no sideways scroll, no console error, axe clean."""

from contextlib import contextmanager
from urllib.parse import urljoin

#: WCAG 2.1 A and AA rules, as axe-core tags them.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE_JS = """async (tags) => {
    const options = {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']};
    const result = await axe.run(document, options);
    return result.violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
}"""
OVERFLOW_JS = """() => {
    const width = window.innerWidth;
    const wide = [...document.querySelectorAll('body *')]
        .filter(el => el.getBoundingClientRect().right > width + 1)
        .slice(0, 5)
        .map(el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : ''));
    return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide};
}"""


@contextmanager
def browser_page(browser, *, width, height=900, **context_options):
    """A fresh page at ``width`` px, and the console errors and uncaught exceptions it reports."""
    viewport = {"width": width, "height": height}
    context = browser.new_context(viewport=viewport, locale="uk-UA", **context_options)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page, errors
    finally:
        context.close()


def overflow(page):
    """The page's scroll width against the viewport's, and the first elements that stick out."""
    return page.evaluate(OVERFLOW_JS)


def serious_violations(page, axe_source):
    """axe-core's serious and critical WCAG 2.1 AA violations on the page as it is now.

    axe is loaded as a script from the page's own origin (answered by the browser from node_modules), so
    the site's Content-Security-Policy (``script-src 'self'``) is kept, not bypassed, while axe runs.
    """
    url = urljoin(page.url, "/__axe-core.min.js")
    page.route(url, lambda route: route.fulfill(body=axe_source, content_type="application/javascript"))
    page.add_script_tag(url=url)
    return page.evaluate(RUN_AXE_JS, AXE_TAGS)
