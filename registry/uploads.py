"""An uploaded registry file waiting between the preview and the confirmation.

The file stays in import-export's ``TempFolderStorage``; the preview's URL carries a signed token
naming it with the reading options, the registry and the keeper, so a token cannot be forged to
read another file, and one keeper's upload is not another's.
"""

import dataclasses

from django.core import signing
from import_export.tmp_storages import TempFolderStorage

SALT = "registry.import"
#: How long an uploaded file may wait for its confirmation, in seconds.
MAX_AGE = 6 * 60 * 60


class UploadGone(Exception):
    """The token is forged, expired, another keeper's, or its file is gone."""


@dataclasses.dataclass(frozen=True)
class Upload:
    path: str
    original_name: str
    file_format: str
    encoding: str
    delimiter: str
    kind: str
    user_id: int

    @classmethod
    def store(cls, content: bytes, **meta) -> "Upload":
        storage = TempFolderStorage(read_mode="rb")
        storage.save(content)
        return cls(path=storage.name, **meta)

    def token(self) -> str:
        return signing.dumps(dataclasses.asdict(self), salt=SALT, compress=True)

    @classmethod
    def from_token(cls, token: str, *, kind: str, user_id: int) -> "Upload":
        try:
            upload = cls(**signing.loads(token, salt=SALT, max_age=MAX_AGE))
        except (signing.BadSignature, TypeError) as error:
            raise UploadGone from error
        if (upload.kind, upload.user_id) != (kind, user_id):
            raise UploadGone
        return upload

    def read(self) -> bytes:
        try:
            return TempFolderStorage(name=self.path, read_mode="rb").read()
        except OSError as error:
            raise UploadGone from error

    def remove(self) -> None:
        try:
            TempFolderStorage(name=self.path).remove()
        except OSError:
            pass  # removed already (a second confirmation of the same upload)
