from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from buergerportal.accounts.models import OrgUnit
from buergerportal.privacy.retention import service_retention

from . import registry
from .fees import fee_lines_for_page

MAX_QUERY_LENGTH = 100


def service_list(request: HttpRequest) -> HttpResponse:
    """A–Z list, or the search results when ``q`` is given."""
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    results = registry.search_services(query) if query.strip() else None
    return render(
        request,
        "catalogue/service_list.html",
        {"query": query, "results": results, "services": registry.services_a_to_z()},
    )


def life_situation(request: HttpRequest, slug: str) -> HttpResponse:
    situation = registry.life_situation(slug)
    if situation is None:
        raise Http404
    return render(
        request,
        "catalogue/life_situation.html",
        {"situation": situation, "services": registry.services_for_situation(slug)},
    )


def service_detail(request: HttpRequest, slug: str) -> HttpResponse:
    service = registry.service_by_slug(slug)
    if service is None:
        raise Http404
    unit = OrgUnit.objects.filter(slug=service.unit).first()
    fees = fee_lines_for_page(service_slug=service.slug)
    context = {
        "service": service,
        "unit": unit,
        "fees": fees,
        "retention": service_retention(service),
    }
    return render(request, "catalogue/service_detail.html", context)
