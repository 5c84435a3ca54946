"""The certificates' fees, read from the dated fee schedule (``catalogue.fees``).

Sources (research notes in DOMAIN.md § 2, read in 2026):

- In Baden-Württemberg the Land, not the city, sets the fees: § 5 PStG-DVO BW ("Die Gemeinden
  erheben … Gebühren nach dem Gebührenverzeichnis (Anlage 1)"); Anlage 2 lists fee-free cases;
  the registry office may reduce or waive a fee where it would be unfair.
- The amounts are those the city of Heidelberg (BW) publishes under that tariff
  (heidelberg.de/HD/Rathaus/Gebuehren.html): 20,00 € per birth, marriage, civil-partnership or
  death certificate, certified copy or international certificate; 4,25 € for registered mail;
  free copies of a birth certificate for maternity, child or parental benefit. As the tariff is
  the Land's, Mannheim's should be the same, but this is NOT confirmed for Mannheim, and the
  exact line of Anlage 1 was not seen: a city checks the rows in the admin's fee schedule.
- ``valid_from`` 1 November 2013 is the PStG-DVO BW of 2013, not a confirmed date of these
  amounts: a city with an older or newer amount adds a dated row.
- Free for the statutory pension: § 64 Abs. 2 SGB X (obtaining a social benefit costs nothing);
  not in the research notes, kept as the registry offices' common practice.

One amount per copy, whatever its form, and registered mail on top; ``rules.FREE_PURPOSES``
says which purposes are free.
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
