"""Mannheim's dog tax rates into the fee schedule: since 2004 and (planned) from 2026."""

import datetime

from django.db import migrations

SLUG = "hundesteuer"
LABELS = {
    "HUNDESTEUER-ERSTHUND": {"de": "Hundesteuer, erster Hund", "en": "Dog tax, first dog"},
    "HUNDESTEUER-WEITERER": {"de": "Hundesteuer, jeder weitere Hund", "en": "Dog tax, each further dog"},
    "HUNDESTEUER-LISTENHUND": {"de": "Hundesteuer, Listenhund", "en": "Dog tax, listed dog"},
    "HUNDESTEUER-SOZIAL": {
        "de": "Hundesteuer, erster Hund mit Sozialleistungen",
        "en": "Dog tax, first dog with social benefits",
    },
}
RATES = [
    ("HUNDESTEUER-ERSTHUND", 10800, datetime.date(2004, 1, 1)),
    ("HUNDESTEUER-WEITERER", 21600, datetime.date(2004, 1, 1)),
    ("HUNDESTEUER-LISTENHUND", 64800, datetime.date(2004, 1, 1)),
    ("HUNDESTEUER-SOZIAL", 5400, datetime.date(2004, 1, 1)),
    ("HUNDESTEUER-ERSTHUND", 14400, datetime.date(2026, 1, 1)),
    ("HUNDESTEUER-WEITERER", 26400, datetime.date(2026, 1, 1)),
    ("HUNDESTEUER-LISTENHUND", 74400, datetime.date(2026, 1, 1)),
    ("HUNDESTEUER-SOZIAL", 6000, datetime.date(2026, 1, 1)),
]


def seed(apps, schema_editor):
    Fee = apps.get_model("catalogue", "Fee")
    for code, amount_cents, valid_from in RATES:
        Fee.objects.get_or_create(
            service_slug=SLUG,
            code=code,
            valid_from=valid_from,
            defaults={"label": LABELS[code], "amount_cents": amount_cents},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0001_fee_schedule"),
        ("dog_tax", "0001_dog_register"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
