"""Admin views of the registries: import with preview and confirmation, export, analytics."""

from .analytics import AnalyticsView
from .exports import OrganizationExportView
from .imports import ImportPreviewView, OrganizationImportView

__all__ = ["AnalyticsView", "ImportPreviewView", "OrganizationExportView", "OrganizationImportView"]
