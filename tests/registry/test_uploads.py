import pytest

from registry.uploads import Upload, UploadGone


@pytest.fixture
def upload():
    stored = Upload.store(
        b"data",
        original_name="r.csv",
        file_format="csv",
        encoding="auto",
        delimiter="auto",
        kind="ngo",
        user_id=7,
    )
    yield stored
    stored.remove()


def test_an_upload_is_found_again_by_its_token(upload):
    found = Upload.from_token(upload.token(), kind="ngo", user_id=7)
    assert found == upload and found.read() == b"data"


@pytest.mark.parametrize(("kind", "user_id"), [("party", 7), ("ngo", 8)])
def test_a_token_is_good_for_its_registry_and_keeper_only(upload, kind, user_id):
    with pytest.raises(UploadGone):
        Upload.from_token(upload.token(), kind=kind, user_id=user_id)


def test_a_tampered_token_is_refused(upload):
    token = upload.token()
    with pytest.raises(UploadGone):
        Upload.from_token(token[:-2] + ("AA" if token[-2:] != "AA" else "BB"), kind="ngo", user_id=7)


def test_a_removed_upload_cannot_be_read(upload):
    upload.remove()
    with pytest.raises(UploadGone):
        upload.read()
