"""No 500 from any admin parameter (issue 11, point 6, the admin side).

Hypothesis drives the registry lists, exports, analytics and import preview, the reports, the
moderation list of discussion comments, the documents listing and the page search, as a superuser
and as a registry keeper, with arbitrary text (NUL and other control bytes, digits of other scripts,
numbers of thousands of digits, out-of-range dates). The answer may be a notice, a 400, a 403, a 404
or a redirect to the login: never a server error. Django's test client raises a view's exception
instead of answering 500, so any crash fails the test with its traceback. Run on SQLite and on
PostgreSQL (``DATABASE_URL``): PostgreSQL refuses NUL, which is where it bites.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_hostile_parameters import SPECIAL, VALUES, answer

LIST = ["q", "p", "o", "ot"]
DATES = ["date__gte", "date__lt", "date__lte", "date__gt"]
HISTORY = ["action", "user", "timestamp_after", "timestamp_before", "label", "object_type"]
#: Every admin URL family with the parameters its views or list filters read.
FAMILIES = {
    "ngo": (
        "/admin/registry/ngo/",
        [
            *LIST,
            "legal_form__exact",
            "status__exact",
            "fields_of_activity__id__exact",
            "fields_of_activity__isnull",
            "legal_form__isnull",
        ],
    ),
    "party": (
        "/admin/registry/partyorganization/",
        [*LIST, "status__exact", "party__exact", "fields_of_activity__id__exact", "party__isnull"],
    ),
    "interactions": ("/admin/registry/interaction/", [*LIST, "kind__exact", *DATES]),
    "fields": ("/admin/registry/fieldofactivity/", LIST),
    "export-ngo": (
        "/admin/registry/export/ngo/",
        ["export_format", "q", "status__exact", "fields_of_activity__id__exact", "legal_form__exact"],
    ),
    "export-party": ("/admin/registry/export/party/", ["export_format", "q", "party__exact"]),
    "export-other": ("/admin/registry/export/%00/", ["export_format"]),
    "analytics": ("/admin/registry/analytics/", ["month", "export_format"]),
    "import-preview": ("/admin/registry/import/ngo/preview/", ["file", "show", "p"]),
    "import": ("/admin/registry/import/party/", ["file"]),
    "monthly": ("/admin/reports/monthly/", ["month", "format", "download"]),
    "deadlines": ("/admin/reports/deadlines/", ["month", "p"]),
    "aging": (
        "/admin/reports/aging-pages/",
        ["live", "last_published_at", "content_type", "p", "ordering", "export", "locale"],
    ),
    "locked": (
        "/admin/reports/locked/",
        ["locked_by", "locked_at_after", "locked_at_before", "live", "p", "export"],
    ),
    "site-history": ("/admin/reports/site-history/", [*HISTORY, "p", "ordering", "export"]),
    "comments": (
        "/admin/discussion/comments/",
        ["q", "p", "status", "outcome", "draft", "ordering", "export"],
    ),
    "documents": ("/admin/documents/", ["q", "collection_id", "p", "ordering", "tag", "usage_count_min"]),
    "page-search": ("/admin/pages/search/", ["q", "p", "content_type", "ordering", "owner", "site"]),
    "explorer": (
        "/admin/pages/",
        ["q", "p", "ordering", "content_type", "latest_revision_created_at_after", "has_child_pages"],
    ),
    "notes": ("/admin/snippets/reports/monthlyreportnotes/", ["q", "p", "ordering", "locale"]),
    "synonyms": ("/admin/snippets/search/synonymgroup/", ["q", "p", "ordering"]),
    "redirects": ("/admin/redirects/", ["q", "p", "ordering", "site"]),
}
#: What a registry keeper may open: the registries. Elsewhere a keeper is refused, also never a 500.
KEEPER_FAMILIES = sorted(FAMILIES)
EXAMPLES = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
#: Tokens an attacker would try on the import preview: none may reach the file store as a path.
TOKENS = [
    "\x00",
    "../../../etc/passwd",
    "a" * 5000,
    "eyJ4Ijoi\x00fQ:1abc:xyz",
    ".eJyrVkpOLS7OzM-LLy1OLUpVslJKS8wpTtVRyspPzFOyUjI0MjA2NDIyMTYyMTQ0MzFSqgUAK8QLmQ:1t:abc",
    "²",
    "%00",
]


@pytest.fixture(params=["superuser", "keeper"])
def admin(request, admin_content):
    """A client logged in as a superuser, then as a member of «Реєстратори»."""
    return request.getfixturevalue(f"{request.param}_client")


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_no_admin_parameter_value_gives_a_server_error(admin, family):
    path, names = FAMILIES[family]

    @EXAMPLES
    @given(query=st.dictionaries(st.sampled_from(names), VALUES, min_size=1, max_size=4))
    def check(query):
        assert answer(admin, path, query).status_code < 500, (path, query)

    check()


@pytest.mark.parametrize("family", ["ngo", "interactions", "analytics", "monthly", "comments", "documents"])
def test_each_known_bad_value_in_each_admin_parameter(superuser_client, admin_content, family):
    path, names = FAMILIES[family]
    for value in SPECIAL:
        for name in names:
            response = answer(superuser_client, path, {name: value})
            assert response.status_code < 500, (path, name, value)


@pytest.mark.parametrize("token", TOKENS)
def test_a_hostile_import_token_sends_back_to_the_upload(admin, token):
    response = admin.get("/admin/registry/import/ngo/preview/", {"file": token})
    assert response.status_code in (302, 403), token
