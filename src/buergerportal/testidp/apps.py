import os

from django.apps import AppConfig
from django.conf import settings


class TestIdpConfig(AppConfig):
    name = "buergerportal.testidp"
    label = "testidp"
    verbose_name = "TEST identity provider"

    def ready(self) -> None:
        # Authlib refuses plain http; the demo and the tests run on http://127.0.0.1. Only this
        # TEST provider uses Authlib, and only when it is switched on.
        if not settings.HTTPS:
            os.environ.setdefault("AUTHLIB_INSECURE_TRANSPORT", "1")
