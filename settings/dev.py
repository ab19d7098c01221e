from .base import *  # noqa: F403
from .base import env

DEBUG = env("DEBUG", "1") == "1"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Serve static files from the apps directly, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
