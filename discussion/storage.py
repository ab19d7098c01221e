"""Where commenters' files live: outside the public media path, read only through views that check.

The root is ``settings.PRIVATE_MEDIA_ROOT``, read on every use (tests point it at a temporary
directory). The storage has no URL: a file is served by ``discussion.views`` (public, once its
comment is published) or by the admin view (moderators), never by the web server directly.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateStorage(FileSystemStorage):
    """A file system storage rooted at ``settings.PRIVATE_MEDIA_ROOT`` with no public URL."""

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a view.")


private_storage = PrivateStorage()
