"""The resident's account pages. allauth provides login, email, password and 2FA pages."""

from __future__ import annotations

from typing import cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buergerportal.core.audit import audit_record
from buergerportal.registers.identity import person_for_user

from .deletion import StaffAccountError, account_delete, retention_reasons
from .forms import DeleteAccountForm, ProfileForm
from .identity.levels import session_level
from .identity.linking import register_link_for_user, register_link_remove
from .identity.step_up import bundid_linked
from .models import User
from .permissions import units_for_staff
from .second_factor import has_totp


def _user(request: HttpRequest) -> User:
    """The logged-in person (every view here is behind ``login_required``)."""
    return cast(User, request.user)


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    link = register_link_for_user(user)
    return render(
        request,
        "accounts/overview.html",
        {
            "units": units_for_staff(user) if user.is_staff_member else [],
            "has_totp": has_totp(user),
            "trust_level": session_level(request),
            "bundid_linked": bundid_linked(user),
            "register_link": link,
            "register_person": person_for_user(user, link=link) if link else None,
        },
    )


@login_required
@require_POST
def register_unlink(request: HttpRequest) -> HttpResponse:
    """The resident removes the link to the resident register (an eID login can make it again)."""
    if register_link_remove(user=_user(request)):
        messages.success(
            request,
            _(
                "Your account is no longer linked to the resident register. Services that need "
                "register data ask you to sign in with BundID again."
            ),
        )
    return redirect("accounts:overview")


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        form.save()
        audit_record(
            action="account.profile_changed",
            actor=user,
            obj=user,
            data={"fields": sorted(form.changed_data)},
        )
        messages.success(request, _("Your details have been saved."))
        response = redirect("accounts:overview")
        if "preferred_language" in form.changed_data:
            # The portal switches to the chosen language at once.
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                user.preferred_language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,  # type: ignore[arg-type]  # a str setting; "Lax"
            )
        return response
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def delete(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if user.is_staff_member:
        messages.error(request, _("Staff accounts are closed by your unit administrator."))
        return redirect("accounts:overview")
    form = DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            deleted = account_delete(user=user)
        except StaffAccountError:
            return redirect("accounts:overview")
        kept = [] if deleted else retention_reasons(user)
        logout(request)
        if deleted:
            messages.success(request, _("Your account has been deleted."))
        else:
            messages.success(
                request,
                " ".join(
                    [
                        _(
                            "Your account has been closed and your personal details removed. "
                            "Records the law requires us to keep will be deleted when their "
                            "retention period ends."
                        ),
                        *(reason.text for reason in kept),
                    ]
                ),
            )
        return redirect("web:home")
    return render(
        request,
        "accounts/delete.html",
        {"form": form, "reasons": retention_reasons(user)},
    )
