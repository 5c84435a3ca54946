from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from buergerportal.core.views import healthz
from buergerportal.services.plugins import enabled_plugins, plugin_urls_module

# allauth's documented way to send admin logins through allauth (and its 2FA): replace the
# bound method on the site instance, which mypy reports as assigning to a method.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = f"Bürgerportal {settings.CITY_NAME}"

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
