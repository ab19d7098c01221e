"""Production settings plus the bare page's template, for benchmarks/render.py and load.py only.

The bare page (a plain ``wagtailcore.Page``) is the yardstick of the render benchmark: a stock
Wagtail page with a minimal template (benchmarks/templates/wagtailcore/page.html), served through
the same middleware as the site's pages. Nothing else differs from ``settings.production``.
"""

from .production import *  # noqa: F403
from .production import BASE_DIR, TEMPLATES

TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "benchmarks" / "templates"]
