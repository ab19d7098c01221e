"""Production settings: refuse to start without a real secret key and host list."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, env_list

DEBUG = False


def _required(name):
    value = env(name)
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be set in production "
            f"(see .env.example and docs/deploy.md)."
        )
    return value


SECRET_KEY = _required("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in _required("ALLOWED_HOSTS").split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [f"https://{host}" for host in ALLOWED_HOSTS])

# MEDIA: Django does not serve MEDIA_URL here (cms/urls.py adds it under DEBUG only). nginx serves
# /media/ from MEDIA_ROOT (deploy/nginx/radasite.conf); without nginx in front, images are 404s.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# X-Forwarded-Proto is trusted only when the app sits behind a proxy that sets it (nginx, see
# deploy/nginx/radasite.conf): a client talking to gunicorn directly could otherwise claim HTTPS.
# Set RADASITE_BEHIND_PROXY=1 only when gunicorn listens on 127.0.0.1 (or a socket) behind nginx.
if env("RADASITE_BEHIND_PROXY", "0") == "1":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
