"""Wiring only: the «Media monitoring» menu group and its viewsets, the demo content."""

from wagtail import hooks

from .admin import MonitoringGroup
from .demo import DEMO_HOOK, DEMO_ORDER, add_demo_media


@hooks.register("register_admin_viewset")
def register_monitoring_viewsets():
    return MonitoringGroup()


hooks.register(DEMO_HOOK, add_demo_media, order=DEMO_ORDER)
