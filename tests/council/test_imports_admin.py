"""The admin's «Імпорт голосувань»: upload, a preview in Ukrainian that writes nothing, confirmation."""

import json

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from council.kinds import BallotChoice
from council.models import Ballot, Meeting, Vote

from .test_admin import english_on
from .test_imports import HEADER, csv_file, deputies, session_rows, xlsx_file  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

UPLOAD = reverse("council_vote_import:upload")


def upload(client, path, **extra):
    content = SimpleUploadedFile(path.name, path.read_bytes())
    return client.post(UPLOAD, {"import_file": content, "encoding": "auto", "delimiter": "auto", **extra})


def test_the_import_is_in_the_council_menu_group(editor_client):
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert json.dumps("Імпорт голосувань")[1:-1] in html
    assert json.dumps(UPLOAD)[1:-1] in html
    page = editor_client.get(UPLOAD)
    assert page.status_code == 200 and not english_on(page)
    assert "Дата сесії" in page.content.decode()


def test_preview_then_confirm_writes_the_file(editor_client, tmp_path, deputies):  # noqa: F811
    response = upload(editor_client, csv_file(tmp_path, session_rows()))
    assert response.status_code == 302
    preview_url = response["Location"]
    preview = editor_client.get(preview_url)
    html = preview.content.decode()
    assert preview.status_code == 200 and not english_on(preview)
    assert "Нових засідань — 1, питань порядку денного — 2, голосувань — 3." in html
    assert html.count('class="preview-row preview-new"') == 8
    assert 'id="preview-votes"' in html and "не прийнято" in html
    assert not Meeting.objects.exists()  # the preview wrote nothing
    confirmed = editor_client.post(preview_url)
    assert confirmed.status_code == 302 and confirmed["Location"] == UPLOAD
    assert Ballot.objects.count() == 8 and Vote.objects.count() == 3
    follow = editor_client.get(UPLOAD).content.decode()
    assert "Бюлетенів: нових — 8, змінених — 0, без змін — 0." in follow


def test_a_re_upload_previews_changes_not_new_ballots(editor_client, tmp_path, deputies):  # noqa: F811
    editor_client.post(upload(editor_client, csv_file(tmp_path, session_rows()))["Location"])
    rows = [[int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7]] for r in session_rows(melnyk="Проти")]
    preview_url = upload(editor_client, xlsx_file(tmp_path, rows))["Location"]
    html = editor_client.get(preview_url).content.decode()
    assert html.count("preview-row preview-unchanged") == 7 and html.count("preview-row preview-changed") == 1
    editor_client.post(preview_url)
    assert Ballot.objects.count() == 8
    assert Ballot.objects.get(
        deputy=deputies["melnyk"], vote__question="whole", vote__agenda_item__number="1"
    ).choice == (BallotChoice.AGAINST)


def test_errors_are_shown_by_row_and_column_and_cannot_be_confirmed(editor_client, tmp_path, deputies):  # noqa: F811
    rows = session_rows()
    rows[1][5] = "Петренко П.П."
    rows[3][6] = "Може бути"
    preview_url = upload(editor_client, csv_file(tmp_path, rows))["Location"]
    preview = editor_client.get(preview_url)
    html = preview.content.decode()
    assert not english_on(preview)
    assert '<tr class="row-problem"><td>3</td><td>Депутат</td><td>Немає депутата 8 скликання' in html
    assert '<tr class="row-problem"><td>5</td><td>Голос</td><td>Невідомий голос «Може бути»' in html
    assert 'id="nothing-to-import"' in html and 'id="votes-confirm"' not in html
    assert editor_client.post(preview_url).status_code == 200  # re-checked, nothing written
    assert not Ballot.objects.exists()


def test_the_preview_refuses_a_forged_token_and_bad_parameters(editor_client, tmp_path, deputies):  # noqa: F811
    preview = reverse("council_vote_import:preview")
    assert editor_client.get(preview, {"file": "forged"})["Location"] == UPLOAD
    good = upload(editor_client, csv_file(tmp_path, session_rows()))["Location"]
    assert editor_client.get(good + "&convocation=99")["Location"] == UPLOAD
    shown = editor_client.get(good + "&show=nonsense&p=abc")
    assert shown.status_code == 200 and "Невідоме значення «nonsense»" in shown.content.decode()


def test_a_file_that_is_not_a_table_is_refused_at_upload(editor_client, tmp_path):
    path = tmp_path / "votes.xlsx"
    path.write_bytes(b"not a workbook")
    response = upload(editor_client, path)
    assert response.status_code == 200 and "не вдалося прочитати" in response.content.decode().lower()


def test_an_editor_without_the_permission_is_turned_away(client, django_user_model, tmp_path):
    user = django_user_model.objects.create_user("clerk", "clerk@example.org", "password")
    user.groups.add(Group.objects.get(name="Редактори"))
    client.force_login(user)
    assert client.get(UPLOAD).status_code == 302
