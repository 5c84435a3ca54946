"""Test settings: the same settings module as production, fed with test values by environment."""

import os
import tempfile

os.environ.setdefault("BP_SECRET_KEY", "test-secret-key-not-for-production-0123456789abcdef")
os.environ.setdefault("BP_HTTPS", "false")
os.environ.setdefault("BP_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("BP_STATIC_MANIFEST", "false")
os.environ.setdefault("BP_VAR_DIR", tempfile.mkdtemp(prefix="bp-test-var-"))
os.environ.setdefault("BP_LOG_LEVEL", "WARNING")
os.environ.setdefault("BP_TEST_IDP", "true")  # the TEST identity provider (issue 15)

from buergerportal.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast hashing in tests only

# One process runs the tests (the live server is a thread in it), so an in-memory cache is shared.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

# Live-server tests empty the tables between tests; the audit tests install the triggers.
AUDIT_DB_TRIGGERS = False

# Parallel runs against one PostgreSQL server each need their own test database.
if os.environ.get("BP_TEST_DB_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["BP_TEST_DB_NAME"]}  # noqa: F405
