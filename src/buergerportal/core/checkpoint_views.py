"""The public, append-only list of signed audit checkpoints and its file export."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .audit_checkpoints import checkpoints_export, checkpoints_published
from .audit_keys import audit_public_key_pem


def checkpoint_list(request: HttpRequest) -> HttpResponse:
    """Every checkpoint, newest first, with the public keys to check them by."""
    checkpoints = checkpoints_published()
    page = Paginator(list(reversed(checkpoints)), 100).get_page(request.GET.get("page"))
    kids = sorted({cp.kid for cp in checkpoints})
    return render(
        request,
        "core/checkpoints.html",
        {"page": page, "keys": [(kid, audit_public_key_pem(kid)) for kid in kids]},
    )


def checkpoint_file(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(checkpoints_export(), content_type="application/jsonl; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="pruefpunkte.jsonl"'
    return response
