"""Keeps staff without a second factor away from everything but setting one up."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .request_user import resident_from_request
from .second_factor import has_totp, staff_second_factor_missing

# Paths anyone may reach whatever the state of their second factor.
_ALWAYS_ALLOWED_PREFIXES = ("/i18n/", "/healthz")
# Pages a member of staff needs while setting up the authenticator app. allauth asks for the
# password again before the set-up (reauthentication), so that page must be open too.
_SETUP_URL_NAMES = ("mfa_activate_totp", "mfa_index", "account_reauthenticate", "account_logout")


class StaffSecondFactorMiddleware:
    """Staff (see ``User.is_staff_member``) only get past this once their session used TOTP.

    - without an authenticator app: every page but the set-up sends them to the set-up;
    - with one, but a session that began without it: they are logged out and asked to log in
      again, when allauth's login asks for the code.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(_ALWAYS_ALLOWED_PREFIXES) or request.path.startswith(
            settings.STATIC_URL
        ):
            return self.get_response(request)
        if not staff_second_factor_missing(request):
            return self.get_response(request)
        # staff_second_factor_missing() is True only for a logged-in member of staff
        if not has_totp(resident_from_request(request)):
            if request.path in {reverse(name) for name in _SETUP_URL_NAMES}:
                return self.get_response(request)
            messages.warning(
                request,
                _("Staff accounts need a second factor. Please set up an authenticator app now."),
            )
            return redirect("mfa_activate_totp")
        # Has TOTP, but this session did not use it (e.g. it began before the set-up).
        logout(request)
        messages.warning(request, _("Please log in again with your second factor."))
        login_url = reverse("account_login")
        if request.method == "GET":
            login_url += "?" + urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
        return redirect(login_url)
