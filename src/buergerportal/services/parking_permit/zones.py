"""Which parking zone an address is in, from the street ranges the city keeps in a CSV file.

CSV columns: ``zone,zone_name,street,from,to,side`` with side ``all``, ``even`` or ``odd``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from buergerportal.registers.base import AddressRecord

from .models import Zone, ZoneStreetRange

DEMO_ZONES = Path(__file__).resolve().parent / "data" / "zones.csv"


class ZoneFileError(ValueError):
    """The CSV has a line the portal cannot use; the message names the line."""


@dataclass(frozen=True)
class ZoneFigures:
    zones: int
    ranges: int


def zone_for_address(address: AddressRecord | None) -> Zone | None:
    if address is None:
        return None
    for street_range in ZoneStreetRange.objects.filter(street=address.street).select_related(
        "zone"
    ):
        if street_range.covers(address.house_number):
            return street_range.zone
    return None


@transaction.atomic
def zones_load(*, path: Path) -> ZoneFigures:
    """Replace the zones with the file's; nothing changes if any line is wrong."""
    ZoneStreetRange.objects.all().delete()
    zones: dict[str, Zone] = {}
    ranges = 0
    with path.open(newline="", encoding="utf-8") as handle:
        for line_no, row in enumerate(csv.DictReader(handle), start=2):
            try:
                first, last = int(row["from"]), int(row["to"])
                side = (row.get("side") or "all").strip()
                code = row["zone"].strip()
                street = row["street"].strip()
            except (KeyError, TypeError, ValueError) as exc:
                raise ZoneFileError(f"line {line_no}: {exc}") from exc
            if not code or not street or first > last or side not in {"all", "even", "odd"}:
                raise ZoneFileError(f"line {line_no}: check zone, street, from ≤ to and side")
            if code not in zones:
                zones[code], _ = Zone.objects.update_or_create(
                    code=code, defaults={"name": row.get("zone_name", "").strip()}
                )
            ZoneStreetRange.objects.create(
                zone=zones[code], street=street, first=first, last=last, parity=side
            )
            ranges += 1
    return ZoneFigures(zones=len(zones), ranges=ranges)
