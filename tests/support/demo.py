"""A base for the test classes that read the demo: one ``load_demo`` for the class (``loaded_demo``)."""

import pytest


@pytest.mark.django_db
class ReadsTheLoadedDemo:
    """Each test runs in its own transaction on the demo loaded once for the class; its files are read
    from the class's media directory."""

    @pytest.fixture(autouse=True)
    def media_root(self, settings, loaded_demo):
        settings.MEDIA_ROOT = loaded_demo.media
        return settings.MEDIA_ROOT

    @pytest.fixture
    def demo(self, loaded_demo):
        """The output of the first run of ``load_demo``."""
        return loaded_demo.output
