"""Settings shared by every environment; everything site-specific comes from the environment.

With no environment set the site runs on SQLite under ``var/`` with Wagtail's database
search backend and a local-memory cache, so a newcomer needs nothing installed.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("RADASITE_VAR_DIR", BASE_DIR / "var"))


def env(name, default=None):
    """Read a setting from the environment, treating an empty value as unset."""
    value = os.environ.get(name, "").strip()
    return value or default


def env_list(name, default=()):
    value = env(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "reports",
    "pages",
    "registry",
    "search",
    "discussion",
    "roles",
    "monitoring",
    "council",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "import_export",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.csp.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session middleware: a cache hit costs no session or user lookup (cms/cache.py).
    "cms.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cms.param_guard.AdminParameterGuard",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Wagtail's redirects, and an old address again without the tracking parameters of a shared link.
    "cms.redirects.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

if not env("DATABASE_URL"):
    # The embedded default: SQLite under var/, created on first use.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "radasite",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The public page cache (cms/cache.py), purged on publish through Wagtail's frontend-cache
# invalidation (cms/cache_purge.py). Add a CDN or Varnish backend to WAGTAILFRONTENDCACHE beside ours
# and it is purged by the same calls.
PAGE_CACHE_ENABLED = env("PAGE_CACHE_ENABLED", "1") == "1"
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "600"))
#: Never looked up: the admin, search (results are per query and must be fresh), documents (their
#: privacy is checked per request), the API, open data (its own headers), the static files.
PAGE_CACHE_EXCLUDED_PREFIXES = [
    "/admin/",
    "/django-admin/",
    "/search/",
    "/documents/",
    "/api/",
    "/opendata/",
    "/static/",
    "/media/",
]
#: Responses of views other than Wagtail pages that may be stored.
PAGE_CACHE_EXTRA_PATHS = ["/sitemap.xml", "/robots.txt"]
#: A change to one of these shows on every page (the header, the footer, the act pages): purge all.
#: A deputy's name is in the roll-call tables of the act pages and in the commissions' member lists.
PAGE_CACHE_SITE_WIDE_MODELS = [
    "cms.SiteSettings",
    "wagtailcore.Site",
    "pages.Issuer",
    "council.Deputy",
    "council.CommissionMembership",
]
#: Views outside the page tree whose answers are cached (``cms.cache.cacheable``): the paths under a
#: section's prefixes are dropped together when one of its models is saved or deleted, or when a page
#: they show changes (the ``page_cache_sections`` hook); bulk writers call
#: ``cms.cache_purge.purge_section`` themselves.
PAGE_CACHE_SECTIONS = {
    "council": {
        # The sitemap lists the deputies and meetings too (council.sitemaps).
        "prefixes": ["/deputaty/", "/zasidannia/", "/sitemap.xml"],
        "models": [
            "council.Convocation",
            "council.Deputy",
            "council.Membership",
            "council.CommissionMembership",
            "council.Meeting",
            "council.AgendaItem",
            "council.Vote",
            "council.Ballot",
            "registry.Organization",
        ],
    },
}
WAGTAILFRONTENDCACHE = {"django": {"BACKEND": "cms.cache.DjangoCacheBackend"}}

# Content-Security-Policy (django-csp 4, cms/csp.py): strict on the public site (no inline script or
# style there), looser under the admin, which writes inline scripts and styles.
_VIDEO_FRAMES = ["https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *_VIDEO_FRAMES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
ADMIN_URL_PREFIXES = ["/admin/", "/django-admin/"]
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *_VIDEO_FRAMES],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # The admin's live preview shows the site's page in an iframe of the admin's origin.
        "frame-ancestors": ["'self'"],
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "uk"
LANGUAGES = [("uk", _("Ukrainian"))]
TIME_ZONE = "Europe/Kyiv"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("uk", "Українська")]
WAGTAIL_USER_EDIT_FORM_LANGUAGE = "uk"
# One time zone for the whole council: the account form then offers no list of 600 English zone names.
WAGTAIL_USER_TIME_ZONES = ["Europe/Kyiv"]
# The project's own translations (locale/ at the root) come before every app's catalogue: they fill
# in and correct the Ukrainian of Wagtail, wagtail-modeladmin, django-import-export and django-tasks.
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / "media"))
# Files the public must not reach directly (attachments of comments awaiting moderation): never under
# MEDIA_ROOT, never served by the web server; views check who may read them (discussion/storage.py).
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Ніжинська міська рада"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Workflow notifications (submitted, approved, changes requested) by Django's mail backend.
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "noreply@nizhynrada.gov.ua")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILDOCS_DOCUMENT_MODEL = "cms.CouncilDocument"
# The admin's document form: it queues the text extraction once the upload commits (cms.document_forms), and a
# signed scan's file is never replaced: a new version is a new document (roles.forms).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "roles.forms.SignedScanDocumentForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "rtf", "txt", "xls", "xlsx", "ods", "csv", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Text extraction of attachments runs in a child process under these limits (cms/extraction_runner.py);
# a document past one is kept and served, marked «текст не витягнуто» with the reason.
EXTRACTION_TIMEOUT_SECONDS = float(env("EXTRACTION_TIMEOUT_SECONDS", "60"))
EXTRACTION_MEMORY_MB = int(env("EXTRACTION_MEMORY_MB", "512"))
EXTRACTION_MAX_CHARS = int(env("EXTRACTION_MAX_CHARS", "500000"))
EXTRACTION_MAX_PAGES = int(env("EXTRACTION_MAX_PAGES", "2000"))
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The admin talks to no host but the site's own: a council office intranet has no way out, and an
# editor's browser should not tell third parties who is working (gravatar) or what runs (update check).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Search. The database backend answers alone when ELASTICSEARCH_URL is unset; with Elasticsearch it
# is kept up to date too (alias "database") and answers while Elasticsearch is down (search/backends.py).
# PostgreSQL: the 'simple' configuration, since the text is lemmatised in Python (cms/analysis.py).
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
DATABASE_SEARCH_BACKEND = {"BACKEND": "search.backends.database", "SEARCH_CONFIG": "simple"}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            # search.backends.Elasticsearch8Backend for an 8.x server, OpenSearch2Backend for OpenSearch.
            "BACKEND": env("ELASTICSEARCH_BACKEND", "search.backends.Elasticsearch9Backend"),
            "ALIAS": "default",
            "URLS": env_list("ELASTICSEARCH_URL"),
            "INDEX_PREFIX": env("ELASTICSEARCH_INDEX_PREFIX", "radasite_"),
            "TIMEOUT": int(env("ELASTICSEARCH_TIMEOUT", "2")),
            "BREAKER_THRESHOLD": int(env("ELASTICSEARCH_BREAKER_THRESHOLD", "3")),
            "BREAKER_COOL_DOWN": int(env("ELASTICSEARCH_BREAKER_COOL_DOWN", "60")),
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        },
        "database": DATABASE_SEARCH_BACKEND,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}

# Background tasks (index updates among them). With Elasticsearch the updates are queued in the
# database (django-tasks-db; run `manage.py db_worker`), so a save never waits on the search server.
TASKS = {
    "default": {
        "BACKEND": env(
            "TASKS_BACKEND",
            "django_tasks_db.DatabaseBackend"
            if ELASTICSEARCH_URL
            else "django_tasks.backends.immediate.ImmediateBackend",
        )
    }
}

# One handler, on the root logger: every line is printed once. Django's default config gives the
# "django" logger a console handler of its own, which printed each of its lines a second time through
# the root; here it keeps only the e-mail to ADMINS and propagates to the root for the console.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "django.utils.log.AdminEmailHandler",
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": env("LOG_LEVEL", "WARNING"), "propagate": True}
    },
}

# Hosts of the old site: absolute links to them in imported HTML are treated as internal links.
LEGACY_SITE_HOSTS = env_list("LEGACY_SITE_HOSTS", ["nizhynrada.gov.ua", "www.nizhynrada.gov.ua"])

# Public discussion of drafts: who is told of new comments (besides the «Секретаріат ради» group),
# how many comments a client (by IP) may send per hour, the largest attachment.
DISCUSSION_NOTIFY_EMAILS = env_list("DISCUSSION_NOTIFY_EMAILS")
DISCUSSION_RATE_LIMIT = int(env("DISCUSSION_RATE_LIMIT", "5"))
DISCUSSION_MAX_ATTACHMENT_SIZE = 5 * 1024 * 1024

# Media monitoring: who receives the daily digest of articles and their mentions.
MONITORING_DIGEST_EMAILS = env_list("MONITORING_DIGEST_EMAILS")
