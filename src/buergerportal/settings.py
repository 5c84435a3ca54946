"""Settings of Bürgerportal.

This is the one module that reads the environment (12-factor). Every variable is listed in the
README's configuration table. Secrets have no defaults outside the demo: with ``BP_DEMO=true``
(what ``make run`` sets) a secret key is generated once and kept under ``var/``.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.util
import os
import secrets
from pathlib import Path
from typing import overload
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent


@overload
def env_str(name: str, default: str) -> str: ...
@overload
def env_str(name: str, default: None = None) -> str | None: ...
def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEMO = env_bool("BP_DEMO", False)
# The demo answers only loopback clients unless this says otherwise (core/demo_guard.py).
DEMO_PUBLIC = env_bool("BP_DEMO_PUBLIC", False)
DEBUG = env_bool("BP_DEBUG", False)
VAR_DIR = Path(env_str("BP_VAR_DIR", str(PROJECT_DIR / "var")))


def _demo_secret_key() -> str:
    """The demo keeps a generated key in var/ so sessions survive a restart."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env_str("BP_SECRET_KEY") or (_demo_secret_key() if DEMO else None)
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "BP_SECRET_KEY is not set. Set it to a long random string, "
        "or set BP_DEMO=true for the demo."
    )

# HTTPS is on unless the demo (or a local test) runs on plain http://127.0.0.1.
HTTPS = env_bool("BP_HTTPS", not DEMO)
ALLOWED_HOSTS = env_list("BP_ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEMO else [])
CSRF_TRUSTED_ORIGINS = env_list("BP_CSRF_TRUSTED_ORIGINS", [])

CITY_NAME = env_str("BP_CITY_NAME", "Mannheim")
# Links in emails, documents and payment returns. Without BP_SITE_URL: the address `serve` was
# started on (HOST, PORT), so a demo on another port sends residents back to that port; a
# wildcard HOST (0.0.0.0) links to this computer.
_SERVE_HOST = env_str("HOST", "127.0.0.1")
_LINK_HOST = "127.0.0.1" if _SERVE_HOST in {"", "0.0.0.0", "::", "[::]"} else _SERVE_HOST  # noqa: S104  (compared with, not bound)
if ":" in _LINK_HOST and not _LINK_HOST.startswith("["):
    _LINK_HOST = f"[{_LINK_HOST}]"  # an IPv6 literal in a URL
SITE_URL = env_str("BP_SITE_URL", f"http://{_LINK_HOST}:{env_str('PORT', '8000')}").rstrip("/")

# The enabled administrative services: packages under buergerportal/services/ (docs/services.md).
# A service with its own Django app (models, migrations, periodic jobs: an ``apps.py``) is
# installed with it; removing a name here removes the service from the portal.
SERVICES = env_list(
    "BP_SERVICES",
    [
        "parking_permit",
        "family_pass",
        "certificates",
        "swim_courses",
        "business_lookup",
        "dog_tax",
    ],
)
SERVICE_APPS = [
    f"buergerportal.services.{name}"
    for name in SERVICES
    if importlib.util.find_spec(f"buergerportal.services.{name}.apps") is not None
]

INSTALLED_APPS = [
    "buergerportal.core",
    "buergerportal.accounts",
    "buergerportal.catalogue",
    "buergerportal.registers",
    "buergerportal.web",
    "buergerportal.entitlements",
    "buergerportal.services",
    *SERVICE_APPS,
    # --- service engine and back office (issue 3) ---
    "buergerportal.applications",
    "buergerportal.cases",
    "buergerportal.documents",
    "buergerportal.procedures",
    "buergerportal.notifications",
    # --- end issue 3 ---
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "buergerportal.accounts.bundid",  # "Mit BundID anmelden": allauth's OpenID Connect provider
    "csp",
    "django_tasks",
    "django_tasks_db",
    # --- payments (issue 4) ---
    "buergerportal.payments",
    "buergerportal.privacy",  # issue 18
    # --- digital strategy and live figures (issue 17) ---
    "buergerportal.figures",
    "buergerportal.strategy",
    # --- eID (issue 15): the TEST identity provider, only where it is switched on ---
    *(["buergerportal.testidp"] if env_bool("BP_TEST_IDP", DEMO) else []),
]

MIDDLEWARE = [
    "buergerportal.core.middleware.RequestIdMiddleware",
    # HTML compressed for browsers that accept it; Django pads each compressed response with
    # random bytes against BREACH, and CSRF tokens are masked per response (docs/architecture.md).
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "buergerportal.privacy.middleware.DataAccessMiddleware",
    "buergerportal.core.demo_guard.DemoLoopbackMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "buergerportal.accounts.middleware.StaffSecondFactorMiddleware",
    "buergerportal.accounts.identity.session_limits.EidSessionLimitMiddleware",
    "buergerportal.core.middleware.RequestLogMiddleware",
]

ROOT_URLCONF = "buergerportal.urls"
WSGI_APPLICATION = "buergerportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "buergerportal.core.context_processors.portal",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'buergerportal.sqlite3'}")
# Health-checked before reuse: after a database outage the next request reconnects (no restart).
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the worker writes; IMMEDIATE avoids lock upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Kept open between requests like PostgreSQL's; core/sqlite_file.py reconnects when the
    # database file is replaced underneath (a restore).
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        # A database cache is shared by every gunicorn worker, so rate limits hold across them.
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "bp_cache",
    }
}
REDIS_URL = env_str("BP_REDIS_URL")
if REDIS_URL:
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
    }

TASKS = {
    "default": {
        "BACKEND": env_str("BP_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
WORKER_HEARTBEAT_SECONDS = env_int("BP_WORKER_HEARTBEAT_SECONDS", 10)
WORKER_STALE_AFTER_SECONDS = env_int("BP_WORKER_STALE_AFTER_SECONDS", 60)

# --- Registers (once-only) -----------------------------------------------------------------
RESIDENT_REGISTER = env_str(
    "BP_RESIDENT_REGISTER", "buergerportal.registers.embedded.EmbeddedResidentRegister"
)
VEHICLE_REGISTER = env_str(
    "BP_VEHICLE_REGISTER", "buergerportal.registers.embedded.EmbeddedVehicleRegister"
)
CIVIL_STATUS_REGISTER = env_str(
    "BP_CIVIL_STATUS_REGISTER",
    "buergerportal.services.certificates.register_embedded.EmbeddedCivilStatusRegister",
)

# --- Business-register lookup (services/business_lookup) ----------------------------------
BUSINESS_REGISTER = env_str(
    "BP_BUSINESS_REGISTER",
    "buergerportal.services.business_lookup.register.embedded.EmbeddedBusinessRegister",
)
# Public searches per IP address and window (django-ratelimit), and the most results one shows.
BUSINESS_SEARCH_RATE = env_str("BP_RATE_BUSINESS_SEARCH", "30/m")
BUSINESS_SEARCH_MAX_RESULTS = env_int("BP_BUSINESS_SEARCH_MAX_RESULTS", 50)

# --- Entitlements (permits, passes): revocation with due process -------------------------
# Days the holder has to respond before a clerk may revoke (urgent revocations do not wait).
ENTITLEMENT_REVOCATION_RESPONSE_DAYS = env_int("BP_ENTITLEMENT_REVOCATION_RESPONSE_DAYS", 14)

# --- Resident parking permit (services/parking_permit) ------------------------------------
# Days before a permit ends when its holder is reminded and may renew it into next year.
PARKING_PERMIT_RENEWAL_WINDOW_DAYS = env_int("BP_PARKING_PERMIT_RENEWAL_WINDOW_DAYS", 30)
PARKING_PERMIT_VEHICLE_CLASSES = env_list("BP_PARKING_PERMIT_VEHICLE_CLASSES", ["M1", "N1", "L3e"])

# --- Signed credentials (printed permits verifiable offline) -------------------------------
# Encrypts the private signing keys at rest; defaults to the secret key.
SIGNING_KEY_SECRET = env_str("BP_SIGNING_KEY_SECRET", SECRET_KEY)
# Keys that sign the audit trail's checkpoints: files the database does not hold (issue 18).
AUDIT_KEY_DIR = Path(env_str("BP_AUDIT_KEY_DIR", str(VAR_DIR / "audit-keys")))
# Create the first checkpoint key on first use (demo; production runs `audit_key_rotate`).
AUDIT_KEY_CREATE = env_bool("BP_AUDIT_KEY_CREATE", DEMO)

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    # Django's four rules (similarity, length, common, numeric) with one positive hint.
    {
        "NAME": "buergerportal.accounts.passwords.PasswordRulesValidator",
        "OPTIONS": {"min_length": 10},
    },
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:overview"
ACCOUNT_ADAPTER = "buergerportal.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "buergerportal.accounts.forms.LoginForm",
    # the new-password forms show one positive hint (accounts/passwords.py)
    "signup": "buergerportal.accounts.passwords.SignupForm",
    "change_password": "buergerportal.accounts.passwords.ChangePasswordForm",
    "set_password": "buergerportal.accounts.passwords.SetPasswordForm",
    "reset_password_from_key": "buergerportal.accounts.passwords.ResetPasswordKeyForm",
}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# One address per account; a new one replaces the old once it is verified.
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_MAX_EMAIL_ADDRESSES = 2  # the current one and the one being verified
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{CITY_NAME}] "
ACCOUNT_RATE_LIMITS = {
    # per address only: an account is never locked; accounts/login_throttle.py slows repeated
    # failures down per address and per address-and-account instead
    "login_failed": env_str("BP_RATE_LOGIN_FAILED", "30/m/ip"),
    "login": env_str("BP_RATE_LOGIN", "30/m/ip"),
    "signup": env_str("BP_RATE_SIGNUP", "20/m/ip"),
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = f"Bürgerportal {CITY_NAME}"
MFA_ADAPTER = "buergerportal.accounts.adapter.MFAAdapter"
# The feedback form and other public forms: attempts per IP and window (django-ratelimit).
PUBLIC_FORM_RATE = env_str("BP_RATE_PUBLIC_FORM", "5/10m")
RATELIMIT_USE_CACHE = "default"
# Proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated): rate limits
# and logs use the client's address behind them (core/client_ip.py).
TRUSTED_PROXIES = env_list("BP_TRUSTED_PROXIES", [])
RATELIMIT_IP_META_KEY = "buergerportal.core.client_ip.client_ip"
# From those proxies, X-Request-Start (when the proxy received the request) is believed if it is
# at most this old (core/request_start.py): the arrival in the swimming courses' waiting room.
REQUEST_START_MAX_AGE_SECONDS = env_int("BP_REQUEST_START_MAX_AGE_SECONDS", 600)
# The waiting room's script asks for news at most this far apart (swim_courses/waiting_room.py).
SWIM_STATUS_RETRY_MAX_SECONDS = 60

SESSION_COOKIE_AGE = env_int("BP_SESSION_SECONDS", 60 * 60 * 8)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# --- eID: the federal citizen account (BundID) through an OpenID Connect broker -----------
# docs/operations.md explains how to connect a broker (e.g. Keycloak in front of BundID's SAML).
# The TEST identity provider (/test-idp/, buergerportal.testidp) stands in for it in the demo
# and in tests; it is never on unless BP_TEST_IDP=true or the demo.
TEST_IDP = env_bool("BP_TEST_IDP", DEMO)
SOCIALACCOUNT_ADAPTER = "buergerportal.accounts.bundid.adapter.SocialAccountAdapter"
EID_ISSUER = env_str("BP_EID_ISSUER", f"{SITE_URL}/test-idp" if TEST_IDP else "")
EID_CLIENT_ID = env_str("BP_EID_CLIENT_ID", "buergerportal-test" if TEST_IDP else "")
EID_CLIENT_SECRET = env_str("BP_EID_CLIENT_SECRET") or (
    hmac.new(SECRET_KEY.encode(), b"test-idp", hashlib.sha256).hexdigest() if TEST_IDP else ""
)
EID_SCOPES = env_list("BP_EID_SCOPES", ["openid", "profile", "email", "address"])
# Only these signature algorithms are accepted for ID tokens (never "none", never HS* with a
# public key).
EID_ALGORITHMS = env_list("BP_EID_ALGORITHMS", ["RS256"])
# The ID-token claim that carries the login's trust level, and how its values map to ours.
EID_TRUST_CLAIM = env_str("BP_EID_TRUST_CLAIM", "acr")
EID_TRUST_VALUES = dict(
    item.partition("=")[::2]
    for item in env_list(
        "BP_EID_TRUST_VALUES",
        ["STORK-QAA-Level-1=basic", "STORK-QAA-Level-3=substantial", "STORK-QAA-Level-4=high"],
    )
)
if set(EID_TRUST_VALUES.values()) - {"basic", "substantial", "high"}:
    raise ImproperlyConfigured("BP_EID_TRUST_VALUES maps values to basic, substantial or high")
# Session lifetime and idle timeout (minutes) of an eID login, by its level.
EID_SESSION_MINUTES = {
    "basic": (
        env_int("BP_EID_BASIC_SESSION_MINUTES", 12 * 60),
        env_int("BP_EID_BASIC_IDLE_MINUTES", 60),
    ),
    "substantial": (
        env_int("BP_EID_SUBSTANTIAL_SESSION_MINUTES", 120),
        env_int("BP_EID_SUBSTANTIAL_IDLE_MINUTES", 30),
    ),
    "high": (
        env_int("BP_EID_HIGH_SESSION_MINUTES", 30),
        env_int("BP_EID_HIGH_IDLE_MINUTES", 5),
    ),
}
# allauth's social-account settings: a verified BundID login makes an account on its own
# (register with BundID alone), never attaches itself to an account by its email address
# (a resident links BundID from their account page), and stores no tokens.
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_PROVIDERS = {"bundid": {"OAUTH_PKCE_ENABLED": True, "SCOPE": EID_SCOPES}}
# The TEST provider's authorization codes are valid this long.
TEST_IDP_CODE_SECONDS = 120

# --- Internationalisation -------------------------------------------------------------------
# German is the source language of all content; docs/architecture.md ("Languages") explains how
# a city adds a language with these settings and translation files only.
LANGUAGE_CODE = "de"


def _languages(items: list[str]) -> list[tuple[str, str]]:
    """``de,en,tr,de-x-easy=Leichte Sprache`` → codes with the name each language has in itself
    (Django knows most; a variant such as easy German is named after ``=``)."""
    from django.conf.locale import LANG_INFO

    languages = []
    for item in items:
        code, _sep, name = (part.strip() for part in item.partition("="))
        name = name or LANG_INFO.get(code.lower(), {}).get("name_local", "")
        if not name:
            raise ImproperlyConfigured(f"BP_LANGUAGES: name the language {code!r} ({code}=Name)")
        languages.append((code.lower(), name))
    if LANGUAGE_CODE not in dict(languages):
        raise ImproperlyConfigured(f"BP_LANGUAGES must include {LANGUAGE_CODE!r}")
    return languages


def _fallbacks(items: list[str], languages: list[tuple[str, str]]) -> dict[str, str]:
    """``tr:en,de-x-easy:de`` → which language each one falls back to (default: German)."""
    fallbacks = {}
    for item in items:
        code, _sep, fallback = (part.strip().lower() for part in item.partition(":"))
        if code not in dict(languages) or fallback not in dict(languages):
            raise ImproperlyConfigured(
                f"BP_LANGUAGE_FALLBACKS: {item!r} names a language that is not in BP_LANGUAGES"
            )
        fallbacks[code] = fallback
    return fallbacks


LANGUAGES = _languages(env_list("BP_LANGUAGES", ["de", "en"]))
LANGUAGE_FALLBACKS = _fallbacks(env_list("BP_LANGUAGE_FALLBACKS", []), LANGUAGES)
# The city's own catalogues (interface django.po, content content.po) come first.
LOCALE_PATHS = [*(Path(p) for p in env_list("BP_LOCALE_PATHS", [])), BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("BP_STATIC_ROOT", str(VAR_DIR / "static")))
NODE_MODULES = PROJECT_DIR / "node_modules"
STATICFILES_DIRS = [
    ("kern", NODE_MODULES / "@kern-ux" / "native" / "dist"),
    ("jsqr", NODE_MODULES / "jsqr" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("BP_STATIC_MANIFEST", True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = Path(env_str("BP_MEDIA_ROOT", str(VAR_DIR / "media")))

# --- Email ----------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env_str("BP_FROM_EMAIL", f"buergerportal@{CITY_NAME.lower()}.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if env_str("BP_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env_str("BP_EMAIL_HOST")
    EMAIL_PORT = env_int("BP_EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("BP_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = env_str("BP_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("BP_EMAIL_TLS", True)
elif DEMO:
    # The demo writes every email as a file; /demo/outbox/ shows them in the browser.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
else:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = "localhost"
    EMAIL_PORT = 25

# Where accessibility feedback goes (besides the staff inbox in the admin).
FEEDBACK_EMAIL = env_str("BP_FEEDBACK_EMAIL", f"barrierefreiheit@{CITY_NAME.lower()}.example")

# --- Security -------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = HTTPS and env_bool("BP_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("BP_HSTS_SECONDS", 31536000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("BP_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

_EID_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(EID_ISSUER)) if EID_ISSUER else ""
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        # The eID login's form redirects to the broker (another origin in production).
        "form-action": [SELF, *([_EID_ORIGIN] if _EID_ORIGIN else [])],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
PERMISSIONS_POLICY = "camera=(self), geolocation=(), microphone=(), payment=()"

# Secret for pseudonymising identifiers in logs (an HMAC, so log lines can be correlated
# without containing an email address or IP address).
LOG_PSEUDONYM_KEY = env_str("BP_LOG_PSEUDONYM_KEY", SECRET_KEY)

# --- Logging --------------------------------------------------------------------------------
LOG_LEVEL = env_str("BP_LOG_LEVEL", "INFO")
LOG_FORMAT = env_str("BP_LOG_FORMAT", "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "buergerportal.core.logging.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Django's request logger prints the path with the query string; ours logs without it.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        # WeasyPrint and its font tools report every rendering step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# The database refuses UPDATE/DELETE on audit entries (tests of a live server switch it off).
AUDIT_DB_TRIGGERS = True
# Fault tests only (core/faults.py, tests/faults/): pause at this point and write the marker file.
FAULT_POINT = env_str("BP_FAULT_POINT", "")
FAULT_HIT = env_int("BP_FAULT_HIT", 1)
FAULT_MARKER = env_str("BP_FAULT_MARKER", "")

FORM_RENDERER = "buergerportal.core.form_rendering.KernFormRenderer"

# --- Service engine: uploads, virus scanning, status lookup (issue 3) ------------------------
UPLOAD_MAX_BYTES = env_int("BP_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
CLAMAV_SOCKET = env_str("BP_CLAMAV_SOCKET", "")
CLAMAV_HOST = env_str("BP_CLAMAV_HOST", "")
CLAMAV_PORT = env_int("BP_CLAMAV_PORT", 3310)
CLAMAV_TIMEOUT = env_int("BP_CLAMAV_TIMEOUT", 30)
VIRUS_SCANNER = (
    "buergerportal.applications.scanning.clamav.ClamAVScanner"
    if (CLAMAV_SOCKET or CLAMAV_HOST)
    else "buergerportal.applications.scanning.noop.NoOpScanner"
)
# Status lookup by reference number and email without login: attempts per IP and window.
STATUS_LOOKUP_RATE = env_str("BP_RATE_STATUS_LOOKUP", "10/10m")
# --- Payments (issue 4; docs/payments.md) ----------------------------------------------------
# The provider is a plugin chosen by dotted path. The demo uses the built-in test provider; outside
# the demo nothing is configured until the city sets its provider and its secrets.
_TEST_PROVIDER = "buergerportal.payments.providers.test.TestProvider"
PAYMENT_PROVIDER = env_str("BP_PAYMENT_PROVIDER", _TEST_PROVIDER if DEMO else "")
PAYMENT_PROVIDER_OPTIONS = {
    # Shared secret for signed notifications (HMAC-SHA256). The demo derives one from the key.
    "secret": env_str("BP_PAYMENT_SECRET")
    or (hmac.new(SECRET_KEY.encode(), b"payments", hashlib.sha256).hexdigest() if DEMO else ""),
    "merchant_id": env_str("BP_PAYMENT_MERCHANT_ID", "bp-demo" if DEMO else ""),
    "api_url": env_str("BP_PAYMENT_API_URL", ""),
}
# A notification whose signed timestamp is older than this (or this far in the future) is refused,
# so a captured notification cannot be replayed later (issue 18).
PAYMENT_NOTIFICATION_MAX_AGE_SECONDS = env_int("BP_PAYMENT_NOTIFICATION_MAX_AGE_SECONDS", 600)
# A payment still pending after this many minutes is settled by asking the provider.
PAYMENT_PENDING_MINUTES = env_int("BP_PAYMENT_PENDING_MINUTES", 30)
# Refunds above this amount (cents) need a second member of staff with the approver role.
REFUND_FOUR_EYES_CENTS = env_int("BP_REFUND_FOUR_EYES_CENTS", 10000)
# SEPA direct debit: the city as creditor. The demo has invented values; nothing else has defaults.
SEPA_CREDITOR_ID = env_str("BP_SEPA_CREDITOR_ID", "DE98ZZZ09999999999" if DEMO else "")
SEPA_CREDITOR_NAME = env_str("BP_SEPA_CREDITOR_NAME", f"Stadt {CITY_NAME}")
SEPA_CREDITOR_IBAN = env_str("BP_SEPA_CREDITOR_IBAN", "DE89370400440532013000" if DEMO else "")
SEPA_CREDITOR_BIC = env_str("BP_SEPA_CREDITOR_BIC", "COBADEFFXXX" if DEMO else "")
SEPA_MANDATE_LAPSE_MONTHS = env_int("BP_SEPA_MANDATE_LAPSE_MONTHS", 36)
# Debits per pain.008 file: larger runs make several files, each built in bounded memory.
SEPA_FILE_MAX_DEBITS = env_int("BP_SEPA_FILE_MAX_DEBITS", 5000)
# A mandate is kept this many months after its last collection (refund claims run 13 months).
SEPA_MANDATE_KEEP_MONTHS = env_int("BP_SEPA_MANDATE_KEEP_MONTHS", 14)
# SEPA core lead times: the pre-notification reaches the payer this many calendar days before the
# collection date (14 unless agreed otherwise), and the file reaches the bank this many TARGET2
# business days before it (the core scheme's D-1; raise it if the city's bank wants more).
SEPA_PRENOTIFICATION_DAYS = env_int("BP_SEPA_PRENOTIFICATION_DAYS", 14)
SEPA_LEAD_BUSINESS_DAYS = env_int("BP_SEPA_LEAD_BUSINESS_DAYS", 1)
if SEPA_PRENOTIFICATION_DAYS < 0 or SEPA_LEAD_BUSINESS_DAYS < 0:
    raise ImproperlyConfigured("The SEPA lead times must not be negative.")
# A returned direct debit must be paid online within this many days, or what it paid for is
# suspended (the parking permit: verifies as "suspended" until paid).
SEPA_RETURN_DEADLINE_DAYS = env_int("BP_SEPA_RETURN_DEADLINE_DAYS", 14)
# A collected debit counts as settled (and gets its receipt) this many days after its collection
# date, when it can no longer be returned: 56 = the debtor's 8-week refund right (SEPA Core).
SEPA_RETURN_PERIOD_DAYS = env_int("BP_SEPA_RETURN_PERIOD_DAYS", 56)

# --- digital strategy and live figures (issue 17) ---
# The unit whose members edit the strategy's measures, milestones and indicators.
STRATEGY_OFFICE_UNIT = env_str("BP_STRATEGY_OFFICE_UNIT", "digitalstrategie")
# Open data: the licence of every download and of the DCAT-AP.de catalogue.
OPEN_DATA_LICENCE = env_str("BP_OPEN_DATA_LICENCE", "http://dcat-ap.de/def/licenses/dl-by-de/2.0")
