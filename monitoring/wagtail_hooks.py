"""Admin wiring only: the «Media monitoring» menu group and its viewsets."""

from wagtail import hooks

from .admin import MonitoringGroup


@hooks.register("register_admin_viewset")
def register_monitoring_viewsets():
    return MonitoringGroup()
