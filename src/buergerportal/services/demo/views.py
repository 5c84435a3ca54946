"""The demo service's one page: the resident's orders (read through the permission-scoped
reader of the applications app)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from buergerportal.applications.access import applications_for_resident

from .definition import SERVICE


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    orders = applications_for_resident(request.user).filter(service_slug=SERVICE.slug)
    return render(request, "demo/mine.html", {"orders": orders, "service": SERVICE})
