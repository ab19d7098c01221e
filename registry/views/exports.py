"""The registry lists as files, with the list's filters and search applied."""

from django.http import HttpResponse
from django.views.generic import View
from wagtail.search.backends import get_search_backend

from cms import params

from .. import exports, list_params, permissions
from .common import kind_from_url


class OrganizationExportView(View):
    """The list as CSV, XLSX or JSON; a parameter the list would not take answers 400 with the reason."""

    parses_parameters = True  # its own cms.params parsing explains a bad value (cms.param_guard)

    def get(self, request, kind):
        kind = kind_from_url(kind)
        model = kind.proxy_model
        permissions.require(request.user, model, "view")
        parsers = list_params.list_parsers(model, kind.data.list_filter) | {
            "export_format": lambda raw, name: params.choice(raw, name=name, choices=exports.FORMATS)
        }
        query, notices = list_params.clean_query(request.GET, parsers)
        if notices:
            return HttpResponse(" ".join(notices), status=400, content_type="text/plain; charset=utf-8")
        file_format = query.get("export_format") or "csv"
        queryset = model.objects.all()
        for key, value in list_params.lookups(query).items():
            queryset = queryset.filter(**{key: value})
        if query.get("q"):
            # The search backend filters only on its index's fields, and a field of activity (many to many)
            # is none of them: search the whole list, then keep the matches the filters left in.
            matched = get_search_backend().search(query["q"], model.objects.all())
            queryset = queryset.filter(pk__in=[obj.pk for obj in matched])
        content = exports.export_organizations(
            queryset=queryset.order_by("name"), file_format=file_format, kind=kind
        )
        response = HttpResponse(content, content_type=exports.CONTENT_TYPES[file_format])
        name = exports.export_file_name(kind=kind, file_format=file_format)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
