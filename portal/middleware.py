"""The content security policy, with the one exception Wagtail's admin needs.

The public site has no scripts and no inline styles, so its policy allows only the
portal's own files. Wagtail's admin still writes a few inline scripts and style
attributes (inline panels, date widgets), so pages under the admin get 'unsafe-inline'
for those two directives and nothing more.
"""

from functools import cached_property

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.urls import reverse

ADMIN_ALLOWANCES = {"script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE]}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    @cached_property
    def admin_prefix(self):
        return reverse("wagtailadmin_home")

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(self.admin_prefix):
            parts.update = {**ADMIN_ALLOWANCES, **(parts.update or {})}
        return parts
