"""Open data for the public: the page that explains the datasets, the exports and their schemas.

The only parameters are the dataset and format in the path; both go through ``cms.params`` and an
unknown or malformed one is a 404, never an error.
"""

from django.http import FileResponse, Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from cms import params

from . import opendata
from .opendata_formats import export_value, stream_csv, stream_json, write_xlsx

OPEN_DATA_MAX_AGE = 15 * 60
#: The CSV opens with a byte-order mark and a header row (RFC 4180's ``header`` parameter says so).
OPEN_DATA_FORMATS = {
    "csv": "text/csv; charset=utf-8; header=present",
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
LICENSE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/deed.uk"}

#: How a column's JSON type reads for people.
TYPE_WORDS = {
    "integer": _("whole number"),
    "string": _("text"),
    "array": _("list of texts"),
    "date": _("date (YYYY-MM-DD)"),
    "date-time": _("date and time (ISO 8601)"),
}


def _dataset(raw) -> opendata.Dataset:
    """The dataset named in the path, or 404."""
    try:
        name = params.choice(raw, name="dataset", choices=opendata.DATASETS)
    except params.BadParameter:
        name = None
    if name is None:
        raise Http404("No such dataset")
    return opendata.DATASETS[name]


def _column(name: str, spec: dict, kinds) -> dict:
    """One column of a dataset as the page explains it: type in words, whether it may be empty, codes."""
    types = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
    main = next(t for t in types if t != "null")
    return {
        "name": name,
        "description": spec.get("description", ""),
        "type": TYPE_WORDS.get(spec.get("format", main), main),
        "nullable": "null" in types,
        "codes": list(kinds.choices) if kinds else [],
    }


def _dataset_entry(request, dataset: opendata.Dataset, *, columns: bool) -> dict:
    name = dataset.name
    schema = opendata.load_schema(name)
    entry = {
        "name": name,
        "title": schema["title"],
        "csv": request.build_absolute_uri(reverse("opendata:export", args=[name, "csv"])),
        "json": request.build_absolute_uri(reverse("opendata:export", args=[name, "json"])),
        "xlsx": request.build_absolute_uri(reverse("opendata:export", args=[name, "xlsx"])),
        "schema": request.build_absolute_uri(reverse("opendata:schema", args=[name])),
        "rows": dataset.count(),
        "updated": dataset.updated(),
    }
    if columns:
        entry["description"] = dataset.description
        entry["columns"] = [
            _column(column, spec, dataset.kinds.get(column))
            for column, spec in opendata.item_properties(schema).items()
        ]
    return entry


def opendata_index(request):
    """The datasets explained for people: what each holds, its size and last change, formats, columns."""
    datasets = [_dataset_entry(request, d, columns=True) for d in opendata.DATASETS.values()]
    index_json = request.build_absolute_uri(reverse("opendata:index_json"))
    return render(
        request,
        "reports/opendata_index.html",
        {"datasets": datasets, "license": LICENSE, "index_json": index_json},
    )


def opendata_index_json(request):
    """The same list for programs: absolute URLs of every format and schema, row counts, last change."""
    datasets = [_dataset_entry(request, d, columns=False) for d in opendata.DATASETS.values()]
    for entry in datasets:
        entry["updated"] = export_value(entry["updated"])  # ISO 8601 in Kyiv's time, as in the exports
    return JsonResponse({"license": LICENSE, "datasets": datasets}, json_dumps_params={"ensure_ascii": False})


def opendata_export(request, name, fmt):
    """A full dataset, streamed (CSV, JSON) or written to a temporary file (XLSX): memory stays constant
    whatever the number of rows."""
    dataset = _dataset(name)
    try:
        fmt = params.choice(fmt, name="format", choices=OPEN_DATA_FORMATS)
    except params.BadParameter:
        fmt = None
    if fmt is None:
        raise Http404("No such format")
    if fmt == "xlsx":
        title = opendata.load_schema(dataset.name)["title"]
        response = FileResponse(write_xlsx(dataset.name, title=title), content_type=OPEN_DATA_FORMATS[fmt])
    else:
        if fmt == "csv":
            chunks = stream_csv(dataset.name)
        else:
            schema_url = request.build_absolute_uri(reverse("opendata:schema", args=[dataset.name]))
            chunks = stream_json(dataset.name, schema_url=schema_url)
        response = StreamingHttpResponse(chunks, content_type=OPEN_DATA_FORMATS[fmt])
    disposition = "attachment" if fmt == "xlsx" else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{dataset.name}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"
    # A full export costs about a second per 50,000 rows: let browsers and proxies reuse it briefly.
    patch_cache_control(response, public=True, max_age=OPEN_DATA_MAX_AGE)
    return response


def opendata_schema(request, name):
    """The dataset's JSON Schema: the committed file with the codes of its kind columns filled in."""
    dataset = _dataset(name)
    response = JsonResponse(
        opendata.load_schema(dataset.name),
        content_type="application/schema+json",
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=OPEN_DATA_MAX_AGE)
    return response
