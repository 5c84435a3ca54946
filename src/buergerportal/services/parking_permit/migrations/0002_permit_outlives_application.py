"""A permit outlives its application: SET_NULL instead of CASCADE, and the permit keeps its own
reference number, holder, language and unit (copied from the application here)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def copy_from_application(apps, schema_editor):
    Permit = apps.get_model("parking_permit", "Permit")
    permits = Permit.objects.select_related("application").order_by("pk")
    batch = []
    for permit in permits.iterator(chunk_size=1000):
        application = permit.application
        permit.reference = application.reference
        permit.holder_id = application.applicant_id
        permit.language = application.language
        permit.unit_id = application.unit_id
        batch.append(permit)
        if len(batch) == 1000:
            Permit.objects.bulk_update(batch, ["reference", "holder", "language", "unit"])
            batch = []
    if batch:
        Permit.objects.bulk_update(batch, ["reference", "holder", "language", "unit"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("applications", "0003_queue_indexes"),
        ("parking_permit", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="permit",
            name="application",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="parking_permits",
                to="applications.application",
            ),
        ),
        migrations.AddField(
            model_name="permit",
            name="reference",
            field=models.CharField(
                db_index=True, default="", max_length=20, verbose_name="reference number"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="permit",
            name="holder",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="parking_permits",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="permit",
            name="language",
            field=models.CharField(default="de", max_length=5, verbose_name="language"),
        ),
        migrations.AddField(
            model_name="permit",
            name="unit",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="accounts.orgunit",
            ),
        ),
        migrations.RunPython(copy_from_application, migrations.RunPython.noop),
    ]
