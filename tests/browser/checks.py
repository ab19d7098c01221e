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


RUN_AXE_ALL_JS = """async (tags) => {
    const options = {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']};
    const result = await axe.run(document, options);
    return result.violations.map(v => ({
        id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
    }));
}"""
#: Elements that stick out of the viewport, left or right, without a scrolling container to hold them.
ESCAPING_JS = """() => {
    const width = document.documentElement.clientWidth;
    const held = el => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            if (getComputedStyle(p).overflowX !== 'visible') return true;
        }
        return false;
    };
    return [...document.querySelectorAll('body *')]
        .filter(el => {
            const r = el.getBoundingClientRect();
            return r.width > 1 && (r.right > width + 1 || r.left < -1);
        })
        .filter(el => !held(el) && !el.classList.contains('skip-link'))
        .slice(0, 5)
        .map(el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : ''));
}"""
HEADINGS_JS = """() => {
    const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => Number(h.tagName[1]));
    const skips = [];
    levels.forEach((level, i) => {
        const before = i ? levels[i - 1] : 0;
        if (level > before + 1) skips.push(`h${before}→h${level}`);
    });
    return {h1: levels.filter(level => level === 1).length, skips};
}"""
#: Every table: whether a container of its own scrolls it sideways; that container's keyboard stop and name.
TABLES_JS = """() => [...document.querySelectorAll('main table')].map(table => {
    let box = table.parentElement;
    const scrolls = el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    while (box && box !== document.body && !scrolls(box)) box = box.parentElement;
    if (!box || box === document.body) return {contained: false};
    const labelledby = (box.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean)
        .map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
    return {
        contained: true,
        region: box.getAttribute('role') === 'region',
        name: (box.getAttribute('aria-label') || '').trim() || labelledby,
        focusable: box.tabIndex === 0,
    };
})"""
#: Every element a keyboard user can reach, focused in turn after a real Tab press (so the browser uses
#: keyboard modality): those without a visible indicator (outline, box shadow or a changed background),
#: and those whose text no longer reads on the background their focus style gives them.
FOCUS_JS = """() => {
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
        + '[tabindex]:not([tabindex="-1"])';
    const invisible = [], unreadable = [];
    const rgb = value => {
        const [r, g, b, a] = value.match(/[\d.]+/g).map(Number);
        return [r, g, b, a === undefined ? 1 : a];
    };
    const luminance = ([r, g, b]) => {
        const [R, G, B] = [r, g, b].map(c => {
            c /= 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    const contrast = (a, b) => {
        const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
        return (x + 0.05) / (y + 0.05);
    };
    const reachable = [...document.querySelectorAll(selector)]
        .filter(el => el.tabIndex >= 0 && !el.closest('[aria-hidden="true"]'));
    for (const el of reachable) {
        if (!el.checkVisibility({visibilityProperty: true})) continue;  // in a closed <details>, hidden
        el.blur();
        const before = getComputedStyle(el);
        const idle = [before.backgroundColor, before.boxShadow, before.outlineStyle].join('|');
        el.focus();
        const now = getComputedStyle(el);
        const outline = now.outlineStyle !== 'none' && parseFloat(now.outlineWidth) >= 2;
        const changed = [now.backgroundColor, now.boxShadow, now.outlineStyle].join('|') !== idle;
        if (document.activeElement !== el || !(outline || changed)) invisible.push(el.outerHTML.slice(0, 80));
        // Text on the opaque background its focus gives it must still read (WCAG 1.4.3, 4.5:1).
        const background = rgb(now.backgroundColor);
        if (background[3] === 1 && el.textContent.trim()) {
            const ratio = contrast(rgb(now.color), background);
            if (ratio < 4.5) unreadable.push(`${ratio.toFixed(2)}: ${el.outerHTML.slice(0, 80)}`);
        }
    }
    return {reachable: reachable.length, invisible: invisible.slice(0, 5),
        unreadable: unreadable.slice(0, 5)};
}"""


def all_violations(page, axe_source):
    """Every axe-core WCAG 2.1 A and AA violation on the page, whatever its impact."""
    serious_violations(page, axe_source)  # loads axe into the page
    return page.evaluate(RUN_AXE_ALL_JS, AXE_TAGS)


def escaping_elements(page):
    """Elements that stick out of the viewport and are not held by a scrolling container of their own."""
    return page.evaluate(ESCAPING_JS)


def headings(page):
    """How many h1 the page has and where its heading levels skip one (h2 → h4)."""
    return page.evaluate(HEADINGS_JS)


def tables(page):
    """Each table in the main content: whether it scrolls in a labelled, focusable region of its own."""
    return page.evaluate(TABLES_JS)


def focus_indicators(page):
    """How many elements the keyboard reaches; those whose focus is invisible or makes their text unreadable.

    Leaves the last of them focused: run axe before it."""
    page.keyboard.press("Tab")
    return page.evaluate(FOCUS_JS)
