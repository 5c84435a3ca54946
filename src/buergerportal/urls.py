from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from buergerportal.core.checkpoint_views import checkpoint_file, checkpoint_list
from buergerportal.core.views import healthz
from buergerportal.services.plugins import enabled_plugins, plugin_urls_module

# allauth's documented way to send admin logins through allauth (and its 2FA): replace the
# bound method on the site instance, which mypy reports as assigning to a method.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = f"Bürgerportal {settings.CITY_NAME}"
# A database outage answers 503 with its own page (core/outage.py); anything else 500.
handler500 = "buergerportal.core.outage.server_error"

urlpatterns = [
    path("", include("buergerportal.web.urls")),
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("konto/", include("buergerportal.accounts.urls")),
    path("leistungen/", include("buergerportal.catalogue.urls")),
    path("admin/", admin.site.urls),
    # --- service engine and back office (issue 3) ---
    path("antrag/", include("buergerportal.applications.urls")),
    path("sachbearbeitung/", include("buergerportal.cases.urls")),
    path("postfach/", include("buergerportal.notifications.urls")),
    # --- end issue 3 ---
    path("pruefen/", include("buergerportal.documents.urls")),
    path("berechtigungen/", include("buergerportal.entitlements.urls")),
    # --- payments (issue 4) ---
    path("zahlungen/", include("buergerportal.payments.urls")),
    path("test-payments/", include("buergerportal.payments.providers.test_urls")),
    path("datenschutz/", include("buergerportal.privacy.urls")),  # issue 18
    path("pruefpunkte/", checkpoint_list, name="audit_checkpoints"),
    path("pruefpunkte.jsonl", checkpoint_file, name="audit_checkpoint_file"),
    # --- digital strategy and live figures (issue 17) ---
    path("strategie/", include("buergerportal.strategy.urls")),
    path("zahlen/", include("buergerportal.figures.urls")),
]
# The TEST identity provider (stands in for the BundID broker), only where it is switched on.
if settings.TEST_IDP:
    urlpatterns.append(path("test-idp/", include("buergerportal.testidp.urls")))
# Every enabled service's own pages (services/base.py: ``url_prefix``, ``urls_module``).
urlpatterns += [
    path(plugin.url_prefix, include(plugin_urls_module(plugin)))
    for plugin in enabled_plugins()
    if plugin.urls_module
]
