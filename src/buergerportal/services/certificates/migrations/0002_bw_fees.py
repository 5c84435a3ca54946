"""Baden-Württemberg's certificate fees (PStG-DVO BW, Anlage 1) into the fee schedule: the
amounts Heidelberg publishes under that tariff (sources and what is unconfirmed: ../fees.py)."""

import datetime

from django.db import migrations

SLUG = "personenstandsurkunde"
FEES = [
    (
        "PERSONENSTANDSURKUNDE",
        {"de": "Personenstandsurkunde (je Exemplar)", "en": "Civil-status certificate (per copy)"},
        2000,
        datetime.date(2013, 11, 1),
    ),
    (
        "PERSONENSTANDSURKUNDE-EINSCHREIBEN",
        {"de": "Versand als Einschreiben", "en": "Registered mail"},
        425,
        datetime.date(2013, 11, 1),
    ),
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
        ("certificates", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
