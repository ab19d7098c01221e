"""The daily digest in the admin: ``?day=YYYY-MM-DD`` (today by default); a bad day is explained."""

from django import forms
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from .access import ArticleReadersMenuItem, ArticleReadersOnlyMixin
from .digest import build_digest, kyiv_today


class DayForm(forms.Form):
    day = forms.DateField(
        label=_("Day"), input_formats=["%Y-%m-%d", "%d.%m.%Y"], help_text=_("As YYYY-MM-DD or DD.MM.YYYY.")
    )


class DigestView(ArticleReadersOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "monitoring/admin/digest.html"
    page_title = _("Daily digest")
    header_icon = "date"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = DayForm({"day": self.request.GET.get("day") or kyiv_today().isoformat()})
        context["form"] = form
        context["digest"] = build_digest(day=form.cleaned_data["day"]) if form.is_valid() else None
        return context


class DigestViewSet(ViewSet):
    icon = "date"
    menu_item_class = ArticleReadersMenuItem
    menu_label = _("Daily digest")

    def get_urlpatterns(self):
        return [path("", DigestView.as_view(), name="index")]
