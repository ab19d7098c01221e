import pytest

from monitoring.urls_canonical import canonical_url


@pytest.mark.parametrize(
    "url,expected",
    [
        ("HTTPS://News.Example.UA:443/a/b/?utm_source=fb&id=3#comments", "https://news.example.ua/a/b?id=3"),
        ("http://example.ua:80/", "http://example.ua/"),
        ("http://example.ua", "http://example.ua/"),
        ("http://example.ua:8080/x//", "http://example.ua:8080/x"),
        ("http://example.ua/x?fbclid=1&UTM_medium=2&page=2", "http://example.ua/x?page=2"),
        ("http://example.ua/x?q=", "http://example.ua/x?q="),
    ],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected
