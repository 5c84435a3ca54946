"""Reference numbers such as ``BP-2026-000123-97``.

The last two digits are an ISO 7064 MOD 97-10 check (the IBAN scheme) over the digits of year and
sequence number: ``check = 98 - (int(year + number) * 100 mod 97)``, and a reference is valid when
``int(year + number + check) mod 97 == 1``. It catches every single wrong digit and every swap of
two neighbouring digits, so a mistyped reference is rejected instead of finding someone else's.
"""

from __future__ import annotations

import re

from django.db import transaction

from .models import ReferenceSequence

PREFIX = "BP"
_PATTERN = re.compile(r"^\s*BP-?(\d{4})-?(\d{6,})-?(\d{2})\s*$", re.IGNORECASE)


def reference_check_digits(digits: str) -> str:
    return f"{98 - (int(digits) * 100) % 97:02d}"


def reference_format(*, year: int, number: int) -> str:
    digits = f"{year:04d}{number:06d}"
    return f"{PREFIX}-{year:04d}-{number:06d}-{reference_check_digits(digits)}"


def reference_normalise(value: str) -> str | None:
    """The canonical form of a typed reference, or None if it is malformed or fails the check."""
    match = _PATTERN.match(value or "")
    if not match:
        return None
    year, number, check = match.groups()
    if int(year + number + check) % 97 != 1:
        return None
    return f"{PREFIX}-{year}-{number}-{check}"


def reference_next(*, year: int) -> str:
    """Draw the next reference for ``year``; call inside the submitting transaction."""
    with transaction.atomic():
        ReferenceSequence.objects.get_or_create(year=year)
        sequence = ReferenceSequence.objects.select_for_update().get(year=year)
        sequence.last += 1
        sequence.save(update_fields=["last"])
    return reference_format(year=year, number=sequence.last)
