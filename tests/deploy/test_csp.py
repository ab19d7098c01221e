"""A Content-Security-Policy on the public site (strict) and on the admin (what Wagtail needs)."""

from tests.factories import NewsIndexPageFactory, NewsPageFactory


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_page_has_a_strict_policy(client, home_page):
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page))
    response = client.get(news.url)
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"]


def test_public_page_has_no_inline_script_or_style(client, home_page):
    content = client.get(home_page.url).content.decode()
    assert "<script>" not in content and "<style" not in content and ' style="' not in content


def test_admin_page_has_the_admin_policy(editor_client):
    response = editor_client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    # Wagtail's admin writes inline scripts (inline panels, date pickers) and inline styles.
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["object-src"] == ["'none'"]


def test_admin_login_page_has_the_admin_policy(client, db):
    response = client.get("/admin/login/")
    assert "'unsafe-inline'" in directives(response["Content-Security-Policy"])["style-src"]
