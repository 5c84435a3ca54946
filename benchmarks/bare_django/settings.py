"""The page benchmark's ceiling: bare Django serving the same HTML through its template engine.

Same gunicorn, same worker count, Django's default security and common middleware, no database,
no sessions: what any Django page costs before the portal adds anything.
"""

import os

SECRET_KEY = "bare-django-benchmark-only-0123456789abcdef"  # noqa: S105  (throwaway server)
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "benchmarks.bare_django.urls"
INSTALLED_APPS: list[str] = []
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [os.environ["BARE_DJANGO_PAGES"]],
    }
]
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True
