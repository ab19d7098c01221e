"""Runs again until the switch-over day, while the old site changes and editors work on the new one:
a changed item is updated with a revision, an editor's later edit is kept and reported, a removed item
is reported and its page left; the dry run says all of it as the real run does."""

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from cms.models import CouncilDocument
from pages.models import NewsPage

from .conftest import docx_bytes, news_item
from .test_import import run, summary_counts


def old_site(bundle, *items):
    bundle.lines = []
    return bundle.add(*items).write()


def summary_table(output):
    return output.splitlines()[1:]


def first_export(bundle):
    bundle.add_file("files/plan.docx", docx_bytes("План на травень"))
    return old_site(
        bundle,
        news_item("r1", attachments=[{"path": "files/plan.docx", "title": "План"}]),
        news_item("r2"),
        news_item("r3"),
    )


def edit_in_the_admin(page, user, title):
    page.title = title
    page.save_revision(user=user, log_action=True).publish(user=user)


def test_a_changed_item_is_updated_with_a_new_revision_of_its_page(bundle, council, client):
    path = first_export(bundle)
    run(path)
    page = NewsPage.objects.get(legacy_id="r1")
    revisions = Revision.objects.filter(object_id=str(page.pk)).count()
    bundle.add_file("files/plan.docx", docx_bytes("План на червень"))
    old_site(
        bundle,
        news_item(
            "r1",
            title="Новий план",
            body_html="<p>Оновлений текст</p>",
            attachments=[{"path": "files/plan.docx", "title": "План"}],
        ),
        news_item("r2"),
        news_item("r3"),
    )
    dry_out, dry_err = run(path, "--dry-run")
    out, err = run(path)
    assert summary_table(dry_out) == summary_table(out) and dry_err == err
    assert (summary_counts(out)["оновлено"], summary_counts(out)["без змін"]) == (1, 2)
    page.refresh_from_db()
    assert page.title == "Новий план"
    assert Revision.objects.filter(object_id=str(page.pk)).count() == revisions + 1
    response = client.get(page.url)
    assert "Оновлений текст" in response.content.decode()
    assert "План на червень" in page.attached_documents[0].extracted_text
    assert client.get("/news/r1.html")["Location"] == page.url


def test_a_page_editors_changed_since_the_import_is_kept_and_reported(bundle, council, editor_client):
    path = first_export(bundle)
    run(path)
    page = NewsPage.objects.get(legacy_id="r2")
    edit_in_the_admin(page, editor_client.user, "Назва від редактора")
    old_site(bundle, news_item("r1"), news_item("r2", title="Назва зі старого сайту"), news_item("r3"))
    dry_out, dry_err = run(path, "--dry-run")
    out, err = run(path)
    assert summary_table(dry_out) == summary_table(out) and dry_err == err
    assert "рядок 2 [r2]: змінено на новому сайті: не оновлено, щоб зберегти зміни редакторів" in err
    assert summary_counts(out)["з помилками"] == 1
    page.refresh_from_db()
    assert page.title == "Назва від редактора"
    assert Revision.objects.get(pk=page.live_revision_id).user == editor_client.user
    # Reported again on every run until the operator chooses.
    _, again = run(path)
    assert "[r2]: змінено на новому сайті" in again
    out, err = run(path, "--overwrite-edited")
    assert summary_counts(out)["оновлено"] == 1 and err == ""
    page.refresh_from_db()
    assert page.title == "Назва зі старого сайту"


def test_an_item_removed_from_the_old_site_is_reported_and_its_page_left(bundle, council, client):
    path = first_export(bundle)
    run(path)
    old_site(
        bundle, news_item("r1", attachments=[{"path": "files/plan.docx", "title": "План"}]), news_item("r2")
    )
    dry_out, dry_err = run(path, "--dry-run")
    out, err = run(path)
    assert summary_table(dry_out) == summary_table(out) and dry_err == err
    assert summary_counts(out)["імпортовано раніше, у цьому експорті немає"] == 1
    assert "немає в цьому експорті: 1 (r3)" in out
    page = NewsPage.objects.get(legacy_id="r3")
    assert page.live and client.get("/news/r3.html")["Location"] == page.url
    # An import of one type or of the newest items says nothing of the others.
    out, _ = run(path, "--only", "act")
    assert "у цьому експорті немає" not in out
    out, _ = run(path, "--since", "2030-01-01")
    assert "у цьому експорті немає" not in out
    assert Redirect.objects.count() == 3 and CouncilDocument.objects.count() == 1
