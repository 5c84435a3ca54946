"""The resident's privacy pages. Views parse, call one function, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from buergerportal.accounts.request_user import resident_from_request

from .access_log import access_rows, data_accesses_for_resident


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
