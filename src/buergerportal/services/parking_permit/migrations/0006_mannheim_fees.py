"""Mannheim's parking permit fees into the fee schedule (they were settings before)."""

import datetime

from django.db import migrations

SLUG = "bewohnerparkausweis"
PERMIT = {"de": "Bewohnerparkausweis (ein Jahr)", "en": "Resident parking permit (one year)"}
CHANGE = {"de": "Änderung des Bewohnerparkausweises", "en": "Change of resident parking permit"}
FEES = [
    ("BEWOHNERPARKEN", PERMIT, 3070, datetime.date(2019, 1, 1)),
    ("BEWOHNERPARKEN", PERMIT, 6375, datetime.date(2023, 1, 1)),
    ("BEWOHNERPARKEN", PERMIT, 9563, datetime.date(2024, 1, 1)),
    ("BEWOHNERPARKEN", PERMIT, 12750, datetime.date(2025, 1, 1)),
    ("BEWOHNERPARKEN-AENDERUNG", CHANGE, 1500, datetime.date(2019, 1, 1)),
]


def seed(apps, schema_editor):
    Fee = apps.get_model("catalogue", "Fee")
    for code, label, amount_cents, valid_from in FEES:
        Fee.objects.get_or_create(
            service_slug=SLUG,
            code=code,
            valid_from=valid_from,
            defaults={"label": label, "amount_cents": amount_cents},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0001_fee_schedule"),
        ("parking_permit", "0005_language_code_length"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
