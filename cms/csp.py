"""Content-Security-Policy: a strict one for the public site, a looser one for the admin.

The public templates have no inline script or style, so the site's policy allows only its own
origin (and the video players it embeds). Wagtail's admin writes inline ``<script>`` blocks (inline
panels, date pickers, modeladmin's slug helper) and inline styles, and some of its choosers build
code from responses, so under ``ADMIN_URL_PREFIXES`` the policy of ``ADMIN_CONTENT_SECURITY_POLICY``
applies instead. No nonces: a nonce would make every public page unique and defeat the page cache.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's policy under the admin's URL prefixes."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        prefixes = tuple(getattr(settings, "ADMIN_URL_PREFIXES", ()))
        if not report_only and parts.config is None and request.path_info.startswith(prefixes):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts
