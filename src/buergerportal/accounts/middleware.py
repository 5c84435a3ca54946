"""Keeps staff without a second factor away from everything but setting one up."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .second_factor import has_totp, staff_second_factor_missing

_ALWAYS_ALLOWED = ("/accounts/logout/", "/i18n/", "/healthz", "/static/")


class StaffSecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(_ALWAYS_ALLOWED) or request.path.startswith(
            settings.STATIC_URL
        ):
            return self.get_response(request)
        if not staff_second_factor_missing(request):
            return self.get_response(request)
        activate_url = reverse("mfa_activate_totp")
        if not has_totp(request.user):  # type: ignore[arg-type]
            # allauth asks for the password again before an authenticator is added.
            setup_paths = (activate_url, reverse("mfa_index"), reverse("account_reauthenticate"))
            if request.path.startswith(setup_paths):
                return self.get_response(request)
            messages.warning(
                request,
                _("Staff accounts need a second factor. Please set up an authenticator app now."),
            )
            return redirect(activate_url)
        # Has TOTP, but this session did not use it (e.g. it began before the set-up): log in again.
        messages.warning(request, _("Please log in again with your second factor."))
        return redirect(reverse("account_logout"))
