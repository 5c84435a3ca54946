"""The extended lookup's fee into the fee schedule (15 euros from 2020; the Mannheim amount is
not confirmed: a city changes it in the admin with a new row from a later day)."""

import datetime

from django.db import migrations


def seed(apps, schema_editor):
    Fee = apps.get_model("catalogue", "Fee")
    Fee.objects.get_or_create(
        service_slug="gewerbeauskunft",
        code="GEWERBEAUSKUNFT",
        valid_from=datetime.date(2020, 1, 1),
        defaults={
            "label": {"de": "Erweiterte Gewerbeauskunft", "en": "Extended business-register lookup"},
            "amount_cents": 1500,
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0001_fee_schedule"),
        ("business_lookup", "0002_search_index"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
