"""No 500 from any public parameter (issue 11, point 6).

Hypothesis drives every public listing, search, feed, API and open-data URL with arbitrary values:
any Unicode text but lone surrogates (which no browser can send), NUL and other control bytes
(PostgreSQL refuses NUL), digits of other scripts («²», «２０１８», «٣»), numbers of thousands of
digits and out-of-range dates. Whatever arrives, the answer is a page with a notice, an empty list,
a 400 or a 404: never a server error. Run on SQLite and on PostgreSQL (``DATABASE_URL``).
"""

import datetime
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories as f
from tests.council.factories import DeputyFactory, MembershipFactory

SPECIAL = [
    "",
    "\x00",
    "1\x00",
    "\x00abc",
    "²",
    "２０１８",
    "٣",
    "१२",
    "0x10",
    "-1",
    "1e5",
    "9" * 10_000,
    str(2**63),
    "2018-02-30",
    "9999-12",
    "0000-00",
    "2024-13",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "'; DROP TABLE wagtailcore_page; --",
    "en\x00",
    "/\x00/",
    " ",
    "\t\n",
]
#: Any text a client can send: every Unicode character but lone surrogates.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
VALUES = st.one_of(
    st.sampled_from(SPECIAL),
    TEXT,
    st.integers().map(str),
    st.integers(min_value=10**20, max_value=10**400).map(str),
    st.text(st.characters(categories=("Nd", "No")), min_size=1, max_size=6),
)
FAMILIES = {
    "search": (
        "/search/",
        ["q", "type", "act_type", "year", "month", "issuer", "commission", "sort", "page"],
    ),
    "suggest": ("/search/suggest/", ["q"]),
    "acts": ("/dokumenty/", ["type", "status", "year", "issuer", "number", "page"]),
    "news": ("/novyny/", ["tag", "kind", "month", "page"]),
    "rss": ("/novyny/rss/", ["page", "tag"]),
    "atom": ("/novyny/atom/", ["page", "tag"]),
    "home": ("/", ["page", "q"]),
    "api": (
        "/api/v2/pages/",
        [
            "locale",
            "html_path",
            "search",
            "type",
            "child_of",
            "descendant_of",
            "limit",
            "offset",
            "order",
            "fields",
        ],
    ),
    "api-find": ("/api/v2/pages/find/", ["html_path", "locale"]),
    "api-deputies": ("/api/v2/deputies/", ["convocation", "status", "limit", "offset", "order", "fields"]),
    "api-meetings": (
        "/api/v2/meetings/",
        ["convocation", "kind", "status", "limit", "offset", "order", "fields"],
    ),
    "deputies": ("/deputaty/", ["convocation", "faction", "page"]),
    "deputy": ("/deputaty/boiko/", ["result", "choice", "page"]),
    "meetings": ("/zasidannia/", ["kind", "year", "page"]),
    "opendata-votes": ("/opendata/votes.json", ["format"]),
    "opendata": ("/opendata/", ["format", "page"]),
    "opendata-index": ("/opendata/index.json", ["format"]),
}
EXAMPLES = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def site_with_content(home_page):
    acts = f.ActIndexPageFactory(parent=home_page)
    news = f.NewsIndexPageFactory(parent=home_page)
    f.ActPageFactory(parent=acts, title="Про бюджет", issuer=f.IssuerFactory())
    page = f.NewsPageFactory(parent=news, title="Бюджет ухвалено", date=datetime.date(2024, 3, 5))
    page.tags.add("бюджет")
    page.save_revision().publish()
    MembershipFactory(deputy=DeputyFactory(full_name="Бойко Олександр Миколайович", slug="boiko"))
    return home_page


def answer(client, path, query):
    response = client.get(path, query)
    if response.streaming:
        b"".join(response.streaming_content)  # errors in a stream surface only when it is read
    return response


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_no_parameter_value_gives_a_server_error(client, site_with_content, family):
    path, names = FAMILIES[family]

    @EXAMPLES
    @given(query=st.dictionaries(st.sampled_from(names), VALUES, min_size=1, max_size=4))
    def check(query):
        response = answer(client, path, query)
        assert response.status_code < 500, (path, query)

    check()


@pytest.mark.parametrize(
    "family", ["search", "acts", "news", "api", "api-deputies", "api-meetings", "deputies", "deputy"]
)
def test_each_known_bad_value_in_each_parameter(client, site_with_content, family):
    path, names = FAMILIES[family]
    for value in SPECIAL:
        for name in names:
            assert answer(client, path, {name: value}).status_code < 500, (path, name, value)


@EXAMPLES
@given(name=TEXT, fmt=TEXT)
def test_open_data_paths_never_give_a_server_error(client, site_with_content, name, fmt):
    for path in (f"/opendata/{quote(name)}.{quote(fmt)}", f"/opendata/schemas/{quote(name)}.schema.json"):
        assert answer(client, path, {}).status_code < 500, path


def test_a_bad_filter_on_the_acts_index_is_told_in_ukrainian(client, site_with_content):
    response = client.get("/dokumenty/", {"year": "²", "issuer": "a\x00"})
    assert response.status_code == 200
    notices = response.context["listing"].messages
    assert len(notices) == 2 and all("«" in notice for notice in notices)


def test_the_api_refuses_a_nul_byte_with_400(client, site_with_content):
    for name in ("locale", "html_path", "type", "title"):
        response = client.get("/api/v2/pages/", {name: "x\x00"})
        assert response.status_code == 400, name
        assert "message" in response.json()
