"""The certificates' fees, read from the dated fee schedule (``catalogue.fees``).

In Baden-Württemberg the Land sets them (§ 5 PStG-DVO BW, Gebührenverzeichnis Anlage 1): one
amount per certificate, whatever its form, and registered mail on top. Anlage 2 and § 64 SGB X
make certificates for some purposes free of charge (``rules.FREE_PURPOSES``).
"""

from __future__ import annotations

from datetime import date

from buergerportal.catalogue.definitions import FeePart
from buergerportal.catalogue.fees import fee_amount
from buergerportal.catalogue.models import Fee

SERVICE_SLUG = "personenstandsurkunde"
CERTIFICATE_CODE = "PERSONENSTANDSURKUNDE"
REGISTERED_MAIL_CODE = "PERSONENSTANDSURKUNDE-EINSCHREIBEN"

BW_FEES = (
    (
        CERTIFICATE_CODE,
        {"de": "Personenstandsurkunde (je Exemplar)", "en": "Civil-status certificate (per copy)"},
        2000,
        date(2013, 11, 1),
    ),
    (
        REGISTERED_MAIL_CODE,
        {"de": "Versand als Einschreiben", "en": "Registered mail"},
        425,
        date(2013, 11, 1),
    ),
)


def certificate_fee_parts(*, copies: int, registered: bool, free: bool, on: date) -> list[FeePart]:
    """The fee's lines: the copies (nothing for a free purpose), and registered mail on top."""
    parts = []
    if not free:
        each = fee_amount(service_slug=SERVICE_SLUG, code=CERTIFICATE_CODE, on=on)
        parts.append(FeePart(CERTIFICATE_CODE, copies * each, quantity=copies))
    if registered:
        mail = fee_amount(service_slug=SERVICE_SLUG, code=REGISTERED_MAIL_CODE, on=on)
        parts.append(FeePart(REGISTERED_MAIL_CODE, mail))
    return parts


def certificate_fee(*, copies: int, registered: bool, free: bool, on: date) -> int:
    """The fee in cents: per copy (nothing for a free purpose), plus registered mail."""
    parts = certificate_fee_parts(copies=copies, registered=registered, free=free, on=on)
    return sum(part.amount_cents for part in parts)


def certificate_fees_load() -> int:
    """Write the Land's schedule (rows already there keep their amount); returns rows added."""
    added = 0
    for code, label, amount_cents, valid_from in BW_FEES:
        _fee, created = Fee.objects.get_or_create(
            service_slug=SERVICE_SLUG,
            code=code,
            valid_from=valid_from,
            defaults={"label": label, "amount_cents": amount_cents},
        )
        added += created
    return added
