"""The one settings module. Everything that differs between machines comes from the
environment (see README, "Configuration"); there is no production-only code path."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from thidua.config import env

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # src/thidua
DATA_DIR = Path(env.string("THIDUA_DATA_DIR", "var")).resolve()

# An insecure key that only development and tests may use; production refuses it
# (thidua.config.production_problems).
INSECURE_SECRET_KEY = "insecure-development-key-not-for-production"  # noqa: S105
SECRET_KEY = env.string("SECRET_KEY") or INSECURE_SECRET_KEY
DEBUG = env.boolean("DEBUG", default=False)
ALLOWED_HOSTS = env.words("ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env.words("CSRF_TRUSTED_ORIGINS")
SITE_URL = env.string("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "thidua.config",
    "thidua.core.once",
    "thidua.org",
    "thidua.audit",
    "thidua.plans",
    "thidua.initiatives",
    "thidua.review",
    "thidua.results",
    "thidua.notify",
    "thidua.deadlines",
    "thidua.search",
    "thidua.events",
    "thidua.replication",
    "thidua.fund",
    "thidua.novelty",
    "thidua.award",
    "thidua.showcase",
    "thidua.web",
    "thidua.demo",
    "thidua.backup",
    "thidua.jobs",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "thidua.web.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "thidua.web.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# Django's form renderer with the common widgets written in Python (core/widgets.py).
FORM_RENDERER = "thidua.core.widgets.WidgetsInPython"

ROOT_URLCONF = "thidua.config.urls"
WSGI_APPLICATION = "thidua.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": ["thidua.core.template_filters"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "thidua.web.context_processors.navigation",
                "thidua.web.context_processors.states",
            ],
        },
    },
]


def _database(url: str) -> dict:
    # A kept connection is checked before a request uses it: after a database restart the
    # first request reconnects instead of failing (web/views.py answers 503 to those caught
    # in the middle of it).
    config = dj_database_url.parse(
        url, conn_max_age=env.integer("DATABASE_CONN_MAX_AGE", 60), conn_health_checks=True
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["CONN_MAX_AGE"] = 0
        # WAL lets readers and one writer work at once; IMMEDIATE takes the write
        # lock at the start of a transaction so concurrent writers queue instead
        # of failing half-way with "database is locked".
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
        }
        config["TEST"] = {"NAME": None}
    return config


if not env.string("DATABASE_URL"):
    DATA_DIR.mkdir(parents=True, exist_ok=True)  # the embedded default lives here
DATABASES = {
    "default": _database(env.string("DATABASE_URL", f"sqlite:///{DATA_DIR / 'thidua.sqlite3'}"))
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "org.Person"
AUTHENTICATION_BACKENDS = ["thidua.org.auth.UsernameEmailOrPhoneBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
# None: logging out shows registration/logged_out.html, which also forgets the drafts that
# autosave kept in the browser (offices share computers).
LOGOUT_REDIRECT_URL = None
# The sign-in throttle (org/domain/logins.py): failed logins per account and per network
# address (an office shares one) within LOGIN_LOCKOUT_MINUTES, after which that account or
# address waits out the window; password-reset mails per e-mail address and per network
# address within an hour.
LOGIN_FAILURES_PER_ACCOUNT = env.integer("THIDUA_LOGIN_FAILURES_PER_ACCOUNT", 5)
LOGIN_FAILURES_PER_ADDRESS = env.integer("THIDUA_LOGIN_FAILURES_PER_ADDRESS", 30)
LOGIN_LOCKOUT_MINUTES = env.integer("THIDUA_LOGIN_LOCKOUT_MINUTES", 15)
PASSWORD_RESETS_PER_ACCOUNT = 3
PASSWORD_RESETS_PER_ADDRESS = 10
# Two-step login (org/domain/two_factor.py): administrators may turn it on; with this set,
# they must. Wrong codes count with wrong passwords above, so django-otp's own back-off is off.
THIDUA_REQUIRE_2FA_FOR_ADMINS = env.boolean("THIDUA_REQUIRE_2FA_FOR_ADMINS", default=False)
OTP_TOTP_ISSUER = "Thi Đua"
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
# A login lasts a working day (offices share computers), not Django's two weeks.
SESSION_COOKIE_AGE = env.integer("SESSION_HOURS", 10) * 3600
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(env.string("STATIC_ROOT", str(DATA_DIR / "static")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.string("MEDIA_ROOT", str(DATA_DIR / "media")))
# Uploads: the file system under MEDIA_ROOT, or with THIDUA_S3_BUCKET an S3-compatible object
# store that every app server and worker shares (README, "More than one server"). Read and
# written only through Django's storage API (core/storage.py).
S3_BUCKET = env.string("THIDUA_S3_BUCKET")
S3_ENDPOINT = env.string("THIDUA_S3_ENDPOINT")
UPLOADS_STORAGE = (
    {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": S3_ENDPOINT or None,
            "access_key": env.string("THIDUA_S3_ACCESS_KEY") or None,
            "secret_key": env.string("THIDUA_S3_SECRET_KEY") or None,
            "region_name": env.string("THIDUA_S3_REGION", "us-east-1"),
            "location": env.string("THIDUA_S3_PREFIX").strip("/"),
            # SeaweedFS, MinIO and most stores other than AWS name the bucket in the path.
            "addressing_style": "path" if S3_ENDPOINT else None,
            "signature_version": "s3v4",
            "file_overwrite": False,  # names are unique; never replace someone's file
            "default_acl": None,  # private: downloads go through the app's access check
            "max_memory_size": 2 * 1024 * 1024,  # a larger file read spills to disk
        },
    }
    if S3_BUCKET
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
)
STORAGES = {
    "default": UPLOADS_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Bounded work per request. Text fields of one form: 5 MB (the longest form, a plan's body,
# holds 100,000 characters); at most 1,000 fields (a plan's 50 criteria and 50 deadlines take
# about 500); uploads are files of at most 10 MB each (core/uploads.py), streamed to disk
# above 2 MB. A request over a limit gets the "form too large" page (web/views.py), 400.
# nginx's client_max_body_size (README) lets through one upload with its form.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "thidua.core.uploads.SizeLimitHandler",  # a file past the largest allowed size is dropped
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 20

EMAIL_BACKEND = env.string(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env.string("EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.string("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.string("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.boolean("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.boolean("EMAIL_USE_SSL", default=False)
DEFAULT_FROM_EMAIL = env.string("DEFAULT_FROM_EMAIL", "Thi Đua <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

SESSION_COOKIE_SECURE = not DEBUG and env.boolean("SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = not DEBUG and env.boolean("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 0 if DEBUG else env.integer("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG and env.boolean("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Behind nginx the original scheme arrives in this header (README, deployment).
if env.boolean("BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"
# A refused CSRF token gets the site's own page, in the user's language (web/views.py).
CSRF_FAILURE_VIEW = "thidua.web.views.csrf_failure"

# Background work (Django's tasks API through the django-tasks backport). With no worker
# configured, tasks run at once in the request: development and tests need nothing more.
# Production sets THIDUA_TASKS=database and runs `thidua worker` and `thidua scheduler`.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if env.string("THIDUA_TASKS") == "database"
        else "django_tasks.backends.immediate.ImmediateBackend",
    }
}
# Exports of more rows than this are made by a worker while the page shows their progress
# (jobs/), so that no request comes near the server's timeout; smaller ones answer at once.
EXPORT_ROWS_IN_REQUEST = 1000
# Days a background job's file (an export, an import's upload) is kept for its requester.
JOB_KEEP_DAYS = 7
# Days before a deadline (negative: after it) on which units that have not acted are reminded.
REMINDER_OFFSETS = [int(d) for d in env.words("THIDUA_REMINDER_OFFSETS", "7,3,1,-1")]
# How long typing must pause before a long form saves itself (autosave.js), in milliseconds.
# Not configurable by the environment: the browser tests shorten it, nothing else needs to.
AUTOSAVE_DELAY_MS = 1500

# The organisation whose units the product serves: units are named after it
# ("Hội Nông dân huyện Sông Hinh").
ORGANISATION_NAME = env.string("THIDUA_ORGANISATION_NAME", "Hội Nông dân")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A refusal (403, 404, a bad host) is one line; a server error keeps its traceback.
    "filters": {"one_line_refusals": {"()": "thidua.web.logs.OneLineRefusals"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["one_line_refusals"]},
    },
    "root": {"handlers": ["console"], "level": env.string("LOG_LEVEL", "INFO")},
}
