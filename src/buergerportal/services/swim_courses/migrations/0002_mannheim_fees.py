"""Mannheim's swimming-course fees into the fee schedule (DOMAIN.md §3)."""

import datetime

from django.db import migrations

SLUG = "schwimmkurs"
FEES = [
    (
        "SCHWIMMKURS-ANFAENGER",
        {"de": "Schwimmkurs für Anfänger", "en": "Beginners' swimming course"},
        6000,
    ),
    (
        "SCHWIMMKURS-FORTGESCHRITTENE",
        {"de": "Schwimmkurs für Fortgeschrittene", "en": "Advanced swimming course"},
        6000,
    ),
    ("SCHWIMMKURS-AQUA", {"de": "Aqua-Kurs", "en": "Aqua course"}, 8400),
]


def seed(apps, schema_editor):
    Fee = apps.get_model("catalogue", "Fee")
    for code, label, amount_cents in FEES:
        Fee.objects.get_or_create(
            service_slug=SLUG,
            code=code,
            valid_from=datetime.date(2020, 1, 1),
            defaults={"label": label, "amount_cents": amount_cents},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0001_fee_schedule"),
        ("swim_courses", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
