from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"

# The database search backend whatever the environment says: with ELASTICSEARCH_URL set, only the tests
# that ask for the `search_backend` fixture's Elasticsearch variant talk to the server (tests/conftest.py).
WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}  # noqa: F405

# Serve static files from the apps directly, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The page cache is off in tests that do not ask for it (tests/cms/test_cache*.py switch it on): other
# tests change pages through the ORM, which purges nothing, and read them again.
PAGE_CACHE_ENABLED = False
