from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from buergerportal.figures.data_views import csv_response, json_response
from buergerportal.figures.opendata import licence, rows_csv

from .portfolio import MEASURE_COLUMNS, current_strategy, measure_record, measure_rows


def _records() -> list[dict[str, object]]:
    strategy = current_strategy()
    if strategy is None:
        return []
    return [measure_record(row) for row in measure_rows(strategy=strategy)]


@require_GET
def measures_csv(request: HttpRequest) -> HttpResponse:
    return csv_response(rows_csv(_records(), MEASURE_COLUMNS), "massnahmen.csv")


@require_GET
def measures_json(request: HttpRequest) -> HttpResponse:
    return json_response({"licence": licence(), "measures": _records()})
