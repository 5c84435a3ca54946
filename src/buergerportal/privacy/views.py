"""The resident's privacy pages. Views parse, call one function, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django_ratelimit.decorators import ratelimit

from buergerportal.accounts.request_user import resident_from_request

from .access_log import access_rows, data_accesses_for_resident
from .export import resident_export


@login_required
def accesses(request: HttpRequest) -> HttpResponse:
    """ "Wer hat meine Daten gesehen?": every access to the resident's data, newest first."""
    user = resident_from_request(request)
    page = Paginator(data_accesses_for_resident(user), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "privacy/accesses.html",
        {"page": page, "rows": access_rows(list(page.object_list))},
    )


@login_required
@ratelimit(key="user", rate="10/h", method="POST", block=False)
def export(request: HttpRequest) -> HttpResponseBase:
    """Art. 15 GDPR: the page explains, the button downloads everything in one archive."""
    user = resident_from_request(request)
    if request.method == "POST":
        if getattr(request, "limited", False):
            return render(request, "privacy/export.html", {"limited": True}, status=429)
        archive = resident_export(user=user)
        return FileResponse(
            archive,
            as_attachment=True,
            filename=f"meine-daten-{timezone.localdate():%Y-%m-%d}.zip",
            content_type="application/zip",
        )
    return render(request, "privacy/export.html", {})
