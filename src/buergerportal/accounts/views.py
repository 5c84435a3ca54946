"""The resident's account pages. allauth provides login, email, password and 2FA pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from buergerportal.core.audit import audit_record

from .deletion import StaffAccountError, account_delete, retention_reasons
from .forms import DeleteAccountForm, ProfileForm
from .permissions import units_for_staff
from .second_factor import has_totp


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "accounts/overview.html",
        {"units": units_for_staff(user), "has_totp": has_totp(user)},  # type: ignore[arg-type]
    )


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        audit_record(
            action="account.profile_changed",
            actor=request.user,
            obj=request.user,
            data={"fields": sorted(form.changed_data)},
        )
        messages.success(request, _("Your details have been saved."))
        return redirect("accounts:overview")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def delete(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.is_staff_member:  # type: ignore[union-attr]
        messages.error(request, _("Staff accounts are closed by your unit administrator."))
        return redirect("accounts:overview")
    form = DeleteAccountForm(request.POST or None, user=user)  # type: ignore[arg-type]
    if request.method == "POST" and form.is_valid():
        try:
            deleted = account_delete(user=user)  # type: ignore[arg-type]
        except StaffAccountError:
            return redirect("accounts:overview")
        logout(request)
        messages.success(
            request,
            _("Your account has been deleted.")
            if deleted
            else _(
                "Your account has been closed and your personal details removed. Records the "
                "law requires us to keep will be deleted when their retention period ends."
            ),
        )
        return redirect("core:home")
    return render(
        request,
        "accounts/delete.html",
        {"form": form, "reasons": retention_reasons(user)},  # type: ignore[arg-type]
    )
