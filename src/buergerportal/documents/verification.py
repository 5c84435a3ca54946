"""The public verification page for enforcement officers, and the data offline verifiers need."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django_ratelimit.decorators import ratelimit

from .credentials import credential_verify
from .keys import public_keys
from .models import IssuedCredential

MAX_CODE_LENGTH = 2000


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the QR code"),
        help_text=_("Scan the QR code with the camera, or paste the text that begins with BP1:."),
        max_length=MAX_CODE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "required": _("Scan the QR code or paste its text."),
            "max_length": _("This is too long to be a permit's code."),
        },
    )


def _rate(group: str, request: HttpRequest) -> str:
    return "120/m"


@ratelimit(key="ip", rate=_rate, method="POST", block=True)
def verify(request: HttpRequest) -> HttpResponse:
    form = VerifyForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = credential_verify(form.cleaned_data["code"])
    return render(request, "documents/verify.html", {"form": form, "result": result})


@cache_control(max_age=3600, public=True)
def keys_json(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"keys": public_keys()})


@cache_control(max_age=300, public=True)
def revoked_json(request: HttpRequest) -> JsonResponse:
    """Credential ids that offline verifiers must not accept: revoked, and suspended for now."""
    ids = IssuedCredential.objects.values_list("credential_id", flat=True)
    return JsonResponse(
        {
            "revoked": list(ids.filter(status=IssuedCredential.Status.REVOKED)),
            "suspended": list(ids.filter(status=IssuedCredential.Status.SUSPENDED)),
        }
    )
