from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from .opendata import (
    AVAILABILITY_COLUMNS,
    FIGURE_COLUMNS,
    availability_open_rows,
    dcat_catalogue,
    figure_rows,
    licence,
    rows_csv,
)


def csv_response(body: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = f'<{licence()["uri"]}>; rel="license"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def json_response(data: object) -> HttpResponse:
    response = JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False})
    response["Link"] = f'<{licence()["uri"]}>; rel="license"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def figures_csv(request: HttpRequest) -> HttpResponse:
    return csv_response(rows_csv(figure_rows(), FIGURE_COLUMNS), "kennzahlen.csv")


@require_GET
def figures_json(request: HttpRequest) -> HttpResponse:
    return json_response({"licence": licence(), "suppressed_below": 5, "figures": figure_rows()})


@require_GET
def availability_csv(request: HttpRequest) -> HttpResponse:
    return csv_response(
        rows_csv(availability_open_rows(), AVAILABILITY_COLUMNS), "verfuegbarkeit.csv"
    )


@require_GET
def availability_json(request: HttpRequest) -> HttpResponse:
    return json_response({"licence": licence(), "availability": availability_open_rows()})


@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        json.dumps(dcat_catalogue(), ensure_ascii=False, indent=2),
        content_type="application/ld+json; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
