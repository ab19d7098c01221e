"""The demo site: realistic content of every type, built idempotently under the home page.

The content (texts, lists, settings) is data under ``content/``; the modules beside it load it:
``base`` (the run, files and pages), ``site`` (settings, issuers, sections, standard pages),
``acts``, ``news``, ``commissions`` (and videos), and ``loader`` (``load_demo``, the admin).
"""

from .base import DemoError
from .loader import load_demo

__all__ = ["DemoError", "load_demo"]
