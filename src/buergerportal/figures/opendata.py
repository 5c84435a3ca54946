"""The live figures as open data (CSV and JSON at stable URLs) and the DCAT-AP.de catalogue
(JSON-LD) of every dataset the portal publishes, for the city's open-data portal to harvest."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.conf import settings
from django.urls import reverse

from .availability import availability_rows
from .models import PORTAL
from .presentation import all_figures, service_titles

LICENCE_NAMES = {
    "http://dcat-ap.de/def/licenses/dl-by-de/2.0": "Datenlizenz Deutschland – Namensnennung – 2.0",
    "http://dcat-ap.de/def/licenses/cc-by/4.0": "Creative Commons Namensnennung 4.0 International",
}
FIGURE_COLUMNS = (
    "scope",
    "title",
    "period_start",
    "period_end",
    "computed_at",
    "applications",
    "completion_share_percent",
    "median_hours_to_decision",
    "p90_hours_to_decision",
    "promised_hours",
    "decided_in_time_percent",
    "decided_automatically_percent",
    "paid_online_percent",
    "ozg_maturity_level",
)


AVAILABILITY_COLUMNS = ("scope", "title", "day", "checks", "available_checks", "available_percent")


def licence() -> dict[str, str]:
    uri = settings.OPEN_DATA_LICENCE
    return {"uri": uri, "name": LICENCE_NAMES.get(uri, uri)}


def figure_rows() -> list[dict[str, Any]]:
    """One row per service and one for the portal (scope "_portal"); suppressed values are
    empty (null): fewer than five cases."""
    return [
        {
            "scope": f.scope,
            "title": f.title,
            "period_start": f.period_start.isoformat(),
            "period_end": f.period_end.isoformat(),
            "computed_at": f.computed_at.isoformat(),
            "applications": f.applications,
            "completion_share_percent": f.completion_share,
            "median_hours_to_decision": None
            if f.median_hours is None
            else round(f.median_hours, 1),
            "p90_hours_to_decision": None if f.p90_hours is None else round(f.p90_hours, 1),
            "promised_hours": f.promised_hours,
            "decided_in_time_percent": f.in_time_share,
            "decided_automatically_percent": f.automatic_share,
            "paid_online_percent": f.paid_online_share,
            "ozg_maturity_level": f.maturity_level,
        }
        for f in all_figures()
    ]


def availability_open_rows() -> list[dict[str, Any]]:
    """One row per service (and the portal, scope "_portal") and day: how many health checks
    ran and how many found the service available."""
    titles = service_titles()
    return [
        {
            "scope": day.scope,
            "title": titles.get(day.scope, ""),
            "day": day.day.isoformat(),
            "checks": day.checks,
            "available_checks": day.healthy,
            "available_percent": round(day.percent, 1),
        }
        for day in availability_rows()
        if day.scope == PORTAL or day.scope in titles
    ]


def rows_csv(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else row[k] for k in columns})
    return out.getvalue()


def _dataset(
    *, identifier: str, title: tuple[str, str], description: str, csv_url: str, json_url: str
) -> dict[str, Any]:
    lic = licence()
    site = settings.SITE_URL
    return {
        "@id": site + csv_url.rsplit(".", 1)[0],
        "@type": "dcat:Dataset",
        "dct:identifier": identifier,
        "dct:title": [
            {"@language": "de", "@value": title[0]},
            {"@language": "en", "@value": title[1]},
        ],
        "dct:description": {"@language": "de", "@value": description},
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": f"Stadt {settings.CITY_NAME}"},
        "dcatde:contributorID": {"@id": "http://dcat-ap.de/def/contributors/stadtMannheim"},
        "dct:license": {"@id": lic["uri"]},
        "dcatde:licenseAttributionByText": f"Stadt {settings.CITY_NAME}",
        "dcat:distribution": [
            {
                "@type": "dcat:Distribution",
                "dcat:accessURL": {"@id": site + url},
                "dcat:downloadURL": {"@id": site + url},
                "dct:format": {
                    "@id": f"http://publications.europa.eu/resource/authority/file-type/{fmt}"
                },
                "dcat:mediaType": media,
                "dct:license": {"@id": lic["uri"]},
            }
            for url, fmt, media in (
                (csv_url, "CSV", "text/csv"),
                (json_url, "JSON", "application/json"),
            )
        ],
    }


def dcat_catalogue() -> dict[str, Any]:
    site = settings.SITE_URL
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "dcatde": "http://dcat-ap.de/def/dcatde/",
            "foaf": "http://xmlns.com/foaf/0.1/",
        },
        "@id": site + reverse("figures:catalogue"),
        "@type": "dcat:Catalog",
        "dct:title": f"Offene Daten des Bürgerportals {settings.CITY_NAME}",
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": f"Stadt {settings.CITY_NAME}"},
        "dct:license": {"@id": licence()["uri"]},
        "dcat:dataset": [
            _dataset(
                identifier="buergerportal-kennzahlen",
                title=("Kennzahlen der Online-Leistungen", "Figures of the online services"),
                description=(
                    "Anträge, Abschlussquote, Bearbeitungszeit, automatische Entscheidungen, "
                    "Online-Zahlung und Reifegrad je Leistung und für das Portal, "
                    "letzte 12 Monate; "
                    "Werte unter 5 Fällen sind unterdrückt."
                ),
                csv_url=reverse("figures:data_csv"),
                json_url=reverse("figures:data_json"),
            ),
            _dataset(
                identifier="buergerportal-verfuegbarkeit",
                title=(
                    "Verfügbarkeit der Online-Leistungen",
                    "Availability of the online services",
                ),
                description=(
                    "Verfügbarkeit je Leistung und für das Portal pro Tag aus den Health-Checks "
                    "(alle fünf Minuten): Anzahl der Prüfungen und wie viele die Leistung "
                    "verfügbar fanden (Datenbank, genutzte Register, bei Gebühren der "
                    "Zahlungsanbieter), letzte 365 Tage."
                ),
                csv_url=reverse("figures:availability_csv"),
                json_url=reverse("figures:availability_json"),
            ),
            _dataset(
                identifier="digitalstrategie-massnahmen",
                title=("Maßnahmen der Digitalstrategie", "Measures of the digital strategy"),
                description=(
                    "Maßnahmen mit Handlungsfeld, Koordination, Status und berechnetem Fortschritt."
                ),
                csv_url=reverse("strategy:data_csv"),
                json_url=reverse("strategy:data_json"),
            ),
        ],
    }
