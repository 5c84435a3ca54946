"""The parking permit's fees, read from the fee schedule (``catalogue.fees``).

One finance code for the permit, the same for a first permit, a renewal by application and the
yearly renewal by direct debit; one for a change of plate or address. The permit fee charged is
the one valid on the day the permit starts (1 January for a renewal), the change fee the one
valid on the day of the change. ``MANNHEIM_FEES`` is Mannheim's schedule (its data migration
and the demo loader write it).
"""

from __future__ import annotations

from datetime import date

from buergerportal.catalogue.fees import fee_amount
from buergerportal.catalogue.models import Fee

SERVICE_SLUG = "bewohnerparkausweis"
PERMIT_CODE = "BEWOHNERPARKEN"
CHANGE_CODE = "BEWOHNERPARKEN-AENDERUNG"

PERMIT_LABEL = {"de": "Bewohnerparkausweis (ein Jahr)", "en": "Resident parking permit (one year)"}
CHANGE_LABEL = {
    "de": "Änderung des Bewohnerparkausweises",
    "en": "Change of resident parking permit",
}

# (code, label, amount in cents, valid from): Mannheim's fees since 2019.
MANNHEIM_FEES = (
    (PERMIT_CODE, PERMIT_LABEL, 3070, date(2019, 1, 1)),
    (PERMIT_CODE, PERMIT_LABEL, 6375, date(2023, 1, 1)),
    (PERMIT_CODE, PERMIT_LABEL, 9563, date(2024, 1, 1)),
    (PERMIT_CODE, PERMIT_LABEL, 12750, date(2025, 1, 1)),
    (CHANGE_CODE, CHANGE_LABEL, 1500, date(2019, 1, 1)),
)


def permit_fee(*, starts_on: date) -> int:
    """The fee in cents of a permit starting on ``starts_on``."""
    return fee_amount(service_slug=SERVICE_SLUG, code=PERMIT_CODE, on=starts_on)


def change_fee(*, on: date) -> int:
    """The fee in cents of a change of plate or address made on ``on``."""
    return fee_amount(service_slug=SERVICE_SLUG, code=CHANGE_CODE, on=on)


def parking_fees_load() -> int:
    """Write Mannheim's schedule (rows already there keep their amount); returns rows added."""
    added = 0
    for code, label, amount_cents, valid_from in MANNHEIM_FEES:
        _fee, created = Fee.objects.get_or_create(
            service_slug=SERVICE_SLUG,
            code=code,
            valid_from=valid_from,
            defaults={"label": label, "amount_cents": amount_cents},
        )
        added += created
    return added
